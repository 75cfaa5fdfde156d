package dev.podbot.podpoint;

/**
 * Pod Point (Firebase) rejected the e-mail and password, the 2FA code, or no longer accepts the saved sign-in.
 * {@link #reason()} is a user-ready explanation; it never contains the e-mail, password or a token.
 */
public class SignInRejectedException extends PodPointException {
    private final int status;
    private final String reason;

    public SignInRejectedException(int status, String reason) {
        super("Pod Point rejected the sign-in (" + status + "): " + reason);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** Why, in words a user can read (e.g. "the e-mail or password is wrong"). */
    public String reason() {
        return reason;
    }
}
