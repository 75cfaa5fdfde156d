package dev.podbot.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The detector's memory of one account.
 *
 * @param firstPollDone  false until the first successful poll (the baseline)
 * @param baselineAt     when the account was linked (or, when that is not known, its first poll): charges that
 *                       ended before it are never announced
 * @param pods           by unit id
 * @param knownCompleted ids of completed charges already seen
 * @param scannedAt      when the last successful charge scan ran (null before the first)
 * @param generation     the API generation ("home"/"legacy") that scan used, null when unknown
 */
public record AccountState(boolean firstPollDone, Instant baselineAt, long pollCount, Map<Long, PodState> pods,
        Set<Long> knownCompleted, Instant scannedAt, String generation) {

    public AccountState(boolean firstPollDone, Instant baselineAt, long pollCount, Map<Long, PodState> pods,
            Set<Long> knownCompleted) {
        this(firstPollDone, baselineAt, pollCount, pods, knownCompleted, null, null);
    }

    public AccountState {
        pods = pods == null ? Map.of() : Map.copyOf(pods);
        knownCompleted = knownCompleted == null ? Set.of() : Set.copyOf(knownCompleted);
    }

    public static AccountState fresh() {
        return new AccountState(false, null, 0, Map.of(), Set.of());
    }
}
