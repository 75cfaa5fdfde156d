package dev.podbot.podpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.podpoint.home.HomeWrites;
import dev.podbot.podpoint.home.PodHomeClient;
import dev.podbot.podpoint.legacy.LegacyPodPointClient;
import dev.podbot.podpoint.legacy.LegacyWrites;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;
import io.quarkus.logging.Log;

/**
 * The {@link PodPointClient}: signs in ({@link PodPointAuth}), discovers each account's API generation and hands
 * every call to {@link PodHomeClient} or {@link LegacyPodPointClient}.
 *
 * <p>Discovery (API doc §10.19): {@code GET /chargers} answering a JSON array, even {@code []}, means Pod Home;
 * 404/410 means legacy; any other failure propagates and decides nothing. It runs at sign-in, when the stored
 * answer is older than a day, and again whenever an account-level call answers 404/410 (the call is then retried
 * once on the new generation). {@code PODPOINT_API_GENERATION=home|legacy} skips discovery for every account.
 */
@ApplicationScoped
public class RoutingPodPointClient implements PodPointClient {

    static final Duration REDISCOVER_AFTER = Duration.ofDays(1);

    @Inject
    PodPointAuth auth;

    @Inject
    PodPointConfig config;

    @Inject
    PodHomeClient home;

    @Inject
    LegacyPodPointClient legacy;

    @Inject
    HomeWrites homeWrites;

    @Inject
    LegacyWrites legacyWrites;

    // ---- sign-in

    @Override
    public PodPointSession signIn(String email, String password) {
        PodPointSession s = auth.signIn(email, password);
        generation(s);
        return s;
    }

    @Override
    public MfaChallenge sendMfaCode(MfaChallenge challenge) {
        return auth.sendMfaCode(challenge);
    }

    @Override
    public PodPointSession finishMfaSignIn(String email, String password, MfaChallenge challenge, String code) {
        PodPointSession s = auth.finishMfaSignIn(email, password, challenge, code);
        generation(s);
        return s;
    }

    @Override
    public PodPointSession resume(String email, String password, String refreshToken, String userId) {
        return auth.resume(email, password, refreshToken, userId);
    }

    // ---- discovery

    @Override
    public ApiGeneration generation(PodPointSession s) {
        ApiGeneration forced = ApiGeneration.parse(config.apiGeneration());
        if (forced != null) {
            if (s.generation() != forced) {
                s.generation(forced, Instant.now());
            }
            return forced;
        }
        Instant checked = s.generationCheckedAt();
        if (s.generation() != null && checked != null && checked.plus(REDISCOVER_AFTER).isAfter(Instant.now())) {
            return s.generation();
        }
        return discover(s);
    }

    private ApiGeneration discover(PodPointSession s) {
        ApiGeneration found;
        try {
            home.chargers(s);
            found = ApiGeneration.HOME;
        } catch (PodPointApiException e) {
            if (e.status() != 404 && e.status() != 410) {
                throw e;
            }
            found = ApiGeneration.LEGACY;
        }
        if (found != s.generation()) {
            Log.infof("Pod Point account %s is served by the %s API", s.userId(), found.wire());
        }
        s.generation(found, Instant.now());
        return found;
    }

    /** A read on the account's generation (see {@link #route}). */
    private <T> T on(PodPointSession s, Function<ChargerReads, T> call) {
        return route(s, g -> g == ApiGeneration.HOME ? home : legacy, call);
    }

    /** A write on the account's generation (see {@link #route}). */
    private <T> T write(PodPointSession s, Function<ChargerWrites, T> call) {
        return route(s, g -> g == ApiGeneration.HOME ? homeWrites : legacyWrites, call);
    }

    /** Runs a call on the account's generation; on 404/410 from an account-level call, rediscovers and retries once. */
    private <A, T> T route(PodPointSession s, Function<ApiGeneration, A> api, Function<A, T> call) {
        ApiGeneration g = generation(s);
        try {
            return call.apply(api.apply(g));
        } catch (PodPointApiException e) {
            if ((e.status() != 404 && e.status() != 410) || ApiGeneration.parse(config.apiGeneration()) != null) {
                throw e;
            }
            s.generationStale();
            ApiGeneration now = discover(s);
            if (now == g) {
                throw e;
            }
            return call.apply(api.apply(now));
        }
    }

