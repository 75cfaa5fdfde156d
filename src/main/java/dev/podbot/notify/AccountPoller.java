package dev.podbot.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import dev.podbot.BotConfig;
import dev.podbot.account.AccountService;
import dev.podbot.podpoint.MfaRequiredException;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.PodPointUnavailableException;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.command.PodSnapshots;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

/**
 * Polls one account once: pods, connectivity per pod, firmware every Nth poll, charges incrementally; then the
 * detector; then ONE transaction writes the new state and the outbox rows. Pod Point failures back this account
 * off on its own; a rejected sign-in tells the chat once and pauses polling until /login.
 */
@ApplicationScoped
public class AccountPoller {

    public enum Outcome { OK, FAILED, AUTH_FAILED, GONE }

    @Inject
    PodPointClient podPoint;

    @Inject
    AccountService accounts;

    @Inject
    PollStateRepository pollStates;

    @Inject
    NotifyConfig config;

    @Inject
    BotConfig bot;

    @Inject
    NotifyClock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    PodSnapshots snapshots;

    /** Polls one account and records podbot.poll.cycle and podbot.poll.accounts{outcome}. Never throws. */
    @ActivateRequestContext
    public Outcome poll(long chatId) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome = doPoll(chatId);
        sample.stop(registry.timer("podbot.poll.cycle"));
        registry.counter("podbot.poll.accounts", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return outcome;
    }

    /**
     * Where the charge scan starts: the last successful scan minus {@link #SCAN_OVERLAP} (so a charge that Pod Point
     * lists a little late is still caught; the detector drops what it already knows), everything on the first poll,
     * and two days back for an account whose last scan time is not known (stored before this column existed).
     */
    static Instant scanSince(AccountState prev, Instant now) {
        if (!prev.firstPollDone()) {
            return null;
        }
        if (prev.scannedAt() == null) {
            return now.minus(Duration.ofDays(2));
        }
        return prev.scannedAt().minus(SCAN_OVERLAP);
    }

    /** How far each charge scan overlaps the previous one. */
    static final Duration SCAN_OVERLAP = Duration.ofMinutes(30);

    private Outcome doPoll(long chatId) {
        Duration interval = bot.pollInterval();
        try {
            AccountState prev = Tx.run(() -> pollStates.loadAccountState(chatId));
            PodPointSession session = accounts.session(chatId).orElse(null);
            if (session == null) {
                return Outcome.GONE;
            }
            boolean firstPoll = !prev.firstPollDone();
            podPoint.generation(session); // discovers the API generation when unknown or a day old
            List<Pod> pods = podPoint.allPods(session,
                    firstPoll ? PodPointClient.FULL_INCLUDES : PodPointClient.POLL_INCLUDES);
            pods = pods == null ? List.of() : pods;
            Map<Long, ConnectivityStatus> conn = new HashMap<>();
            Map<Long, List<Firmware>> fw = new HashMap<>();
            boolean firmwareDue = prev.pollCount() % Math.max(1, config.firmwareEvery()) == 0;
            for (Pod pod : pods) {
                if (pod == null) {
                    continue;
                }
                ConnectivityStatus c = pod.live() != null ? pod.live() : podPoint.connectivity(session, pod);
                if (c != null) {
                    conn.put(pod.unitId(), c);
                }
                if (firmwareDue) {
                    List<Firmware> f = podPoint.firmware(session, pod);
                    fw.put(pod.unitId(), f == null ? List.of() : f);
                }
            }
            snapshots.put(chatId, session.userId(), pods, PodSnapshots.online(conn), Instant.now()); // /pods may answer from it
            Instant now = clock.now();
            List<Charge> charges = podPoint.completedSince(session, scanSince(prev, now), now);
            // read after the calls: one of them may have found that the account moved to the other generation
            String generation = session.generation() == null ? null : session.generation().wire();
            Observation obs = new Observation(pods, conn, fw, charges, now, generation);
            Detection d = new EventDetector(config.timezone()).detect(chatId, prev, obs);
            int queued = Tx.run(() -> pollStates.saveSuccess(chatId, prev, d, now, config.timezone()));
            if (queued > 0) {
                Log.debugf("Chat %d: %d notification(s) queued", chatId, queued);
            }
            return Outcome.OK;
        } catch (SignInRejectedException | MfaRequiredException e) {
            try {
                Tx.run(() -> {
                    pollStates.saveAuthFailure(chatId, clock.now(), config.timezone());
                    accounts.markAuthFailed(chatId);
                    return null;
                });
                Log.infof("Chat %d: Pod Point rejected the saved sign-in; polling paused until /login", chatId);
            } catch (RuntimeException e2) {
                Log.warnf("Chat %d: could not record the sign-in failure (%s)", chatId, e2.getClass().getSimpleName());
            }
            return Outcome.AUTH_FAILED;
        } catch (RuntimeException e) {
            try {
                Duration backoff = Tx.run(() -> pollStates.saveFailure(chatId, clock.now(), interval, config.maxBackoff()));
                // an unreachable Pod Point says which setting and what to check; its message carries no secrets
                String why = e instanceof PodPointUnavailableException ? e.getMessage() : e.getClass().getSimpleName();
                Log.warnf("Chat %d: poll failed (%s); retrying in %ds", chatId, why, backoff.toSeconds());
            } catch (RuntimeException e2) {
                Log.warnf("Chat %d: poll failed and the backoff could not be saved (%s)", chatId,
                        e2.getClass().getSimpleName());
            }
            return Outcome.FAILED;
        }
    }
}
