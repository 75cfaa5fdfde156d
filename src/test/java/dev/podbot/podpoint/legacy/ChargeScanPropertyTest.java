package dev.podbot.podpoint.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import dev.podbot.notify.AccountState;
import dev.podbot.notify.Detection;
import dev.podbot.notify.EventDetector;
import dev.podbot.notify.EventKind;
import dev.podbot.notify.Notification;
import dev.podbot.notify.Observation;
import dev.podbot.podpoint.model.Charge;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 10: with two or three chargers, every completed charge is announced exactly once, whatever the
 * interleaving. Generated charge sessions run on each charger (never overlapping on one charger), the legacy list
 * shows them newest first by start with {@code ends_at} set at unplug, and polls come at random intervals; each
 * poll runs the real {@link ChargeScan} and the real {@link EventDetector}.
 */
class ChargeScanPropertyTest {

    static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    static final Duration OVERLAP = Duration.ofMinutes(30);

    /** One charging session: charger, start and end in minutes after T0. */
    record Session(int charger, long start, long end) {
    }

    /** A generated history: sessions with ids in start order, and poll gaps in minutes. */
    record History(List<Session> sessions, List<Integer> pollGaps) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Integer> chargers = Arbitraries.integers().between(2, 3);
        return chargers.flatMap(n -> {
            Arbitrary<List<long[]>> perCharger = Arbitraries.longs().between(1, 600)
                    .flatMap(gap -> Arbitraries.longs().between(1, 2 * 24 * 60).map(d -> new long[] {gap, d}))
                    .list().ofMinSize(1).ofMaxSize(5);
            return Combinators.combine(perCharger.list().ofSize(n),
                    Arbitraries.integers().between(5, 180).list().ofMinSize(1).ofMaxSize(400))
                    .as((lists, gaps) -> {
                        List<Session> sessions = new ArrayList<>();
                        for (int c = 0; c < lists.size(); c++) {
                            long t = 0;
                            for (long[] gd : lists.get(c)) {
                                long start = t + gd[0];
                                sessions.add(new Session(c + 1, start, start + gd[1]));
                                t = start + gd[1];
                            }
                        }
                        sessions.sort(Comparator.comparingLong(Session::start));
                        return new History(sessions, gaps);
                    });
        });
    }

    @Property(tries = 300)
    void everyCompletedChargeIsAnnouncedExactlyOnce(@ForAll("histories") History h) {
        List<Long> announced = run(h, (api, since) -> ChargeScan.scan(api, since, 500));
        assertThat(announced).doesNotHaveDuplicates();
        assertThat(new HashSet<>(announced)).isEqualTo(allIds(h));
    }

    /** The scan before issue 10 stopped at the first known id; in this interleaving it never announces charge 1. */
    @Test
    void stoppingAtTheFirstKnownIdMissesALongChargeOnTheOtherCharger() {
        History h = new History(List.of(new Session(1, 10, 600), new Session(2, 20, 40)), List.of(15, 15, 15, 600, 15));
        List<Long> old = run(h, (api, since) -> stopAtFirstKnown(api));
        assertThat(old).containsExactly(2L); // charge 1 (started first, unplugged last) is lost
        List<Long> fixed = run(h, (api, since) -> ChargeScan.scan(api, since, 500));
        assertThat(fixed).containsExactlyInAnyOrder(1L, 2L);
    }

    private final Set<Long> knownForOldScan = new HashSet<>();

    /** The old chargesSince, kept here only to show what the property catches. */
    private List<Charge> stopAtFirstKnown(IntFunction<List<Charge>> api) {
        List<Charge> out = new ArrayList<>();
        for (int p = 1; p < 100; p++) {
            List<Charge> page = api.apply(p);
            for (Charge c : page) {
                if (knownForOldScan.contains(c.id())) {
                    return out;
                }
                out.add(c);
            }
            if (page.size() < ChargeScan.PER_PAGE) {
                break;
            }
        }
        return out;
    }

    /** Polls through the history (and once more after the last unplug); returns the announced charge ids in order. */
    private List<Long> run(History h, BiFunction<IntFunction<List<Charge>>, Instant, List<Charge>> scan) {
        knownForOldScan.clear();
        EventDetector detector = new EventDetector(ZoneOffset.UTC);
        long last = h.sessions().stream().mapToLong(Session::end).max().orElse(0);
        AccountState state = AccountState.fresh();
        List<Long> announced = new ArrayList<>();
        long now = -1; // the baseline poll sees nothing yet
        int i = 0;
        while (true) {
            Instant at = T0.plus(Duration.ofMinutes(now));
            IntFunction<List<Charge>> api = page(h, now);
            Instant since = state.scannedAt() == null ? at.minus(Duration.ofDays(30)) : state.scannedAt().minus(OVERLAP);
            List<Charge> charges = scan.apply(api, since);
            Detection d = detector.detect(1, state, new Observation(List.of(), Map.of(), Map.of(), charges, at, "legacy"));
            for (Notification n : d.events()) {
                if (n.kind() == EventKind.CHARGE_COMPLETED) {
                    announced.add(Long.parseLong(n.dedupKey().substring(n.dedupKey().lastIndexOf(':') + 1)));
                }
            }
            Set<Long> known = new LinkedHashSet<>(state.knownCompleted());
            known.addAll(d.newlyCompleted());
            knownForOldScan.addAll(d.newlyCompleted());
            state = new AccountState(true, state.baselineAt() == null ? at : state.baselineAt(), state.pollCount() + 1,
                    d.pods(), known, at, "legacy");
            if (now > last) {
                break;
            }
            now += i < h.pollGaps().size() ? h.pollGaps().get(i++) : 60;
        }
        return announced;
    }

    /** The legacy charge list as Pod Point shows it at {@code now}: newest first by start, pages of 20. */
    private static IntFunction<List<Charge>> page(History h, long now) {
        List<Charge> visible = new ArrayList<>();
        for (int k = h.sessions().size() - 1; k >= 0; k--) {
            Session s = h.sessions().get(k);
            if (s.start() > now) {
                continue;
            }
            Instant start = T0.plus(Duration.ofMinutes(s.start()));
            Instant end = s.end() <= now ? T0.plus(Duration.ofMinutes(s.end())) : null;
            visible.add(new Charge(k + 1, 1.0, (int) (s.end() - s.start()), start.atOffset(ZoneOffset.UTC),
                    end == null ? null : end.atOffset(ZoneOffset.UTC), null, 10, null, new Charge.PodRef((long) s.charger())));
        }
        return p -> {
            int from = Math.min(visible.size(), (p - 1) * ChargeScan.PER_PAGE);
            return visible.subList(from, Math.min(visible.size(), from + ChargeScan.PER_PAGE));
        };
    }

    private static Set<Long> allIds(History h) {
        Set<Long> ids = new HashSet<>();
        for (int k = 0; k < h.sessions().size(); k++) {
            ids.add((long) k + 1);
        }
        return ids;
    }

}
