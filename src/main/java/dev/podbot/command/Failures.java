package dev.podbot.command;

import dev.podbot.account.CredentialCipher;
import dev.podbot.podpoint.InvalidScheduleException;
import dev.podbot.podpoint.MfaRequiredException;
import dev.podbot.podpoint.PodPointApiException;
import dev.podbot.podpoint.PodPointException;
import dev.podbot.podpoint.PodPointUnavailableException;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.UnsupportedFeatureException;

/** Plain sentences for Pod Point failures. Never shows an exception message, body or stack trace. */
public final class Failures {

    public static final String UNAVAILABLE = "Pod Point didn't answer — try again in a minute.";
    public static final String SIGN_IN_REJECTED = "Pod Point no longer accepts your password — /login again.";
    public static final String MFA_AGAIN = "Pod Point wants a new 2FA code before it lets me in — /login again.";
    public static final String UNREADABLE_CREDENTIALS =
            "I can't read your saved sign-in any more (the bot's encryption key changed) — /login again.";
    /** Pod Point's 429: not a refusal of the request, a limit on how often the bot may ask. */
    public static final String RATE_LIMITED =
            "Pod Point is limiting how often I may ask (too many requests) — try again in a few minutes.";
    /** A success status whose body the bot could not read: not a refusal either. */
    public static final String UNREADABLE_ANSWER = "Pod Point answered, but not in a way I could read — try again in "
            + "a minute. If it keeps happening, Pod Point may have changed its app; check for a newer bot version.";
    public static final String SORRY = "Sorry, something went wrong on my side. Please try again in a moment.";

    private Failures() {
    }

    /** The sentence for a failure of a Pod Point data call (not a sign-in). */
    public static String describe(RuntimeException e) {
        if (e instanceof SignInRejectedException) {
            return SIGN_IN_REJECTED;
        }
        if (e instanceof MfaRequiredException) {
            return MFA_AGAIN;
        }
        if (e instanceof PodPointUnavailableException) {
            return UNAVAILABLE;
        }
        if (e instanceof InvalidScheduleException invalid) {
            return Html.escape(invalid.reason());
        }
        if (e instanceof UnsupportedFeatureException) {
            return "That is not available for this charger: Pod Point does not offer it here.";
        }
        if (e instanceof PodPointApiException api) {
            int s = api.status();
            if (s == 429) {
                return RATE_LIMITED;
            }
            if (s >= 200 && s < 300) {
                return UNREADABLE_ANSWER;
            }
            if (s == 408) {
                return UNAVAILABLE;
            }
            if (s == 403) {
                String reason = reason(api.body());
                return "Pod Point refused that (HTTP 403" + (reason == null ? "" : ": " + Html.escape(reason))
                        + "). Nothing was changed; check the charger in the Pod Point app.";
            }
            if (s >= 500) {
                return "Pod Point had a problem (HTTP " + s + ") — try again in a minute.";
            }
            return "Pod Point refused that (HTTP " + s + "). If it keeps happening, check the charger in the "
                    + "Pod Point app.";
        }
        if (e instanceof PodPointException) {
            return "Pod Point gave an answer I didn't understand — try again in a minute.";
        }
        if (e instanceof CredentialCipher.DecryptionException) {
            return UNREADABLE_CREDENTIALS;
        }
        return SORRY;
    }

    /** Pod Point's reason from an error body ({@code error} or {@code message}), short and plain; null if none. */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            String r = n.path("message").isTextual() ? n.path("message").asText() : n.path("error").asText(null);
            if (r == null && n.path("errors").isArray() && n.path("errors").size() > 0) {
                r = n.path("errors").get(0).path("detail").asText(null);
            }
            return r == null || r.isBlank() ? null : r.length() > 120 ? r.substring(0, 120) + "…" : r;
        } catch (java.io.IOException | RuntimeException ex) {
            return null;
        }
    }

    /** The metrics outcome tag for a failure. */
    public static String outcome(RuntimeException e) {
        if (e instanceof SignInRejectedException || e instanceof MfaRequiredException
                || e instanceof CredentialCipher.DecryptionException) {
            return "auth_failed";
        }
        if (e instanceof PodPointUnavailableException) {
            return "unavailable";
        }
        if (e instanceof PodPointApiException api && api.status() == 429) {
            return "rate_limited";
        }
        if (e instanceof InvalidScheduleException) {
            return "invalid";
        }
        if (e instanceof UnsupportedFeatureException) {
            return "unsupported";
        }
        if (e instanceof PodPointException) {
            return "podpoint_error";
        }
        return "error";
    }

    /** A log-safe description: exception classes and where they were thrown, never their messages. */
    public static String forLog(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        for (int i = 0; t != null && i < 4; i++, t = t.getCause()) {
            if (i > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getName());
            StackTraceElement[] st = t.getStackTrace();
            if (st.length > 0) {
                sb.append(" at ").append(st[0]);
            }
        }
        return sb.toString();
    }
}
