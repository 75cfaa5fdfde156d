package dev.podbot.podpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;
import io.quarkus.logging.Log;

/**
 * The real {@link PodPointClient} for Pod Point's legacy mobile API ({@code /api3/v5}, API doc §1–§7), signing in
 * through Google Firebase (verifyPassword, securetoken refresh, SMS 2FA).
 *
 * <p>It owns authentication, retries and error mapping; the four REST client interfaces ({@link PodPointApi},
 * {@link FirebaseAuthApi}, {@link SecureTokenApi}, {@link FirebaseMfaApi}) only describe the wire. All per-account
 * state lives in the {@link PodPointSession}; refreshes are serialised per session (synchronized on it), so many
 * accounts are served concurrently without sharing tokens.
 *
 * <ul>
 * <li>Tokens are refreshed 60 s before they expire; each refresh re-creates the Pod Point session (POST /sessions)
 * like the reference client; if only that step fails, the known user id is kept (it never changes).</li>
 * <li>A 401 from a data call: one refresh and retry; still 401 (or the refresh was refused): one full sign-in and
 * retry; still 401: {@link SignInRejectedException}. A 2FA account cannot sign in again without an SMS code, so the
 * full sign-in then throws {@link MfaRequiredException}: the bot asks the user to /login again.</li>
 * <li>Reads (GET) are retried 3 times with backoff on 5xx and timeouts; writes are never resent, except after a
 * 401 (the server refused them, so nothing happened).</li>
 * <li>No e-mail, password, token, API key or Authorization header reaches a log line or an exception message.</li>
 * </ul>
 *
 * <p><b>Design note: Pod Home (API doc §10).</b> Pod Point is moving accounts to the "Pod Home" app, whose endpoints
 * ({@code /chargers}, {@code /chargers/{ppid}/charge-overrides}, {@code /manual-schedules}, {@code /charges?from=&to=},
 * ...) use the same Firebase token and sign-in. They belong in a future {@code PodHomeClient} implementing the same
 * {@link PodPointClient} operations, and a small delegating {@code @Default} client would try Pod Home first per
 * account and fall back to this class on HTTP 404/410 (remembering the answer in the session), exactly as the NikNakk
 * fork does. The sign-in part of this class (verifyPassword, refresh, 2FA, POST /sessions) would be shared, not
 * duplicated. Nothing of §10 is built yet.
 */
@ApplicationScoped
public class LegacyPodPointClient implements PodPointClient {

    /** Refresh this long before the id token expires. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    static final long DEFAULT_EXPIRES_IN = 3600;
    static final int PODS_PER_PAGE = 50;
    static final int CHARGES_PER_PAGE = 50;
    static final int MAX_PAGES = 500;
    static final Duration MAX_BOOST = Duration.ofHours(24);
    /** Python's {@code %Y-%m-%dT%H:%M:%S%z}, in UTC: 2026-04-25T09:35:34+0000. */
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final int BODY_LIMIT = 300;

    // Endpoint templates: metrics, logs and errors never show real ids.
    static final String EP_VERIFY = "POST /verifyPassword";
    static final String EP_TOKEN = "POST /token";
    static final String EP_MFA_START = "POST /accounts/mfaSignIn:start";
    static final String EP_MFA_FINALIZE = "POST /accounts/mfaSignIn:finalize";
    static final String EP_SESSIONS = "POST /sessions";
    static final String EP_PODS = "GET /users/{id}/pods";
    static final String EP_CHARGES = "GET /users/{id}/charges";
    static final String EP_SCHEDULES = "PUT /units/{id}/charge-schedules";
    static final String EP_GET_OVERRIDE = "GET /units/{id}/charge-override";
    static final String EP_PUT_OVERRIDE = "PUT /units/{id}/charge-override";
    static final String EP_DELETE_OVERRIDE = "DELETE /units/{id}/charge-override";
    static final String EP_FIRMWARE = "GET /units/{id}/firmware";
    static final String EP_USER = "GET /auth";
    static final String EP_CONNECTIVITY = "GET /chargers/{ppid}/connectivity-status";

    private final ObjectMapper json = objectMapper();

