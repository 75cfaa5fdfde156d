package dev.podbot.podpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

/**
 * Signing in to Pod Point through Google Firebase (verifyPassword, securetoken refresh, SMS 2FA, then
 * {@code POST /api3/v5/sessions} for the user id), and the authorised-call ladder that both API generations share.
 *
 * <ul>
 * <li>Tokens are refreshed 60 s before they expire; each refresh re-creates the Pod Point session (POST /sessions)
 * like the reference client; if only that step fails, the known user id is kept (it never changes).</li>
 * <li>A 401 from a data call: one refresh and retry; still 401 (or the refresh was refused): one full sign-in and
 * retry; still 401: {@link SignInRejectedException}. A 2FA account cannot sign in again without an SMS code, so the
 * full sign-in then throws {@link MfaRequiredException}: the bot asks the user to /login again.</li>
 * <li>No e-mail, password, token, API key or Authorization header reaches a log line or an exception message.</li>
 * </ul>
 * All per-account state lives in the {@link PodPointSession}; refreshes are serialised per session (synchronized on
 * it), so many accounts are served concurrently without sharing tokens.
 */
@ApplicationScoped
public class PodPointAuth {

    /** Refresh this long before the id token expires. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    static final long DEFAULT_EXPIRES_IN = 3600;

    static final String EP_VERIFY = "POST /verifyPassword";
    static final String EP_TOKEN = "POST /token";
    static final String EP_MFA_START = "POST /accounts/mfaSignIn:start";
    static final String EP_MFA_FINALIZE = "POST /accounts/mfaSignIn:finalize";
    public static final String EP_SESSIONS = "POST /sessions";

    @Inject
    PodPointHttp http;

    @Inject
    PodPointJson codec;

    public PodPointSession signIn(String email, String password) {
        requireCredentials(email, password);
        PodPointSession session = new PodPointSession(email.trim(), password);
        synchronized (session) {
            fullSignIn(session);
        }
        Log.debugf("Signed in to Pod Point (user %s)", session.userId());
        return session;
    }
    public MfaChallenge sendMfaCode(MfaChallenge challenge) {
        if (challenge == null || blank(challenge.pendingCredential()) || blank(challenge.enrollmentId())) {
            throw new SignInRejectedException(400, "the 2FA sign-in has expired; please sign in again");
        }
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("mfaPendingCredential", challenge.pendingCredential());
        body.put("mfaEnrollmentId", challenge.enrollmentId());
        body.putObject("phoneSignInInfo");
        String text = write(body);
        PodPointHttp.Result r = http.exchange(EP_MFA_START, false, () -> http.mfa().start(http.apiKey(), text));
        if (r.status() != 200) {
            throw googleError(EP_MFA_START, r);
        }
        JsonNode reply = parse(EP_MFA_START, r, null);
        String sessionInfo = reply.path("phoneResponseInfo").path("sessionInfo").asText(null);
        if (blank(sessionInfo)) {
            throw new PodPointApiException(EP_MFA_START, r.status(), null, "the reply has no sessionInfo");
        }
        return challenge.withSessionInfo(sessionInfo);
    }


    public PodPointSession finishMfaSignIn(String email, String password, MfaChallenge challenge, String code) {
        requireCredentials(email, password);
        if (challenge == null || blank(challenge.pendingCredential()) || blank(challenge.sessionInfo())) {
            throw new SignInRejectedException(400, "no 2FA code has been sent yet; please sign in again");
        }
        String digits = code == null ? "" : code.replaceAll("\\s+", "");
        if (!digits.matches("\\d{4,10}")) {
            throw new SignInRejectedException(400, "the 2FA code should be the digits from the SMS");
        }
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("mfaPendingCredential", challenge.pendingCredential());
        if (challenge.enrollmentId() != null) {
            body.put("mfaEnrollmentId", challenge.enrollmentId());
        }
        ObjectNode info = body.putObject("phoneVerificationInfo");
        info.put("sessionInfo", challenge.sessionInfo());
        info.put("code", digits);
        String text = write(body);
        PodPointHttp.Result r = http.exchange(EP_MFA_FINALIZE, false, () -> http.mfa().finalizeSignIn(http.apiKey(), text));
        if (r.status() != 200) {
            throw googleError(EP_MFA_FINALIZE, r);
        }
        JsonNode reply = parse(EP_MFA_FINALIZE, r, null);
        String idToken = reply.path("idToken").asText(null);
        String refreshToken = reply.path("refreshToken").asText(null);
        if (blank(idToken)) {
            throw new PodPointApiException(EP_MFA_FINALIZE, r.status(), null, "the reply has no idToken");
        }
        PodPointSession session = new PodPointSession(email.trim(), password);
        synchronized (session) {
            Instant expiresAt = Instant.now().plusSeconds(expiresIn(reply.get("expiresIn")));
            session.userId(createSession(session, idToken));
            session.updateTokens(idToken, refreshToken, expiresAt);
        }
        Log.debugf("Finished a 2FA sign-in to Pod Point (user %s)", session.userId());
        return session;
    }


    public PodPointSession resume(String email, String password, String refreshToken, String userId) {
        PodPointSession session = new PodPointSession(email == null ? "" : email.trim(), password == null ? "" : password);
        if (!blank(refreshToken)) {
            session.restoreRefreshToken(refreshToken);
        }
        if (!blank(userId)) {
            session.userId(userId);
        }
        return session;
    }

    /** Makes sure the session has a fresh id token and a user id (refresh, else full sign-in). */
    public void ensureFresh(PodPointSession s) {
        if (!s.needsRefresh(Instant.now(), REFRESH_MARGIN) && s.userId() != null) {
            return;
        }
        synchronized (s) {
            if (!s.needsRefresh(Instant.now(), REFRESH_MARGIN) && s.userId() != null) {
                return;
            }
            if (!blank(s.refreshToken())) {
                try {
                    refresh(s);
                    return;
                } catch (SignInRejectedException e) {
                    Log.infof("Pod Point refused the token refresh (%s); signing in again", e.reason());
                }
            }
            fullSignIn(s);
        }
    }

