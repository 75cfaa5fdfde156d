package dev.podbot.receipt;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How far one change receipt has come: the part of a watch that the {@link StageMachine} moves on.
 *
 * @param stage           where it is
 * @param sentAt          when the change went to Pod Point
 * @param watchFrom       when this round of watching started (sentAt, or a "Check again")
 * @param confirmedAt     when the charger's confirmation was seen
 * @param effectAt        when "in effect" (or its absence) was seen
 * @param effect          what in effect looked like
 * @param endedAt         when watching ended (timed out, superseded, gone)
 * @param offline         the charger was offline at the last read
 * @param lastSeen        when the charger last checked in, by the last read (its own clock)
 * @param baselineContact the charger's last check-in before the change was sent (its own clock); a confirmation
 *                        of a schedule or mode needs a check-in after it
 * @param checks          reads so far
 */
public record Progress(Stage stage, Instant sentAt, Instant watchFrom, Instant confirmedAt, Instant effectAt,
        Effect effect, Instant endedAt, boolean offline, OffsetDateTime lastSeen, OffsetDateTime baselineContact,
        int checks) {

    /** A change just sent. */
    public static Progress sent(Instant at, OffsetDateTime baselineContact) {
        return new Progress(Stage.SENT, at, at, null, null, null, null, false, null, baselineContact, 0);
    }

    Progress stage(Stage s, Instant at) {
        return switch (s) {
            case CONFIRMED -> new Progress(s, sentAt, watchFrom, at, effectAt, effect, endedAt, offline, lastSeen,
                    baselineContact, checks);
            case TIMED_OUT, SUPERSEDED, GONE -> new Progress(s, sentAt, watchFrom, confirmedAt, effectAt, effect, at,
                    offline, lastSeen, baselineContact, checks);
            default -> new Progress(s, sentAt, watchFrom, confirmedAt, effectAt, effect, endedAt, offline, lastSeen,
                    baselineContact, checks);
        };
    }

    Progress effect(Stage s, Effect e, Instant at) {
        return new Progress(s, sentAt, watchFrom, confirmedAt, at, e, endedAt, offline, lastSeen, baselineContact,
                checks);
    }

    Progress seen(boolean off, OffsetDateTime last) {
        return new Progress(stage, sentAt, watchFrom, confirmedAt, effectAt, effect, endedAt, off,
                last == null ? lastSeen : last, baselineContact, checks + 1);
    }

    /** "Check again": a new round of watching from {@code at}, keeping a confirmation already seen. */
    public Progress again(Instant at) {
        Stage s = confirmedAt != null ? Stage.CONFIRMED : Stage.SENT;
        return new Progress(s, sentAt, at, confirmedAt, null, null, null, false, lastSeen, baselineContact, checks);
    }

    /** A newer change replaced this one. */
    public Progress superseded(Instant at) {
        return stage(Stage.SUPERSEDED, at);
    }
}