    /** The lenient mapper every reply is read with (unknown properties ignored); tests read fixtures with it. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndAddModules()
                .build();
    }

    @Inject
    PodPointHttp http;

    // =====================================================================================================
    // sign-in

    @Override
    public PodPointSession signIn(String email, String password) {
        requireCredentials(email, password);
        PodPointSession session = new PodPointSession(email.trim(), password);
        synchronized (session) {
            fullSignIn(session);
        }
        Log.debugf("Signed in to Pod Point (user %s)", session.userId());
        return session;
    }

    @Override
    public MfaChallenge sendMfaCode(MfaChallenge challenge) {
        if (challenge == null || blank(challenge.pendingCredential()) || blank(challenge.enrollmentId())) {
            throw new SignInRejectedException(400, "the 2FA sign-in has expired; please sign in again");
        }
        ObjectNode body = json.createObjectNode();
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

    @Override
    public PodPointSession finishMfaSignIn(String email, String password, MfaChallenge challenge, String code) {
        requireCredentials(email, password);
        if (challenge == null || blank(challenge.pendingCredential()) || blank(challenge.sessionInfo())) {
            throw new SignInRejectedException(400, "no 2FA code has been sent yet; please sign in again");
        }
        String digits = code == null ? "" : code.replaceAll("\\s+", "");
        if (!digits.matches("\\d{4,10}")) {
            throw new SignInRejectedException(400, "the 2FA code should be the digits from the SMS");
        }
        ObjectNode body = json.createObjectNode();
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

    @Override
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
    void ensureFresh(PodPointSession s) {
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
        ObjectNode body = json.createObjectNode();
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
        ObjectNode body = json.createObjectNode();
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
            JsonNode err = json.readTree(body).path("error");
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
    PodPointHttp.Result authorised(PodPointSession s, String endpoint, boolean idempotent,
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

    private String userId(PodPointSession s) {
        ensureFresh(s);
        String id = s.userId();
        if (blank(id)) {
            throw new PodPointApiException(EP_SESSIONS, 200, null, "no Pod Point user id is known");
        }
        return id;
    }

    // =====================================================================================================
    // reads

    @Override
    public List<Pod> pods(PodPointSession session, int page, int perPage, String includes) {
        if (page < 1 || perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("page must be >= 1 and perPage 1..100");
        }
        String uid = userId(session);
        String include = blank(includes) ? null : includes.replace(" ", "");
        PodPointHttp.Result r = authorised(session, EP_PODS, true,
                b -> http.api().pods(b, uid, perPage, page, include));
        JsonNode body = ok(EP_PODS, r, session);
        return readList(body.path("pods"), Pod.class, EP_PODS);
    }

    @Override
    public List<Pod> allPods(PodPointSession session, String includes) {
        Map<Long, Pod> all = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            List<Pod> pods = pods(session, page, PODS_PER_PAGE, includes);
            pods.forEach(p -> all.putIfAbsent(p.id(), p));
            if (pods.size() < PODS_PER_PAGE) {
                break;
            }
        }
        return List.copyOf(all.values());
    }

    @Override
    public Optional<Pod> pod(PodPointSession session, String idOrPpid) {
        if (blank(idOrPpid)) {
            return Optional.empty();
        }
        String key = idOrPpid.trim();
        List<Pod> pods = allPods(session, FULL_INCLUDES);
        return pods.stream().filter(p -> String.valueOf(p.id()).equals(key)).findFirst()
                .or(() -> pods.stream().filter(p -> String.valueOf(p.unitId()).equals(key)).findFirst())
                .or(() -> pods.stream().filter(p -> p.ppid() != null && (p.ppid().equalsIgnoreCase(key)
                        || p.ppid().equalsIgnoreCase("PSL-" + key))).findFirst());
    }

    @Override
    public ChargesPage charges(PodPointSession session, int page, int perPage) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("perPage must be between 1 and 100");
        }
        String uid = userId(session);
        PodPointHttp.Result r = authorised(session, EP_CHARGES, true, b -> http.api().charges(b, uid, perPage, page));
        JsonNode body = ok(EP_CHARGES, r, session);
        List<Charge> charges = readList(body.path("charges"), Charge.class, EP_CHARGES);
        ChargesPage.Meta meta = null;
        JsonNode m = body.path("meta");
        if (m.isObject()) {
            try {
                meta = json.treeToValue(m, ChargesPage.Meta.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                Log.warnf("Ignoring unreadable pagination in %s", EP_CHARGES);
            }
        }
        return new ChargesPage(charges, meta);
    }

    @Override
    public List<Charge> allCharges(PodPointSession session) {
        Map<Long, Charge> all = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            ChargesPage p = charges(session, page, CHARGES_PER_PAGE);
            p.charges().forEach(c -> all.putIfAbsent(c.id(), c));
            if (p.charges().size() < CHARGES_PER_PAGE) {
                break;
            }
        }
        return List.copyOf(all.values());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads contiguous windows that grow: perpage 5 page 1 (charges 1–5), perpage 5 page 2 (6–10), perpage 10
     * page 2 (11–20), perpage 20 page 2 (21–40), perpage 40 page 2, perpage 80 page 2, then perpage 80 pages 3, 4...
     * It stops at the first known id (the charges after it are older) or at a short or empty page (the end). Only
     * the charges listed before the first known id are returned; to see a known in-progress charge complete,
     * re-read the first page with {@link #charges}.
     */
    @Override
    public List<Charge> chargesSince(PodPointSession session, Set<Long> knownIds) {
        if (knownIds == null || knownIds.isEmpty()) {
            return allCharges(session);
        }
        Map<Long, Charge> fresh = new LinkedHashMap<>();
        int perPage = 5;
        int page = 1;
        for (int i = 0; i < MAX_PAGES; i++) {
            ChargesPage p = charges(session, page, perPage);
            boolean sawKnown = false;
            for (Charge c : p.charges()) {
                if (knownIds.contains(c.id())) {
                    sawKnown = true; // everything after it (older) is already known
                    break;
                }
                fresh.putIfAbsent(c.id(), c);
            }
            if (sawKnown || p.charges().size() < perPage) {
                break;
            }
            // next contiguous window: [perPage*page, ...)
            if (page == 1) {
                page = 2; // same size, second window
            } else if (page == 2 && perPage * 2 <= 80) {
                perPage = perPage * 2; // page 2 of the doubled size starts exactly where we are
            } else {
                page++;
            }
        }
        return List.copyOf(fresh.values());
    }

