package dev.podbot.demo.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One simulated charger and the car plugged into it. Mutable; only touched while holding the
 * {@link PodPointSimulator}'s lock.
 */
final class SimPod {

    /** Where the pod is in its demo cycle: idle, car plugged in, charging, car full; unplugging completes a charge. */
    enum Phase {
        AVAILABLE, PLUGGED_IN, CHARGING, FULL
    }

    final long id;
    final long unitId;
    final String ppid;
    final String name;
    final double powerKw;
    final double targetKwh;
    final boolean firmwareUpdate;

    Phase phase;
    /** Scenario seconds spent in the current phase. */
    double phaseSeconds;
    /** Scenario seconds since the car was plugged in (0 when unplugged). */
    double pluggedSeconds;
    /** Scenario seconds of energy delivery in the current charge. */
    double chargingSeconds;
    double kwh;
    /** The charge in progress (ends_at null), or null when no car is plugged in. */
    SimCharge current;
    boolean offeringEnergy = true;
    boolean online = true;

    /** Schedules as Pod Point returns them (uid, start_day, start_time, end_day, end_time, status.is_active). */
    List<Map<String, Object>> schedules = new ArrayList<>();
    /** Pod Home only: delegated control ("ACTIVE" = Smart charging, "INACTIVE" = Basic); null on a legacy account. */
    String delegated;
    /** The charge override (ppid, requested_at, received_at, ends_at), or null in Smart mode. */
    Map<String, Object> override;

    SimPod(long id, long unitId, String ppid, String name, double powerKw, double targetKwh, boolean firmwareUpdate) {
        this.id = id;
        this.unitId = unitId;
        this.ppid = ppid;
        this.name = name;
        this.powerKw = powerKw;
        this.targetKwh = targetKwh;
        this.firmwareUpdate = firmwareUpdate;
        this.phase = Phase.AVAILABLE;
    }

    /** OCPP-like state of the connector, as /connectivity-status reports it. */
    /** The Pod Home spelling of the charging state (API doc §10.2: PascalCase, OCPP names). */
    String homeChargingState() {
        return switch (chargingState()) {
            case "AVAILABLE" -> "Available";
            case "PREPARING" -> "Preparing";
            case "CHARGING" -> "Charging";
            case "SUSPENDED_EVSE" -> "SuspendedEVSE";
            default -> "SuspendedEV";
        };
    }

    String chargingState() {
        return switch (phase) {
            case AVAILABLE -> "AVAILABLE";
            case PLUGGED_IN -> "PREPARING";
            case CHARGING -> offeringEnergy ? "CHARGING" : "SUSPENDED_EVSE";
            case FULL -> "SUSPENDED_EV";
        };
    }

    /** The status label the pods API reports, which is what the chat shows under /pods. */
    String statusLabel() {
        return switch (phase) {
            case AVAILABLE -> "Available";
            case PLUGGED_IN, CHARGING -> "Charging";
            case FULL -> "Charged";
        };
    }

    /** A completed or in-progress charge. */
    static final class SimCharge {
        final long id;
        final long unitId;
        Instant startsAt;
        Instant endsAt;
        double kwh;
        int durationMinutes;
        long chargingSeconds;
        int costPence;

        SimCharge(long id, long unitId) {
            this.id = id;
            this.unitId = unitId;
        }
    }
}
