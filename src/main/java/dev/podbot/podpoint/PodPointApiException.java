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

    /**
     * With a detail, e.g. "expected 201" or "the reply is not valid JSON". {@code endpoint} is a template such as
     * "GET /users/{id}/pods", never a URL with ids or keys.
     */
    public PodPointApiException(String endpoint, int status, String body, String detail) {
        super("Pod Point answered " + status + " to " + endpoint + ": " + detail);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The response body (truncated, secrets redacted), for diagnosis. May be null. */
    public String body() {
        return body;
    }
}
