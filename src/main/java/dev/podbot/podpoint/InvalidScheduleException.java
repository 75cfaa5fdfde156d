package dev.podbot.podpoint;

/**
 * A schedule or boost the bot was asked to send is not valid; nothing was sent to Pod Point. The message is a
 * user-ready reason, e.g. "the end time must be after the start time on the same day".
 */
public class InvalidScheduleException extends PodPointException {
    public InvalidScheduleException(String reason) {
        super(reason);
    }

    /** The user-ready reason. */
    public String reason() {
        return getMessage();
    }
}
