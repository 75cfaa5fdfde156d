package dev.podbot.command;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.BotConfig;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Pod;

/**
 * What Pod Point last said about each chat's chargers (the pods and whether each is online), kept in memory so
 * {@code /pods} can answer at once instead of making 1 + N calls again: the poller writes it after every poll, a
 * live {@code /pods} after its read. It is used while it is younger than the poll interval plus a minute, and
 * forgotten when the chat changes a charger or signs in or out, so nobody sees a state older than their own change.
 * Thread-safe.
 */
@ApplicationScoped
public class PodSnapshots {

    /**
     * One chat's chargers as read at {@code at} for Pod Point user {@code user}; {@code online} maps unit id to
     * online (absent: unknown).
     */
    public record Snapshot(String user, List<Pod> pods, Map<Long, Boolean> online, Instant at) {
        public Snapshot {
            pods = List.copyOf(pods);
            online = Map.copyOf(online);
        }

        public Duration age(Instant now) {
            return Duration.between(at, now).isNegative() ? Duration.ZERO : Duration.between(at, now);
        }
    }

    static final int MAX_CHATS = 100_000;

    @Inject
    BotConfig bot;

    private final Map<Long, Snapshot> byChat = new ConcurrentHashMap<>();

    /**
     * Records what was just read. A poll reads fewer fields than {@code /pods} (no model): those are kept from the
     * previous snapshot of the same charger.
     */
    public void put(long chatId, String user, List<Pod> pods, Map<Long, Boolean> online, Instant at) {
        if (pods == null || user == null || byChat.size() >= MAX_CHATS && !byChat.containsKey(chatId)) {
            return;
        }
        Snapshot prev = byChat.get(chatId);
        Map<Long, Pod> before = new HashMap<>();
        if (prev != null && user.equals(prev.user())) {
            prev.pods().forEach(p -> before.put(p.unitId(), p));
        }
        List<Pod> merged = pods.stream().filter(p -> p != null).map(p -> {
            Pod old = before.get(p.unitId());
            return p.model() == null && old != null && old.model() != null ? p.withModel(old.model()) : p;
        }).toList();
        Map<Long, Boolean> known = new HashMap<>();
        online.forEach((unit, on) -> {
            if (unit != null && on != null) {
                known.put(unit, on);
            }
        });
        byChat.merge(chatId, new Snapshot(user, merged, known, at), (a, b) -> b.at().isBefore(a.at()) ? a : b);
    }

    /** The snapshot of the chat's account {@code user} if it is recent enough to answer {@code /pods}, else null. */
    public Snapshot fresh(long chatId, String user, Instant now) {
        Snapshot s = byChat.get(chatId);
        if (s == null || !s.user().equals(user) || s.pods().isEmpty() || s.pods().stream().anyMatch(p -> p.model() == null)) {
            return null; // never read in full yet: a live read also learns the models
        }
        return s.age(now).compareTo(bot.pollInterval().plusMinutes(1)) <= 0 ? s : null;
    }

    /** Online per unit id from connectivity statuses (as read by a poll). */
    public static Map<Long, Boolean> online(Map<Long, ConnectivityStatus> connectivity) {
        Map<Long, Boolean> m = new HashMap<>();
        connectivity.forEach((unit, c) -> {
            if (c != null) {
                m.put(unit, c.online());
            }
        });
        return m;
    }

    /** True for commands after which {@code /pods} must read live: charger changes, sign-in and sign-out. */
    static boolean mayChangeWhatPodsShows(CommandHandler h) {
        return h instanceof ChargerCommand && !(h instanceof PodsHandler) && !(h instanceof ChargesHandler)
                || h instanceof LoginHandler || h instanceof LogoutHandler;
    }

    /** The chat did something else: its next {@code /pods} reads live. */
    public void forget(long chatId) {
        byChat.remove(chatId);
    }
}
