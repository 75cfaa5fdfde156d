package dev.podbot.podpoint.home;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.ChargerReads;
import dev.podbot.podpoint.PodPointAuth;
import dev.podbot.podpoint.PodPointException;
import dev.podbot.podpoint.PodPointHttp;
import dev.podbot.podpoint.PodPointJson;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.UnsupportedFeatureException;
import dev.podbot.podpoint.legacy.LegacyPodPointClient;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;
import io.quarkus.logging.Log;

/**
 * The Pod Home generation (API doc §10): reads here, writes in {@link HomeWrites} (Pod Home endpoints only,
 * because on a migrated account the legacy writes are accepted and ignored). Reads that only the legacy API offers (the user, the history
 * from before the migration) come from {@link LegacyPodPointClient}.
 *
 * <p>Mode model (§10.19): Smart = delegated control ACTIVE; Basic = INACTIVE with Scheduled (no override), Always
 * on (override without {@code endAt}) or a timed boost. A write that needs Basic switches Smart off first and says
 * so in the {@link Change}. The status is read before every PATCH, so a redundant PATCH (which Pod Point rejects) is
 * never sent; {@code endAt} is left out, never sent as null (Pod Point answers 403 to null).
 */
@ApplicationScoped
public class PodHomeClient implements ChargerReads {

    static final String EP_CHARGERS = "GET /chargers";
    static final String EP_CONNECTIVITY = "GET /chargers/{ppid}/connectivity-status-v2";
    static final String EP_OVERRIDES = "GET /chargers/{ppid}/charge-overrides";
    static final String EP_POST_OVERRIDE = "POST /chargers/{ppid}/charge-overrides";
    static final String EP_DELETE_OVERRIDES = "DELETE /chargers/{ppid}/charge-overrides";
    static final String EP_SCHEDULES = "GET /chargers/{ppid}/manual-schedules";
    static final String EP_PUT_SCHEDULES = "PUT /chargers/{ppid}/manual-schedules";
    static final String EP_DELEGATED = "GET /smart-charging/delegated-controls/{ppid}";
    static final String EP_PATCH_DELEGATED = "PATCH /smart-charging/delegated-controls/{ppid}";
    static final String EP_CHARGES = "GET /charges";
    static final String EP_FIRMWARE = "GET /chargers/{ppid}/firmware";
    static final String EP_CHARGE_STATISTICS = "GET /chargers/{ppid}/charge-statistics";

    static final String F_OVERRIDES = "charge overrides";
    static final String F_SCHEDULES = "manual schedules";
    static final String F_SMART = "smart charging";
    static final String F_CONNECTIVITY = "live status";
    static final String F_FIRMWARE = "firmware";
    static final String F_HISTORY = "charge history";
    static final String F_STATISTICS = "charge statistics";

    /** The app's "Full charge" boost (§10.4). */
    public static final Duration FULL_CHARGE = Duration.ofHours(12);
    static final Duration MAX_BOOST = Duration.ofHours(24);
    /** Per-charger calls in flight at once, over all accounts. */
    static final int PARALLEL = 6;
    static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @Inject
    HomeCalls calls;

    @Inject
    PodPointHttp http;

    @Inject
    PodPointAuth auth;

    @Inject
    PodPointJson codec;

    @Inject
    HomeHistory history;

    private final ExecutorService pool = dev.podbot.DaemonThreads.fixedPool("podhome-reads", PARALLEL);

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    // ---- reads

    /** {@code GET /chargers}: the raw list (a 404/410 here means "not a Pod Home account": the caller rediscovers). */
    public List<JsonNode> chargers(PodPointSession s) {
        PodPointHttp.Result r = auth.authorised(s, EP_CHARGERS, true, b -> http.home().chargers(b));
        JsonNode body = codec.okAny(EP_CHARGERS, r, s);
        JsonNode list = body.isArray() ? body : body.path("data");
        if (!list.isArray()) {
            throw new dev.podbot.podpoint.PodPointApiException(EP_CHARGERS, r.status(), null, "expected a list of chargers");
        }
        List<JsonNode> out = new ArrayList<>();
        list.forEach(n -> {
            if (HomeMapper.text(n, "ppid") != null) {
                out.add(n);
            }
        });
        return out;
    }

