package dev.podbot.podpoint;

import java.time.Duration;
import java.time.LocalTime;

import dev.podbot.podpoint.model.Pod;

/**
 * What the bot changes on an account's chargers, once per API generation. Writes are never blindly retried and
 * return a {@link Change} that says what else had to change first.
 */
public interface ChargerWrites {

    /** Allows or blocks charging. */
    Change setChargingAllowed(PodPointSession session, Pod pod, boolean allowed);

    /** Sets one daily window on all seven days. End must be after start on the same day. */
    Change setDailySchedule(PodPointSession session, Pod pod, LocalTime start, LocalTime end);

    /** Boost ("charge now") for a duration; {@link Change#until()} says when it ends. */
    Change boost(PodPointSession session, Pod pod, Duration duration);

    /** Charge whenever plugged in (legacy Manual mode, Pod Home "Always on"). */
    Change manualMode(PodPointSession session, Pod pod);

    /** Legacy: back to Smart (follow the schedule). Pod Home: Smart charging (delegated control ACTIVE). */
    Change smartMode(PodPointSession session, Pod pod);

    /** Follow the charging schedule (legacy Smart, Pod Home Basic + Scheduled). */
    Change scheduledMode(PodPointSession session, Pod pod);

    /** Ends a timed boost only; an open-ended override stays. Not applied when no boost runs. */
    Change stopBoost(PodPointSession session, Pod pod);
}
