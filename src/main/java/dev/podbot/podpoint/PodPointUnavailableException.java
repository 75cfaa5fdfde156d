package dev.podbot.podpoint;

/** Pod Point could not be reached, or did not answer in time. */
public class PodPointUnavailableException extends PodPointException {
    public PodPointUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