    // ---- reads and writes: the account's generation

    @Override
    public List<Pod> pods(PodPointSession s, int page, int perPage, String includes) {
        return generation(s) == ApiGeneration.LEGACY ? on(s, api -> legacy.pods(s, page, perPage, includes))
                : PodPointClient.super.pods(s, page, perPage, includes);
    }

    @Override
    public List<Pod> allPods(PodPointSession s, String includes) {
        return on(s, api -> api.allPods(s, includes));
    }

    @Override
    public Optional<Pod> pod(PodPointSession s, String idOrPpid) {
        return on(s, api -> api.pod(s, idOrPpid));
    }

    @Override
    public ChargesPage charges(PodPointSession s, int page, int perPage) {
        return on(s, api -> api.charges(s, page, perPage));
    }

    @Override
    public List<Charge> allCharges(PodPointSession s) {
        return on(s, api -> api.allCharges(s));
    }

    @Override
    public List<Charge> completedSince(PodPointSession s, Instant since) {
        return on(s, api -> api.completedSince(s, since));
    }

    @Override
    public List<Charge> completedSince(PodPointSession s, Instant since, Instant now) {
        return on(s, api -> api.completedSince(s, since, now));
    }

    @Override
    public List<Charge> chargesBetween(PodPointSession s, Instant from, Instant to) {
        return on(s, api -> api.chargesBetween(s, from, to));
    }

    @Override
    public Optional<dev.podbot.podpoint.model.PeriodTotals> periodTotals(PodPointSession s, List<Pod> pods,
            java.time.LocalDate from, java.time.LocalDate to) {
        return on(s, api -> api.periodTotals(s, pods, from, to));
    }

    @Override
    public Optional<ChargeOverride> chargeOverride(PodPointSession s, Pod pod) {
        return on(s, api -> api.chargeOverride(s, pod));
    }

    @Override
    public ConnectivityStatus connectivity(PodPointSession s, Pod pod) {
        return on(s, api -> api.connectivity(s, pod));
    }

    /** Per-pod reads of one command run at most this many at once (all commands together). */
    static final int PARALLEL_READS = 8;

    private final ExecutorService reads = dev.podbot.DaemonThreads.fixedPool("podpoint-reads", PARALLEL_READS);

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    /** Concurrently, one call per pod without a live status (a 2-charger legacy /pods: 2 round trips, not 3). */
    @Override
    public Map<Long, ConnectivityStatus> connectivity(PodPointSession s, List<Pod> pods) {
        generation(s); // discovered once here, not by each parallel read
        return ConnectivityReads.concurrently(pods, pod -> connectivity(s, pod), reads);
    }

    @Override
    public List<Firmware> firmware(PodPointSession s, Pod pod) {
        return on(s, api -> api.firmware(s, pod));
    }

    @Override
    public PodPointUser currentUser(PodPointSession s) {
        return on(s, api -> api.currentUser(s));
    }

    @Override
    public Change setChargingAllowed(PodPointSession s, Pod pod, boolean allowed) {
        return write(s, api -> api.setChargingAllowed(s, pod, allowed));
    }

    @Override
    public Change setDailySchedule(PodPointSession s, Pod pod, LocalTime start, LocalTime end) {
        return write(s, api -> api.setDailySchedule(s, pod, start, end));
    }

    @Override
    public Change boost(PodPointSession s, Pod pod, Duration duration) {
        return write(s, api -> api.boost(s, pod, duration));
    }

    @Override
    public Change manualMode(PodPointSession s, Pod pod) {
        return write(s, api -> api.manualMode(s, pod));
    }

    @Override
    public Change smartMode(PodPointSession s, Pod pod) {
        return write(s, api -> api.smartMode(s, pod));
    }

    @Override
    public Change scheduledMode(PodPointSession s, Pod pod) {
        return write(s, api -> api.scheduledMode(s, pod));
    }

    @Override
    public Change stopBoost(PodPointSession s, Pod pod) {
        return write(s, api -> api.stopBoost(s, pod));
    }
}
