package dev.podbot.podpoint;

/** Pod Point answered, but refused the call or answered unexpectedly (e.g. 200 where 201 was expected). */
public class PodPointApiException extends PodPointException {
    private final int status;
    private final String body;

    public PodPointApiException(String endpoint, int status, String body) {
        super("Pod Point answered " + status + " to " + endpoint);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The response body (truncated), for diagnosis. Pod Point bodies never echo our secrets. */
    public String body() {
        return body;
    }
}
