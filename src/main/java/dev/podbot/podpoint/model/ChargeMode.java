package dev.podbot.podpoint.model;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The pod's charge mode, derived from its override (API doc §5.9). Deriving never throws: an expired or odd
 * override counts as Smart (the Python client crashes there, HA#81).
 *
 * @param kind  Smart, Manual or Boost
 * @param until when a Boost ends, otherwise null
 */
public record ChargeMode(Kind kind, OffsetDateTime until) {

    /**
     * SMART: legacy "follow the schedule", or Pod Home Smart charging (delegated control ACTIVE). SCHEDULED: Pod Home
     * Basic mode following the manual schedules. MANUAL: charge whenever plugged in (Pod Home "Always on").
     * BOOST: a timed override. UNKNOWN: Pod Home reports a transitional state (PENDING/UNKNOWN).
     */
    public enum Kind { SMART, SCHEDULED, MANUAL, BOOST, UNKNOWN }

    public static final ChargeMode SMART = new ChargeMode(Kind.SMART, null);
    public static final ChargeMode MANUAL = new ChargeMode(Kind.MANUAL, null);

    public static final ChargeMode SCHEDULED = new ChargeMode(Kind.SCHEDULED, null);
    public static final ChargeMode UNKNOWN = new ChargeMode(Kind.UNKNOWN, null);

    /** The mode of a pod of either generation (API doc §10.19 for Pod Home). */
    public static ChargeMode of(Pod pod, Instant now) {
        ChargeMode byOverride = of(pod.chargeOverride(), now);
        if (!pod.isHome() || byOverride.kind() == Kind.BOOST || byOverride.kind() == Kind.MANUAL) {
            return byOverride;
        }
        if (pod.smartCharging() == null) {
            return UNKNOWN;
        }
        return pod.smartCharging() ? SMART : SCHEDULED;
    }

    /** True when the charger follows its manual schedules (legacy Smart, Pod Home Scheduled). */
    public boolean followsSchedule() {
        return kind == Kind.SCHEDULED || kind == Kind.SMART;
    }

    public static ChargeMode of(ChargeOverride override, Instant now) {
        if (override == null || override.ppid() == null && override.requestedAt() == null) {
            return SMART;
        }
        if (override.endsAt() != null) {
            return override.endsAt().toInstant().isAfter(now) ? new ChargeMode(Kind.BOOST, override.endsAt()) : SMART;
        }
        if (override.requestedAt() != null) {
            return MANUAL;
        }
        return SMART;
    }
}
