package dev.podbot.podpoint;

/** Pod Point (Firebase) rejected the e-mail and password, or no longer accepts the saved sign-in. */
public class SignInRejectedException extends PodPointException {
    private final int status;

    public SignInRejectedException(int status, String reason) {
        super("Pod Point rejected the sign-in (" + status + "): " + reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
