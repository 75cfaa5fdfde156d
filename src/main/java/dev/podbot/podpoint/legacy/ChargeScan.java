package dev.podbot.podpoint.legacy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import dev.podbot.podpoint.model.Charge;

/**
 * The incremental scan of the legacy charge list (issue 10), pure so it can be property-tested.
 *
 * <p>Pod Point lists charges newest first by start time, and a legacy charge completes at unplug. So a charge that
 * started earlier on one charger can complete after a newer charge on another; stopping at the first known id
 * misses it. This scan pages back until, for every charger seen, a charge that ended before {@code since} has
 * been seen (one charger's charges never overlap, so everything older on it ended earlier still), and the oldest
 * start seen is {@link #LOOKBACK} before {@code since} (so a charger not seen yet had no charge start in that time).
 * It returns every charge it read; the caller compares each completed one with what it already announced.
 */
public final class ChargeScan {

    public static final int PER_PAGE = 20;
    /** A charge of a charger with no other charge in the scan is found if it started at most this long before since. */
    public static final Duration LOOKBACK = Duration.ofDays(3);

    private ChargeScan() {
    }

    /**
     * @param page     page number (from 1) → that page of {@link #PER_PAGE} charges, newest first
     * @param since    the scan must return every charge that ended at or after this
     * @param maxPages a safety stop
     */
    public static List<Charge> scan(IntFunction<List<Charge>> page, Instant since, int maxPages) {
        Map<Long, Charge> seen = new LinkedHashMap<>();
        Map<Long, Boolean> podDone = new HashMap<>();
        Instant oldestStart = null;
        for (int p = 1; p <= maxPages; p++) {
            List<Charge> charges = page.apply(p);
            for (Charge c : charges) {
                seen.putIfAbsent(c.id(), c);
                long pod = c.podId() == null ? -1 : c.podId();
                boolean endedBefore = c.endsAt() != null && c.endsAt().toInstant().isBefore(since);
                podDone.merge(pod, endedBefore, Boolean::logicalOr);
                if (c.startsAt() != null && (oldestStart == null || c.startsAt().toInstant().isBefore(oldestStart))) {
                    oldestStart = c.startsAt().toInstant();
                }
            }
            boolean allPodsDone = podDone.values().stream().allMatch(Boolean::booleanValue);
            boolean farEnough = oldestStart != null && oldestStart.isBefore(since.minus(LOOKBACK));
            if (charges.size() < PER_PAGE || allPodsDone && farEnough) {
                break;
            }
        }
        return List.copyOf(seen.values());
    }
}
