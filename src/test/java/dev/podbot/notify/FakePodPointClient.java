package dev.podbot.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.podbot.podpoint.MfaChallenge;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.PodPointUnavailableException;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;

/**
 * In-memory Pod Point for the notification tests, keyed by the session's user id: pods, live connectivity,
 * firmware and charges (newest first), an injectable failure and call counters. Enabled only by
 * {@link NotifyTestProfile} (an alternative), so other tests keep the real client.
 */
@Alternative
@ApplicationScoped
public class FakePodPointClient implements PodPointClient {

    public static final class Account {
        public final List<Pod> pods = new CopyOnWriteArrayList<>();
        public final Map<Long, ConnectivityStatus> connectivity = new ConcurrentHashMap<>();
        public final Map<Long, List<Firmware>> firmware = new ConcurrentHashMap<>();
        public final List<Charge> charges = new CopyOnWriteArrayList<>();
        public volatile RuntimeException failure;
        public final AtomicInteger podCalls = new AtomicInteger();
        public volatile long latencyMillis;

        /** Adds a charge as the newest one. */
        public void addNewest(Charge c) {
            charges.removeIf(x -> x.id() == c.id());
            charges.add(0, c);
        }
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public Account account(String userId) {
        return accounts.computeIfAbsent(userId, k -> new Account());
    }

    public void reset() {
        accounts.clear();
    }

    /**
     * Links {@code chat} through {@code service} to a fresh fake account ("u" + chat) with one online, available pod
     * (unit {@code chat * 100}); returns the account so a test can change what Pod Point shows.
     */
    public Account linkWithOnePod(dev.podbot.account.AccountService service, long chat) {
        String user = "u" + chat;
        Account a = account(user);
        a.pods.add(DetectorFixtures.pod(chat * 10, chat * 100, "Pod " + chat));
        a.connectivity.put(chat * 100, DetectorFixtures.conn("ONLINE", "AVAILABLE"));
        PodPointSession s = new PodPointSession("u" + chat + "@example.com", "pw-" + chat);
        s.updateTokens("id", "rt", java.time.Instant.now().plusSeconds(3600));
        s.userId(user);
        service.link(chat, chat, s);
        return a;
    }

    private Account acc(PodPointSession s) {
        Account a = account(s.userId());
        if (a.latencyMillis > 0) {
            try {
                Thread.sleep(a.latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PodPointUnavailableException("interrupted", e);
            }
        }
        RuntimeException f = a.failure;
        if (f != null) {
            throw f;
        }
        return a;
    }

    @Override
    public List<Pod> allPods(PodPointSession session, String includes) {
        Account a = acc(session);
        a.podCalls.incrementAndGet();
        return List.copyOf(a.pods);
    }

    @Override
    public List<Pod> pods(PodPointSession session, int page, int perPage, String includes) {
        return page == 1 ? allPods(session, includes) : List.of();
    }

    @Override
    public Optional<Pod> pod(PodPointSession session, String idOrPpid) {
        return allPods(session, FULL_INCLUDES).stream()
                .filter(p -> idOrPpid.equals(String.valueOf(p.id())) || idOrPpid.equals(p.ppid())).findFirst();
    }

    @Override
    public ChargesPage charges(PodPointSession session, int page, int perPage) {
        List<Charge> all = acc(session).charges;
        int from = Math.min(all.size(), (page - 1) * perPage);
        return new ChargesPage(all.subList(from, Math.min(all.size(), from + perPage)), null);
    }

    @Override
    public List<Charge> allCharges(PodPointSession session) {
        return List.copyOf(acc(session).charges);
    }

    /** Every charge that ended at or after {@code since}, or is in progress (all of them when since is null). */
    @Override
    public List<Charge> completedSince(PodPointSession session, java.time.Instant since) {
        List<Charge> out = new ArrayList<>();
        for (Charge c : acc(session).charges) {
            if (since == null || c.endsAt() == null || !c.endsAt().toInstant().isBefore(since)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public dev.podbot.podpoint.ApiGeneration generation(PodPointSession session) {
        return dev.podbot.podpoint.ApiGeneration.LEGACY;
    }

    @Override
    public ConnectivityStatus connectivity(PodPointSession session, Pod pod) {
        ConnectivityStatus c = acc(session).connectivity.get(pod.unitId());
        return c == null ? new ConnectivityStatus(pod.ppid(), List.of()) : c;
    }

    @Override
    public List<Firmware> firmware(PodPointSession session, Pod pod) {
        return acc(session).firmware.getOrDefault(pod.unitId(), List.of());
    }

    // ---- not used by notifications

    @Override
    public PodPointSession signIn(String email, String password) {
        throw new UnsupportedOperationException("not used by the notification tests");
    }

    @Override
    public MfaChallenge sendMfaCode(MfaChallenge challenge) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PodPointSession finishMfaSignIn(String email, String password, MfaChallenge challenge, String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PodPointSession resume(String email, String password, String refreshToken, String userId) {
        PodPointSession s = new PodPointSession(email, password);
        s.updateTokens("id", refreshToken, java.time.Instant.now().plusSeconds(3600));
        s.userId(userId);
        return s;
    }

    @Override
    public Optional<ChargeOverride> chargeOverride(PodPointSession session, Pod pod) {
        return Optional.empty();
    }

    @Override
    public PodPointUser currentUser(PodPointSession session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change setChargingAllowed(PodPointSession session, Pod pod, boolean allowed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change setDailySchedule(PodPointSession session, Pod pod, LocalTime start, LocalTime end) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change boost(PodPointSession session, Pod pod, Duration duration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change manualMode(PodPointSession session, Pod pod) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change smartMode(PodPointSession session, Pod pod) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change scheduledMode(PodPointSession session, Pod pod) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.podbot.podpoint.Change stopBoost(PodPointSession session, Pod pod) {
        throw new UnsupportedOperationException();
    }
}