    /** verifyPassword then POST /sessions. Caller holds the session's lock. */
    private void fullSignIn(PodPointSession s) {
        requireCredentials(s.email(), s.password());
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("email", s.email());
        body.put("password", s.password());
        body.put("returnSecureToken", true);
        String text = write(body);
        PodPointHttp.Result r = http.exchange(EP_VERIFY, false, () -> http.auth().verifyPassword(http.apiKey(), text));
        if (r.status() != 200) {
            throw googleError(EP_VERIFY, r);
        }
        JsonNode reply = parse(EP_VERIFY, r, null);
        String idToken = reply.path("idToken").asText(null);
        if (blank(idToken)) {
            String pending = reply.path("mfaPendingCredential").asText(null);
            if (!blank(pending)) {
                JsonNode factor = firstPhoneFactor(reply.path("mfaInfo"));
                if (factor == null) {
                    throw new SignInRejectedException(200,
                            "this account uses a kind of 2FA the bot does not support; only SMS codes work");
                }
                Log.debug("Pod Point sign-in needs an SMS 2FA code");
                throw new MfaRequiredException(new MfaChallenge(pending, factor.path("mfaEnrollmentId").asText(null),
                        factor.path("phoneInfo").asText(null), null));
            }
            throw new PodPointApiException(EP_VERIFY, r.status(), null, "the reply has no idToken");
        }
        String refreshToken = reply.path("refreshToken").asText(null);
        Instant expiresAt = Instant.now().plusSeconds(expiresIn(reply.get("expiresIn")));
        s.userId(createSession(s, idToken));
        s.updateTokens(idToken, refreshToken, expiresAt);
    }

    private static JsonNode firstPhoneFactor(JsonNode mfaInfo) {
        if (mfaInfo == null || !mfaInfo.isArray()) {
            return null;
        }
        for (JsonNode f : mfaInfo) {
            if (f.hasNonNull("mfaEnrollmentId") && (f.has("phoneInfo") || !f.has("totpInfo"))) {
                return f;
            }
        }
        return null;
    }