    /** The chargers, then ONE round of parallel per-charger reads (live status, overrides, schedules). */
    @Override
    public List<Pod> allPods(PodPointSession s, String includes) {
        List<JsonNode> chargers = chargers(s);
        Instant now = Instant.now();
        // Pod Home has no charger names: the legacy pod list (still readable) has them, read in the same round
        CompletableFuture<Map<String, String>> names = chargers.isEmpty() ? CompletableFuture.completedFuture(Map.of())
                : async(() -> soft(() -> legacyNames(s)));
        List<CompletableFuture<Pod>> futures = new ArrayList<>();
        for (JsonNode c : chargers) {
            String ppid = HomeMapper.text(c, "ppid");
            CompletableFuture<ConnectivityStatus> live = async(() -> soft(() -> readConnectivity(s, ppid)));
            CompletableFuture<ChargeOverride> override = async(() -> soft(() -> currentOverride(s, ppid, now)));
            CompletableFuture<List<ChargeSchedule>> schedules = async(() -> soft(() -> readSchedules(s, ppid)));
            futures.add(live.thenCombine(override, (l, o) -> new Object[] {l, o})
                    .thenCombine(schedules, (lo, sch) -> new Object[] {lo[0], lo[1], sch})
                    .thenCombine(names, (x, n) -> HomeMapper.pod(c, n == null ? null : n.get(ppid),
                            (ConnectivityStatus) x[0], (ChargeOverride) x[1], castSchedules(x[2]))));
        }
        List<Pod> pods = new ArrayList<>();
        for (CompletableFuture<Pod> f : futures) {
            try {
                pods.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        return pods;
    }

    @SuppressWarnings("unchecked")
    private static List<ChargeSchedule> castSchedules(Object o) {
        return (List<ChargeSchedule>) o;
    }

    /** PPID → the name the user gave the charger, from the legacy pod list. */
    private Map<String, String> legacyNames(PodPointSession s) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Pod p : history.legacy().pods(s, 1, 50, null)) {
            if (p.ppid() != null && p.name() != null && !p.name().isBlank()) {
                names.put(p.ppid(), p.name());
            }
        }
        return names;
    }

