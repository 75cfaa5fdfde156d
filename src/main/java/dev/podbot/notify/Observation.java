package dev.podbot.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;

/**
 * What one poll read from Pod Point. Maps are keyed by the pod's unit id; a pod missing from
 * {@code connectivity} or {@code firmware} was not read this time. Null lists are treated as empty.
 * {@code generation} is the API generation ("home"/"legacy") the poll used, or null when unknown.
 */
public record Observation(List<Pod> pods, Map<Long, ConnectivityStatus> connectivity,
        Map<Long, List<Firmware>> firmware, List<Charge> charges, Instant at, String generation) {

    public Observation(List<Pod> pods, Map<Long, ConnectivityStatus> connectivity,
            Map<Long, List<Firmware>> firmware, List<Charge> charges, Instant at) {
        this(pods, connectivity, firmware, charges, at, null);
    }

    public Observation {
        pods = pods == null ? List.of() : pods.stream().filter(p -> p != null).toList();
        connectivity = connectivity == null ? Map.of() : connectivity;
        firmware = firmware == null ? Map.of() : firmware;
        charges = charges == null ? List.of() : charges.stream().filter(c -> c != null).toList();
    }
}
