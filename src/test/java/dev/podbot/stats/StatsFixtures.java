package dev.podbot.stats;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.Pod;

/** Known charges and chargers for the stats tests. */
final class StatsFixtures {

    static final String PPID_1 = "PSL-100001";
    static final String PPID_2 = "PSL-100002";
    /** A name a CSV must quote: a comma and a quote, and a non-ASCII letter. */
    static final String AWKWARD_NAME = "Zoë's \"Big\" Pod, Drive";

    private StatsFixtures() {
    }

    static List<Pod> pods() {
        return List.of(pod(1, PPID_1, "Driveway"), pod(2, PPID_2, AWKWARD_NAME));
    }

    static Pod pod(long unit, String ppid, String name) {
        return new Pod(unit, name, ppid, true, null, unit, "Europe/London", null, null, null, null, null, null);
    }

    /** A finished charge on a unit: start, plugged-in minutes, kWh, cost in pence, charging seconds. */
    static Charge charge(long id, long unit, String start, int minutes, double kwh, int pence, long chargingSeconds) {
        OffsetDateTime s = OffsetDateTime.parse(start);
        return new Charge(id, kwh, minutes, s, s.plus(Duration.ofMinutes(minutes)),
                new Charge.ChargingDuration(chargingSeconds), pence, new Charge.Location(1L, true, "Europe/London"),
                new Charge.PodRef(unit));
    }
}
