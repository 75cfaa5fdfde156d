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

    public enum Kind { SMART, MANUAL, BOOST }

    public static final ChargeMode SMART = new ChargeMode(Kind.SMART, null);
    public static final ChargeMode MANUAL = new ChargeMode(Kind.MANUAL, null);

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