    /** securetoken refresh, then re-creates the Pod Point session. Caller holds the session's lock. */
    private void refresh(PodPointSession s) {
        String rt = s.refreshToken();
        PodPointHttp.Result r = http.exchange(EP_TOKEN, false, () -> http.token().token(http.apiKey(), "refresh_token", rt));
        if (r.status() != 200) {
            throw googleError(EP_TOKEN, r);
        }
        JsonNode reply = parse(EP_TOKEN, r, null);
        String idToken = reply.path("id_token").asText(null);
        if (blank(idToken)) {
            throw new PodPointApiException(EP_TOKEN, r.status(), null, "the reply has no id_token");
        }
        String newRefresh = reply.path("refresh_token").asText(null);
        Instant expiresAt = Instant.now().plusSeconds(expiresIn(reply.get("expires_in")));
        String known = s.userId();
        try {
            s.userId(createSession(s, idToken));
        } catch (PodPointException e) {
            if (known == null) {
                if (!(e instanceof SignInRejectedException)) {
                    s.updateTokens(idToken, newRefresh, expiresAt); // Google's part worked: keep the new tokens
                }
                throw e;
            }
            // The user id never changes; the fresh token is what data calls need (a 401 there still re-signs in).
            Log.warnf("Could not re-create the Pod Point session after a refresh (%s); keeping user %s",
                    e.getClass().getSimpleName(), known);
        }
        s.updateTokens(idToken, newRefresh, expiresAt);
        Log.debugf("Refreshed the Pod Point token (user %s)", s.userId());
    }

    /** POST /api3/v5/sessions with the credentials: returns the Pod Point user id. */
    private String createSession(PodPointSession s, String idToken) {
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("email", s.email());
        body.put("password", s.password());
        String text = write(body);
        PodPointHttp.Result r = http.exchange(EP_SESSIONS, false, () -> http.api().createSession(bearer(idToken), text));
        if (r.status() == 401 || r.status() == 403) {
            throw new SignInRejectedException(r.status(), "Pod Point did not accept the sign-in");
        }
        if (!r.is2xx()) {
            throw new PodPointApiException(EP_SESSIONS, r.status(), redact(r.body(), s, idToken));
        }
        JsonNode reply = parse(EP_SESSIONS, r, s);
        JsonNode userId = reply.path("sessions").path("user_id");
        if (userId.isMissingNode() || userId.isNull() || blank(userId.asText())) {
            throw new PodPointApiException(EP_SESSIONS, r.status(), null, "the session reply has no user_id");
        }
        return userId.asText();
    }

    /** Maps a Google Identity error ({"error":{"code":400,"message":"INVALID_LOGIN_CREDENTIALS"}}). */
    private PodPointException googleError(String endpoint, PodPointHttp.Result r) {
        String code = googleCode(r.body());
        int status = r.status();
        if (status >= 500 || status == 429 && !code.startsWith("TOO_MANY")) {
            return new PodPointApiException(endpoint, status, code.isEmpty() ? null : code,
                    "Pod Point's sign-in service failed");
        }
        String reason = switch (code) {
            case "INVALID_PASSWORD", "EMAIL_NOT_FOUND", "INVALID_LOGIN_CREDENTIALS", "INVALID_EMAIL",
                    "MISSING_PASSWORD", "MISSING_EMAIL" -> "the e-mail or password is wrong";
            case "USER_DISABLED" -> "this Pod Point account has been disabled";
            case "TOO_MANY_ATTEMPTS_TRY_LATER" -> "too many sign-in attempts; please wait a while and try again";
            case "INVALID_CODE", "INVALID_VERIFICATION_CODE", "MISSING_CODE" -> "the 2FA code is wrong";
            case "SESSION_EXPIRED", "CODE_EXPIRED", "INVALID_SESSION_INFO", "MISSING_SESSION_INFO" ->
                "the 2FA code has expired; please sign in again";
            case "INVALID_PENDING_TOKEN", "INVALID_MFA_PENDING_CREDENTIAL", "MISSING_MFA_PENDING_CREDENTIAL",
                    "MFA_ENROLLMENT_NOT_FOUND", "MISSING_MFA_ENROLLMENT_ID" ->
                "the 2FA sign-in has expired; please sign in again";
            case "TOKEN_EXPIRED", "INVALID_REFRESH_TOKEN", "USER_NOT_FOUND", "INVALID_ID_TOKEN",
                    "MISSING_REFRESH_TOKEN", "INVALID_GRANT_TYPE" -> "the saved sign-in has expired; please sign in again";
            case "QUOTA_EXCEEDED" -> "Pod Point cannot send an SMS right now; please try again later";
            default -> null;
        };
        if (reason != null) {
            return new SignInRejectedException(status, reason);
        }
        if (code.contains("API_KEY") || code.equals("INVALID_ARGUMENT") || code.equals("PERMISSION_DENIED")) {
            return new PodPointApiException(endpoint, status, code, "the sign-in service refused the bot's API key");
        }
        return new SignInRejectedException(status,
                "Pod Point's sign-in service refused it" + (code.isEmpty() ? "" : " (" + code + ")"));
    }

