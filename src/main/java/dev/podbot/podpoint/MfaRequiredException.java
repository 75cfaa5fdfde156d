package dev.podbot.podpoint;

/** The account has SMS 2FA: the sign-in can continue with the challenge (see {@link PodPointClient#sendMfaCode}). */
public class MfaRequiredException extends PodPointException {
    private final transient MfaChallenge challenge;

    public MfaRequiredException(MfaChallenge challenge) {
        super("This Pod Point account needs a 2FA code sent by SMS");
        this.challenge = challenge;
    }

    public MfaChallenge challenge() {
        return challenge;
    }
}
