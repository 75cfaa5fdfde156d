package dev.podbot.receipt;

/** What "in effect" looked like, or why it was not seen. */
public enum Effect {
    /** Energy flows. */
    CHARGING,
    /** The charger offers energy, but the car takes none (full, or its own timer). */
    CAR_NOT_TAKING,
    /** Charging stopped (or never started) as expected. */
    STOPPED,
    /** Expected to start, had not by the end of the watch. */
    NOT_STARTED,
    /** Expected to stop, still charging at the end of the watch. */
    STILL_CHARGING,
    /** Nothing to expect: Pod Point's smart plan decides, or the charging state is unknown. */
    NONE
}
