package dev.podbot.podpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;

/**
 * What the bot reads about an account's chargers, in generation-neutral models. Implemented once per API generation
 * ({@code podpoint.legacy}, {@code podpoint.home}); {@link PodPointClient} picks one per account. The writes are
 * {@link ChargerWrites}.
 */
public interface ChargerReads {

    /** Includes for the first, full read of pods (legacy API; Pod Home ignores them). */
    String FULL_INCLUDES = "statuses,price,model,unit_connectors,charge_schedules,charge_override";
    /** Includes for later polls (API doc §8.2): less load on Pod Point. */
    String POLL_INCLUDES = "statuses,charge_schedules,charge_override";

    /** Every charger of the account, with state, mode and schedules. */
    List<Pod> allPods(PodPointSession session, String includes);

    /** One pod by its id, unit id or PPID. */
    default Optional<Pod> pod(PodPointSession session, String idOrPpid) {
        if (idOrPpid == null || idOrPpid.isBlank()) {
            return Optional.empty();
        }
        String key = idOrPpid.trim();
        List<Pod> pods = allPods(session, FULL_INCLUDES);
        return pods.stream().filter(p -> String.valueOf(p.id()).equals(key)).findFirst()
                .or(() -> pods.stream().filter(p -> String.valueOf(p.unitId()).equals(key)).findFirst())
                .or(() -> pods.stream().filter(p -> p.ppid() != null && (p.ppid().equalsIgnoreCase(key)
                        || p.ppid().equalsIgnoreCase("PSL-" + key))).findFirst());
    }

    /** One page of charges, newest first by start time. perPage is 1..100. A page beyond the end is empty. */
    ChargesPage charges(PodPointSession session, int page, int perPage);

    /** Every charge, newest first. */
    List<Charge> allCharges(PodPointSession session);

    /**
     * Every completed charge that ended at or after {@code since} (and any in any order Pod Point lists them), plus
     * charges still in progress where the API shows them. The caller compares each with what it already announced,
     * so an overlap with earlier scans is expected and harmless; nothing that completed after {@code since} may be
     * missing, whatever the list order (issue 10).
     */
    List<Charge> completedSince(PodPointSession session, Instant since);

    /**
     * As {@link #completedSince(PodPointSession, Instant)}, with the caller's idea of the present: an API that asks
     * for charges by date window (Pod Home) reads up to {@code now}, so the window follows the notification clock
     * rather than the machine's.
     */
    default List<Charge> completedSince(PodPointSession session, Instant since, Instant now) {
        return completedSince(session, since);
    }

    /**
     * Charges that started in {@code [from, to)}, newest first, reading no more than the period needs: the
     * legacy history is paged newest first and the paging stops at the first page that reaches back before
     * {@code from} (Pod Point caps page sizes). Charges still in progress are included (they have no end yet).
     */
    default List<Charge> chargesBetween(PodPointSession session, Instant from, Instant to) {
        List<Charge> out = new java.util.ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int page = 1; page <= PERIOD_MAX_PAGES; page++) {
            List<Charge> got = charges(session, page, PERIOD_PAGE_SIZE).charges();
            boolean reachedStart = false;
            for (Charge c : got) {
                if (c.startsAt() == null) {
                    continue;
                }
                Instant start = c.startsAt().toInstant();
                if (start.isBefore(from)) {
                    reachedStart = true;
                } else if (start.isBefore(to) && seen.add(c.id())) {
                    out.add(c);
                }
            }
            if (reachedStart || got.size() < PERIOD_PAGE_SIZE) {
                break;
            }
        }
        return out;
    }

    /** Page size when reading a period's charges (Pod Point caps pages; 50 is what its own clients use). */
    int PERIOD_PAGE_SIZE = 50;
    /** At most this many pages for one period (5,000 charges: years of daily charging on several chargers). */
    int PERIOD_MAX_PAGES = 100;

    /**
     * Totals Pod Point computes itself for the local dates {@code [from, to]} over the given chargers, or empty
     * when this API generation has no such call (legacy: the caller sums the charges).
     */
    default java.util.Optional<dev.podbot.podpoint.model.PeriodTotals> periodTotals(PodPointSession session,
            List<Pod> pods, java.time.LocalDate from, java.time.LocalDate to) {
        return java.util.Optional.empty();
    }

    /** The pod's current override, or empty when there is none. */
    Optional<ChargeOverride> chargeOverride(PodPointSession session, Pod pod);

    ConnectivityStatus connectivity(PodPointSession session, Pod pod);

    /**
     * The connectivity of each pod (by unit id) for one command: a pod that came with its live status
     * ({@link Pod#live()}) costs no call; the others are read, concurrently where the implementation can
     * ({@link RoutingPodPointClient}: at most {@link RoutingPodPointClient#PARALLEL_READS} at once). A pod whose read
     * failed is left out (unknown); a rejected sign-in surfaces. This default reads one pod after the other.
     */
    default java.util.Map<Long, ConnectivityStatus> connectivity(PodPointSession session, List<Pod> pods) {
        java.util.Map<Long, ConnectivityStatus> out = new java.util.HashMap<>();
        for (Pod pod : pods) {
            ConnectivityStatus c = ConnectivityReads.orUnknown(() -> pod.live() != null ? pod.live()
                    : connectivity(session, pod));
            if (c != null) {
                out.put(pod.unitId(), c);
            }
        }
        return out;
    }

    List<Firmware> firmware(PodPointSession session, Pod pod);

    PodPointUser currentUser(PodPointSession session);
}