    /** The upper-case error code of a Google error body, or "" (never any free text that could echo input). */
    private String googleCode(String body) {
        if (blank(body)) {
            return "";
        }
        try {
            JsonNode err = codec.mapper().readTree(body).path("error");
            String msg = err.path("message").asText("");
            if (msg.isEmpty()) {
                msg = err.path("status").asText("");
            }
            if (msg.toLowerCase(Locale.ROOT).contains("api key")) {
                return "API_KEY_INVALID";
            }
            String first = msg.trim().split("[\\s:]", 2)[0];
            return first.matches("[A-Z][A-Z0-9_]{1,60}") ? first : "";
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static long expiresIn(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return DEFAULT_EXPIRES_IN;
        }
        try {
            long v = node.isNumber() ? node.asLong() : Long.parseLong(node.asText().trim());
            return v > 0 ? v : DEFAULT_EXPIRES_IN;
        } catch (NumberFormatException e) {
            Log.warn("Pod Point sent an unreadable token lifetime; assuming one hour");
            return DEFAULT_EXPIRES_IN;
        }
    }

    // =====================================================================================================
    // authorised calls

    /**
     * Sends an authorised call, with the 401 ladder: refresh and retry, then full sign-in and retry, then
     * {@link SignInRejectedException}.
     */
    public PodPointHttp.Result authorised(PodPointSession s, String endpoint, boolean idempotent,
            Function<String, Response> call) {
        if (s == null) {
            throw new IllegalArgumentException("no Pod Point session");
        }
        ensureFresh(s);
        String token = s.idToken();
        PodPointHttp.Result r = http.exchange(endpoint, idempotent, () -> call.apply(bearer(token)));
        if (r.status() != 401) {
            return r;
        }
        Log.debugf("Pod Point answered 401 to %s; refreshing the token", endpoint);
        String retryToken = null;
        synchronized (s) {
            if (s.idToken() != null && !s.idToken().equals(token)) {
                retryToken = s.idToken(); // another thread renewed it meanwhile
            } else if (!blank(s.refreshToken())) {
                try {
                    refresh(s);
                    retryToken = s.idToken();
                } catch (SignInRejectedException e) {
                    Log.infof("Pod Point refused the token refresh (%s); signing in again", e.reason());
                }
            }
        }
        String failed = token;
        if (retryToken != null) {
            String t = retryToken;
            r = http.exchange(endpoint, idempotent, () -> call.apply(bearer(t)));
            if (r.status() != 401) {
                return r;
            }
            failed = t;
        }
        Log.debugf("Pod Point still answers 401 to %s; signing in again", endpoint);
        String fresh;
        synchronized (s) {
            if (s.idToken() == null || s.idToken().equals(failed) || s.idToken().equals(token)) {
                fullSignIn(s);
            }
            fresh = s.idToken();
        }
        r = http.exchange(endpoint, idempotent, () -> call.apply(bearer(fresh)));
        if (r.status() == 401) {
            throw new SignInRejectedException(401, "Pod Point no longer accepts this account's sign-in; please sign in again");
        }
        return r;
    }

    /** The account's Pod Point user id (signing in first when needed). */
    public String userId(PodPointSession s) {
        ensureFresh(s);
        String id = s.userId();
        if (blank(id)) {
            throw new PodPointApiException(EP_SESSIONS, 200, null, "no Pod Point user id is known");
        }
        return id;
    }

    private JsonNode parse(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        return codec.parse(endpoint, r);
    }

    private String write(JsonNode node) {
        return codec.write(node);
    }

    private String redact(String body, PodPointSession s, String extraToken) {
        return codec.redact(body, s, extraToken);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    static void requireCredentials(String email, String password) {
        if (blank(email) || blank(password)) {
            throw new SignInRejectedException(400, "both the e-mail and the password are needed");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