    @Override
    public Optional<ChargeOverride> chargeOverride(PodPointSession session, Pod pod) {
        long unit = requirePod(pod).unitId();
        PodPointHttp.Result r = authorised(session, EP_GET_OVERRIDE, true, b -> http.api().getOverride(b, unit));
        if (r.status() == 204) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw apiError(EP_GET_OVERRIDE, r, session);
        }
        if (blank(r.body())) {
            return Optional.empty();
        }
        JsonNode body = parse(EP_GET_OVERRIDE, r, session);
        ChargeOverride o = readOverride(EP_GET_OVERRIDE, r, body);
        return o == null || o.requestedAt() == null && o.endsAt() == null && o.ppid() == null ? Optional.empty()
                : Optional.of(o);
    }

    @Override
    public ConnectivityStatus connectivity(PodPointSession session, Pod pod) {
        String ppid = requirePod(pod).ppid();
        if (blank(ppid)) {
            throw new IllegalArgumentException("the pod has no PPID");
        }
        PodPointHttp.Result r = authorised(session, EP_CONNECTIVITY, true, b -> http.api().connectivity(b, ppid.trim()));
        JsonNode body = ok(EP_CONNECTIVITY, r, session);
        return convert(EP_CONNECTIVITY, r, body, ConnectivityStatus.class);
    }

    @Override
    public List<Firmware> firmware(PodPointSession session, Pod pod) {
        long unit = requirePod(pod).unitId();
        PodPointHttp.Result r = authorised(session, EP_FIRMWARE, true, b -> http.api().firmware(b, unit));
        JsonNode body = ok(EP_FIRMWARE, r, session);
        JsonNode data = body.path("data");
        if (data.isObject()) {
            return readList(json.createArrayNode().add(data), Firmware.class, EP_FIRMWARE);
        }
        return readList(data, Firmware.class, EP_FIRMWARE);
    }

    @Override
    public PodPointUser currentUser(PodPointSession session) {
        PodPointHttp.Result r = authorised(session, EP_USER, true, b -> http.api().currentUser(b, "account"));
        JsonNode body = ok(EP_USER, r, session);
        JsonNode users = body.path("users");
        if (!users.isObject()) {
            throw new PodPointApiException(EP_USER, r.status(), null, "the reply has no user");
        }
        return convert(EP_USER, r, users, PodPointUser.class);
    }

    // =====================================================================================================
    // writes

    @Override
    public void setChargingAllowed(PodPointSession session, Pod pod, boolean allowed) {
        Pod p = withSchedules(session, requirePod(pod));
        List<ChargeSchedule> current = p.chargeSchedules();
        List<ChargeSchedule> next = new ArrayList<>();
        boolean keep = !current.isEmpty() && current.stream().allMatch(c -> !blank(c.uid()));
        if (keep) {
            current.forEach(c -> next.add(c.withActive(!allowed)));
        } else {
            for (int day = 1; day <= 7; day++) {
                next.add(new ChargeSchedule(null, day, "00:00:00", day, "00:00:01", new ChargeSchedule.Status(!allowed)));
            }
        }
        putSchedules(session, p.unitId(), next);
        Log.debugf("Charging %s on unit %d (%s schedules)", allowed ? "allowed" : "blocked", p.unitId(),
                keep ? "kept" : "1-second");
    }

    @Override
    public void setDailySchedule(PodPointSession session, Pod pod, LocalTime start, LocalTime end) {
        if (start == null || end == null) {
            throw new InvalidScheduleException("both a start and an end time are needed");
        }
        LocalTime s = start.truncatedTo(ChronoUnit.SECONDS);
        LocalTime e = end.truncatedTo(ChronoUnit.SECONDS);
        if (!e.isAfter(s)) {
            throw new InvalidScheduleException("the end time must be after the start time on the same day");
        }
        Pod p = withSchedules(session, requirePod(pod));
        Map<Integer, String> uidByDay = new LinkedHashMap<>();
        List<ChargeSchedule> current = p.chargeSchedules();
        if (current.size() == 7) {
            current.forEach(c -> {
                if (!blank(c.uid()) && c.startDay() >= 1 && c.startDay() <= 7) {
                    uidByDay.putIfAbsent(c.startDay(), c.uid());
                }
            });
            if (uidByDay.size() != 7) {
                uidByDay.clear();
            }
        }
        List<ChargeSchedule> next = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            next.add(new ChargeSchedule(uidByDay.get(day), day, HMS.format(s), day, HMS.format(e),
                    new ChargeSchedule.Status(true)));
        }
        putSchedules(session, p.unitId(), next);
    }

    @Override
    public ChargeOverride boost(PodPointSession session, Pod pod, Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidScheduleException("the boost duration must be more than zero");
        }
        if (duration.compareTo(MAX_BOOST) > 0) {
            throw new InvalidScheduleException("a boost can last at most 24 hours");
        }
        Pod p = requirePod(pod);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant ends = now.plus(duration).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = json.createObjectNode();
        body.put("requested_at", WIRE_TIME.format(now));
        body.put("ends_at", WIRE_TIME.format(ends));
        return putOverride(session, p, body, new ChargeOverride(p.ppid(), now.atOffset(ZoneOffset.UTC), null,
                ends.atOffset(ZoneOffset.UTC)));
    }

    @Override
    public ChargeOverride manualMode(PodPointSession session, Pod pod) {
        Pod p = requirePod(pod);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = json.createObjectNode();
        body.put("requested_at", WIRE_TIME.format(now));
        return putOverride(session, p, body, new ChargeOverride(p.ppid(), now.atOffset(ZoneOffset.UTC), null, null));
    }

    @Override
    public void smartMode(PodPointSession session, Pod pod) {
        long unit = requirePod(pod).unitId();
        PodPointHttp.Result r = authorised(session, EP_DELETE_OVERRIDE, false, b -> http.api().deleteOverride(b, unit));
        if (r.status() != 204) {
            if (r.is2xx()) {
                throw new PodPointApiException(EP_DELETE_OVERRIDE, r.status(), redact(r.body(), session, null),
                        "expected 204, so the change may not have been applied");
            }
            throw apiError(EP_DELETE_OVERRIDE, r, session);
        }
    }

    private ChargeOverride putOverride(PodPointSession session, Pod p, ObjectNode body, ChargeOverride sent) {
        String text = write(body);
        long unit = p.unitId();
        PodPointHttp.Result r = authorised(session, EP_PUT_OVERRIDE, false, b -> http.api().putOverride(b, unit, text));
        if (!r.is2xx()) {
            throw apiError(EP_PUT_OVERRIDE, r, session);
        }
        if (blank(r.body())) {
            return sent;
        }
        ChargeOverride o = readOverride(EP_PUT_OVERRIDE, r, parse(EP_PUT_OVERRIDE, r, session));
        return o == null || o.requestedAt() == null ? sent : o;
    }

    private void putSchedules(PodPointSession session, long unitId, List<ChargeSchedule> schedules) {
        ObjectNode body = json.createObjectNode();
        body.set("data", json.valueToTree(schedules));
        String text = write(body);
        PodPointHttp.Result r = authorised(session, EP_SCHEDULES, false, b -> http.api().putSchedules(b, unitId, text));
        if (r.status() == 201) {
            return;
        }
        if (r.is2xx()) {
            throw new PodPointApiException(EP_SCHEDULES, r.status(), redact(r.body(), session, null),
                    "expected 201, so the schedules may not have been saved");
        }
        throw apiError(EP_SCHEDULES, r, session);
    }

    /** The pod with its schedules; re-reads pods (include charge_schedules) when the given one has none. */
    private Pod withSchedules(PodPointSession session, Pod pod) {
        if (!pod.chargeSchedules().isEmpty()) {
            return pod;
        }
        return allPods(session, "charge_schedules").stream()
                .filter(p -> p.id() == pod.id() || p.unitId() == pod.unitId())
                .findFirst()
                .map(p -> pod.withChargeSchedules(p.chargeSchedules()))
                .orElse(pod);
    }

    // =====================================================================================================
    // JSON and errors

    private ChargeOverride readOverride(String endpoint, PodPointHttp.Result r, JsonNode body) {
        JsonNode node = body;
        if (node.has("charge_override") && node.get("charge_override").isObject()) {
            node = node.get("charge_override");
        } else if (node.has("data") && node.get("data").isObject()) {
            node = node.get("data");
        }
        if (!node.isObject()) {
            return null;
        }
        return convert(endpoint, r, node, ChargeOverride.class);
    }

    private JsonNode ok(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        if (r.status() != 200 && !(r.is2xx() && !blank(r.body()))) {
            throw apiError(endpoint, r, s);
        }
        return parse(endpoint, r, s);
    }

    private PodPointApiException apiError(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        return new PodPointApiException(endpoint, r.status(), redact(r.body(), s, null));
    }

    private JsonNode parse(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        if (blank(r.body())) {
            throw new PodPointApiException(endpoint, r.status(), null, "the reply is empty");
        }
        try {
            JsonNode node = json.readTree(r.body());
            if (node == null || !node.isObject()) {
                throw new PodPointApiException(endpoint, r.status(), null, "the reply is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PodPointApiException(endpoint, r.status(), null, "the reply is not valid JSON");
        }
    }

    private <T> T convert(String endpoint, PodPointHttp.Result r, JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PodPointApiException(endpoint, r.status(), null,
                    "the reply does not look like a " + type.getSimpleName());
        }
    }

    /** Reads an array element by element: one unreadable element is skipped (with a warning), not fatal. */
    private <T> List<T> readList(JsonNode array, Class<T> type, String endpoint) {
        if (array == null || array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new PodPointApiException(endpoint, 200, null, "expected a list of " + type.getSimpleName());
        }
        List<T> out = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : (ArrayNode) array) {
            try {
                T v = json.treeToValue(n, type);
                if (v != null) {
                    out.add(v);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                Log.warnf("Skipping an unreadable %s (#%d) in %s", type.getSimpleName(), i, endpoint);
            }
            i++;
        }
        return out;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    /** Truncates a body for an exception and blanks out anything secret that an error page might echo. */
    private String redact(String body, PodPointSession s, String extraToken) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String b = body.length() > BODY_LIMIT ? body.substring(0, BODY_LIMIT) + "…" : body;
        List<String> secrets = new ArrayList<>();
        secrets.add(http.apiKey());
        secrets.add(extraToken);
        if (s != null) {
            secrets.add(s.email());
            secrets.add(s.password());
            secrets.add(s.idToken());
            secrets.add(s.refreshToken());
        }
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                b = b.replace(secret, "***");
            }
        }
        return b;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static Pod requirePod(Pod pod) {
        if (pod == null) {
            throw new IllegalArgumentException("no pod given");
        }
        return pod;
    }

    private static void requireCredentials(String email, String password) {
        if (blank(email) || blank(password)) {
            throw new SignInRejectedException(400, "both the e-mail and the password are needed");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
