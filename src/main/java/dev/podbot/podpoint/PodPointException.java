package dev.podbot.podpoint;

/** Base of every Pod Point failure. Messages never carry a password, token or Authorization header. */
public class PodPointException extends RuntimeException {
    public PodPointException(String message) {
        super(message);
    }

    public PodPointException(String message, Throwable cause) {
        super(message, cause);
    }
}