    private <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, pool);
    }

    /** A read that may fail without failing the list: null, except a sign-in problem which must surface. */
    private static <T> T soft(Supplier<T> read) {
        try {
            return read.get();
        } catch (SignInRejectedException e) {
            throw e;
        } catch (dev.podbot.podpoint.MfaRequiredException e) {
            throw e;
        } catch (PodPointException e) {
            Log.debugf("A Pod Home read failed (%s); showing it as unknown", e.getClass().getSimpleName());
            return null;
        }
    }

    ConnectivityStatus readConnectivity(PodPointSession s, String ppid) {
        JsonNode n = calls.read(s, F_CONNECTIVITY, ppid, EP_CONNECTIVITY, b -> http.home().connectivity(b, ppid));
        return HomeMapper.connectivity(ppid, n);
    }

    ChargeOverride currentOverride(PodPointSession s, String ppid, Instant now) {
        JsonNode n = calls.read(s, F_OVERRIDES, ppid, EP_OVERRIDES, b -> http.home().overrides(b, ppid));
        return HomeMapper.currentOverride(ppid, n, now);
    }

    List<ChargeSchedule> readSchedules(PodPointSession s, String ppid) {
        JsonNode n = calls.read(s, F_SCHEDULES, ppid, EP_SCHEDULES, b -> http.home().schedules(b, ppid));
        return HomeMapper.schedules(n);
    }

    /** ACTIVE, INACTIVE, PENDING or UNKNOWN (upper case); null when Pod Point did not say. */
    String delegatedStatus(PodPointSession s, String ppid) {
        JsonNode n = calls.read(s, F_SMART, ppid, EP_DELEGATED, b -> http.home().delegatedControl(b, ppid));
        String st = HomeMapper.text(n, "status");
        return st == null ? null : st.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public ChargesPage charges(PodPointSession s, int page, int perPage) {
        return history.page(s, page, perPage);
    }

    @Override
    public List<Charge> allCharges(PodPointSession s) {
        return history.all(s);
    }

    @Override
    public List<Charge> completedSince(PodPointSession s, Instant since) {
        return history.completedSince(s, since, Instant.now());
    }

    @Override
    public List<Charge> completedSince(PodPointSession s, Instant since, Instant now) {
        return history.completedSince(s, since, now);
    }

    @Override
    public List<Charge> chargesBetween(PodPointSession s, Instant from, Instant to) {
        return history.between(s, from, to);
    }

    /**
     * Sums {@code GET /chargers/{ppid}/charge-statistics} (API doc §10.12: {@code energy.totalUsage} kWh,
     * {@code energy.cost} pence, finished charges only) over the chargers; empty when a charger has no such
     * statistics or Pod Point leaves a number out, so the caller sums the charges instead.
     */
    @Override
    public Optional<dev.podbot.podpoint.model.PeriodTotals> periodTotals(PodPointSession s, List<Pod> pods,
            java.time.LocalDate from, java.time.LocalDate to) {
        dev.podbot.podpoint.model.PeriodTotals sum = new dev.podbot.podpoint.model.PeriodTotals(0, 0);
        String f = from.toString();
        String t = to.toString();
        for (Pod pod : pods) {
            String ppid = pod.ppid();
            if (ppid == null) {
                return Optional.empty();
            }
            JsonNode n;
            try {
                n = calls.read(s, F_STATISTICS, ppid, EP_CHARGE_STATISTICS,
                        b -> http.home().chargeStatistics(b, ppid, f, t));
            } catch (UnsupportedFeatureException e) {
                return Optional.empty();
            }
            JsonNode energy = n.path("energy");
            if (!energy.path("totalUsage").isNumber() || !energy.path("cost").isNumber()) {
                return Optional.empty();
            }
            sum = sum.plus(new dev.podbot.podpoint.model.PeriodTotals(energy.path("totalUsage").asDouble(),
                    Math.round(energy.path("cost").asDouble())));
        }
        return Optional.of(sum);
    }

    @Override
    public Optional<ChargeOverride> chargeOverride(PodPointSession s, Pod pod) {
        return Optional.ofNullable(currentOverride(s, ppid(pod), Instant.now()));
    }

    @Override
    public ConnectivityStatus connectivity(PodPointSession s, Pod pod) {
        return pod.live() != null ? pod.live() : readConnectivity(s, ppid(pod));
    }

    @Override
    public List<Firmware> firmware(PodPointSession s, Pod pod) {
        String ppid = ppid(pod);
        JsonNode n = calls.read(s, F_FIRMWARE, ppid, EP_FIRMWARE, b -> http.home().firmware(b, ppid));
        JsonNode list = n.isArray() ? n : n.has("data") ? n.get("data") : codec.mapper().createArrayNode().add(n);
        if (list.isObject()) {
            list = codec.mapper().createArrayNode().add(list);
        }
        return codec.readList(list, Firmware.class, EP_FIRMWARE);
    }

    @Override
    public PodPointUser currentUser(PodPointSession s) {
        return history.legacy().currentUser(s);
    }

    private static String ppid(Pod pod) {
        if (pod == null || pod.ppid() == null || pod.ppid().isBlank()) {
            throw new UnsupportedFeatureException("this charger (it has no PPID)");
        }
        return pod.ppid().trim();
    }
}
