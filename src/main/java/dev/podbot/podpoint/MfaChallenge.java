package dev.podbot.podpoint;

/**
 * What is needed to finish an SMS-2FA sign-in (API doc §3.5). {@code sessionInfo} is null until the SMS has been
 * sent. {@code phoneHint} is Google's masked number, such as "+********1234". {@code toString} shows no secret.
 */
public record MfaChallenge(String pendingCredential, String enrollmentId, String phoneHint, String sessionInfo) {

    public MfaChallenge withSessionInfo(String info) {
        return new MfaChallenge(pendingCredential, enrollmentId, phoneHint, info);
    }

    @Override
    public String toString() {
        return "MfaChallenge[phone=" + phoneHint + ", codeSent=" + (sessionInfo != null) + "]";
    }
}
