package dev.podbot.podpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;

/**
 * Reusable WireMock stubs for Pod Point and its Google sign-in. Paths follow {@link PodPointWireMockResource}.
 * Tokens are derived from the user id ("id-{user}-1", "rt-{user}-1") so tests can tell accounts apart. Every stub
 * answers JSON written for these tests (see {@link PodPointTestData}).
 */
public class PodPointWireMock {

    public static final String AUTH_PATH = "/identitytoolkit/v3/relyingparty";
    public static final String TOKEN_PATH = "/v1";
    public static final String MFA_PATH = "/v2";
    public static final String API = "/api3/v5";

    /** Tokens handed out by a stub. */
    public record Tokens(String idToken, String refreshToken) {
    }

    private final WireMockServer server;

    public PodPointWireMock(WireMockServer server) {
        this.server = server;
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public void reset() {
        server.resetAll();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static MappingBuilder withKey(MappingBuilder b) {
        return b.withQueryParam("key", equalTo(PodPointWireMockResource.API_KEY));
    }

    private static StringValuePattern anyBearer() {
        return matching("Bearer .+");
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    /** verifyPassword for these credentials gives tokens "id-{user}-1"/"rt-{user}-1"; POST /sessions gives the user. */
    public Tokens stubSignIn(String email, String password, String userId) {
        return stubSignIn(email, password, userId, "3600");
    }

    public Tokens stubSignIn(String email, String password, String userId, String expiresIn) {
        Tokens t = new Tokens("id-" + userId + "-1", "rt-" + userId + "-1");
        server.stubFor(withKey(post(urlPathEqualTo(AUTH_PATH + "/verifyPassword")))
                .withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(password)))
                .willReturn(json(200, """
                        {"kind":"identitytoolkit#VerifyPasswordResponse","localId":"fb-%s","email":"%s",
                         "displayName":"","idToken":"%s","registered":true,"refreshToken":"%s","expiresIn":"%s"}
                        """.formatted(userId, email, t.idToken(), t.refreshToken(), expiresIn))));
        stubSession(t.idToken(), userId);
        return t;
    }

    /** POST /api3/v5/sessions with this id token answers the user id. */
    public void stubSession(String idToken, String userId) {
        server.stubFor(post(urlPathEqualTo(API + "/sessions"))
                .withHeader("Authorization", equalTo(bearer(idToken)))
                .willReturn(json(200, """
                        {"sessions":{"id":"sess-%s","user_id":"%s"}}""".formatted(idToken, userId))));
    }

    /** A Google error such as INVALID_LOGIN_CREDENTIALS for any verifyPassword. */
    public void stubSignInError(int status, String googleMessage) {
        server.stubFor(withKey(post(urlPathEqualTo(AUTH_PATH + "/verifyPassword")))
                .willReturn(googleError(status, googleMessage)));
    }

    public static ResponseDefinitionBuilder googleError(int status, String message) {
        return json(status, """
                {"error":{"code":%d,"message":"%s","errors":[{"message":"%s","domain":"global","reason":"invalid"}]}}
                """.formatted(status, message, message));
    }

    /** verifyPassword answers 200 with an MFA-pending credential (no idToken). */
    public void stubMfaPending(String email, String password, String pendingCredential, String enrollmentId,
            String phoneHint) {
        server.stubFor(withKey(post(urlPathEqualTo(AUTH_PATH + "/verifyPassword")))
                .withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(password)))
                .willReturn(json(200, """
                        {"kind":"identitytoolkit#VerifyPasswordResponse","localId":"fb-mfa","email":"%s",
                         "displayName":"","registered":true,"mfaPendingCredential":"%s",
                         "mfaInfo":[{"phoneInfo":"%s","mfaEnrollmentId":"%s","displayName":"phone",
                                     "enrolledAt":"2025-06-01T10:00:00.000000Z"}]}
                        """.formatted(email, pendingCredential, phoneHint, enrollmentId))));
    }

    /** mfaSignIn:start for this pending credential answers the session info. */
    public void stubMfaStart(String pendingCredential, String sessionInfo) {
        server.stubFor(withKey(post(urlPathEqualTo(MFA_PATH + "/accounts/mfaSignIn:start")))
                .withRequestBody(matchingJsonPath("$.mfaPendingCredential", equalTo(pendingCredential)))
                .willReturn(json(200, """
                        {"phoneResponseInfo":{"sessionInfo":"%s"}}""".formatted(sessionInfo))));
    }

    /** mfaSignIn:finalize with this code gives tokens (no expiresIn, like Google); other codes get INVALID_CODE. */
    public Tokens stubMfaFinalize(String sessionInfo, String code, String userId) {
        Tokens t = new Tokens("id-" + userId + "-mfa", "rt-" + userId + "-mfa");
        server.stubFor(withKey(post(urlPathEqualTo(MFA_PATH + "/accounts/mfaSignIn:finalize")))
                .willReturn(googleError(400, "INVALID_CODE")));
        server.stubFor(withKey(post(urlPathEqualTo(MFA_PATH + "/accounts/mfaSignIn:finalize")))
                .withRequestBody(matchingJsonPath("$.phoneVerificationInfo.sessionInfo", equalTo(sessionInfo)))
                .withRequestBody(matchingJsonPath("$.phoneVerificationInfo.code", equalTo(code)))
                .willReturn(json(200, """
                        {"idToken":"%s","refreshToken":"%s"}""".formatted(t.idToken(), t.refreshToken()))));
        stubSession(t.idToken(), userId);
        return t;
    }

    /** securetoken: this refresh token gives new tokens "id-{user}-{n}"/"rt-{user}-{n}"; sessions stubbed too. */
    public Tokens stubRefresh(String refreshToken, String userId, int n) {
        Tokens t = new Tokens("id-" + userId + "-" + n, "rt-" + userId + "-" + n);
        server.stubFor(withKey(post(urlPathEqualTo(TOKEN_PATH + "/token")))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(json(200, """
                        {"access_token":"%s","id_token":"%s","refresh_token":"%s","expires_in":"3600",
                         "token_type":"Bearer","user_id":"fb-%s"}""".formatted(t.idToken(), t.idToken(),
                        t.refreshToken(), userId))));
        stubSession(t.idToken(), userId);
        return t;
    }

    /** securetoken refuses every refresh. */
    public void stubRefreshRejected() {
        server.stubFor(withKey(post(urlPathEqualTo(TOKEN_PATH + "/token")))
                .willReturn(googleError(400, "INVALID_REFRESH_TOKEN")));
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** Every GET of the user's pods (any page and include) answers this body. */
    public void stubPods(String userId, String body) {
        server.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/pods"))
                .withHeader("Authorization", anyBearer())
                .willReturn(json(200, body)));
    }

    /** One page of pods. */
    public void stubPodsPage(String userId, int page, int perPage, String body) {
        server.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/pods"))
                .withHeader("Authorization", anyBearer())
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("perpage", equalTo(String.valueOf(perPage)))
                .willReturn(json(200, body)));
    }

    /** Pods only for this exact token (other tokens get 401). */
    public void stubPodsForToken(String userId, String idToken, String body) {
        server.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/pods"))
                .willReturn(json(401, "{\"message\":\"Unauthenticated.\"}")));
        server.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/pods"))
                .withHeader("Authorization", equalTo(bearer(idToken)))
                .willReturn(json(200, body)));
    }

    /** One page of charges. */
    public void stubCharges(String userId, int page, int perPage, String body) {
        server.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/charges"))
                .withHeader("Authorization", anyBearer())
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("perpage", equalTo(String.valueOf(perPage)))
                .willReturn(json(200, body)));
    }

    /** GET override: 204 when body is null, else 200 with the body. */
    public void stubGetOverride(long unitId, String bodyOrNull) {
        server.stubFor(get(urlPathEqualTo(API + "/units/" + unitId + "/charge-override"))
                .withHeader("Authorization", anyBearer())
                .willReturn(bodyOrNull == null ? aResponse().withStatus(204) : json(200, bodyOrNull)));
    }

    public void stubFirmware(long unitId, String body) {
        server.stubFor(get(urlPathEqualTo(API + "/units/" + unitId + "/firmware"))
                .withHeader("Authorization", anyBearer())
                .willReturn(json(200, body)));
    }

    public void stubConnectivity(String ppid, String body) {
        server.stubFor(get(urlPathEqualTo("/chargers/" + ppid + "/connectivity-status"))
                .withHeader("Authorization", anyBearer())
                .willReturn(json(200, body)));
    }

    public void stubCurrentUser(String body) {
        server.stubFor(get(urlPathEqualTo(API + "/auth"))
                .withHeader("Authorization", anyBearer())
                .willReturn(json(200, body)));
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** PUT charge-schedules answers this status (201 is success) with the schedules echoed. */
    public void stubPutSchedules(long unitId, int status) {
        server.stubFor(put(urlPathEqualTo(API + "/units/" + unitId + "/charge-schedules"))
                .withHeader("Authorization", anyBearer())
                .willReturn(json(status, "{\"data\":[]}")));
    }

    /** PUT charge-override answers 201 with this override. */
    public void stubPutOverride(long unitId, int status, String body) {
        server.stubFor(put(urlPathEqualTo(API + "/units/" + unitId + "/charge-override"))
                .withHeader("Authorization", anyBearer())
                .willReturn(body == null ? aResponse().withStatus(status) : json(status, body)));
    }

    public void stubDeleteOverride(long unitId, int status) {
        server.stubFor(delete(urlPathEqualTo(API + "/units/" + unitId + "/charge-override"))
                .withHeader("Authorization", anyBearer())
                .willReturn(aResponse().withStatus(status)));
    }

    /** Any request to this path answers this status and body (e.g. to inject 5xx or 401). */
    public void stubAny(MappingBuilder mapping, int status, String body) {
        server.stubFor(mapping.willReturn(json(status, body)));
    }

    /** Equality on a JSON body, ignoring extra fields. */
    public static StringValuePattern jsonLike(String json) {
        return equalToJson(json, true, true);
    }

    // ------------------------------------------------------------------------------------------------ accounts

    /**
     * An account as a user meets it: these credentials sign in (tokens "id-{user}-1"), any other password gets
     * INVALID_LOGIN_CREDENTIALS, and a refresh of the refresh token works.
     */
    public Tokens stubAccount(String email, String password, String userId) {
        stubSignInError(400, "INVALID_LOGIN_CREDENTIALS");
        Tokens t = stubSignIn(email, password, userId);
        stubRefresh(t.refreshToken(), userId, 2);
        return t;
    }

    /** Pod Point gone quiet: every request whose path matches the regex has its connection reset. */
    public void stubUnreachable(String pathRegex) {
        server.stubFor(any(urlPathMatching(pathRegex)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Every request whose path matches the regex answers this status and JSON body, ahead of other stubs. */
    public void stubAnyPath(String pathRegex, int status, String body) {
        server.stubFor(any(urlPathMatching(pathRegex)).atPriority(1).willReturn(json(status, body)));
    }

    /** The user changed the password at Pod Point: every sign-in and every refresh is refused from now on. */
    public void stubPasswordChanged() {
        server.stubFor(post(urlPathEqualTo(AUTH_PATH + "/verifyPassword")).atPriority(1)
                .willReturn(googleError(400, "INVALID_LOGIN_CREDENTIALS")));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH + "/token")).atPriority(1)
                .willReturn(googleError(400, "INVALID_REFRESH_TOKEN")));
    }

    /**
     * An account with SMS 2FA as a user meets it: these credentials ask for a code, {@code code} finishes the
     * sign-in (tokens "id-{user}-mfa"), other codes get INVALID_CODE and other passwords INVALID_LOGIN_CREDENTIALS.
     */
    public Tokens stubMfaAccount(String email, String password, String userId, String code) {
        stubSignInError(400, "INVALID_LOGIN_CREDENTIALS");
        String pending = "pending-" + userId;
        String sessionInfo = "sms-session-" + userId;
        stubMfaPending(email, password, pending, "enrol-" + userId, "+********4321");
        stubMfaStart(pending, sessionInfo);
        return stubMfaFinalize(sessionInfo, code, userId);
    }

    /** Every legacy write the bot may make to a unit succeeds as Pod Point answers it; no override is set. */
    public void stubWritesSucceed(long unitId, String ppid) {
        stubGetOverride(unitId, null);
        stubPutSchedules(unitId, 201);
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        stubPutOverride(unitId, 201, PodPointTestData.override(ppid, now, now, null));
        stubDeleteOverride(unitId, 204);
    }

    // ---- Pod Home (API doc §10): paths at the host root, no /api3/v5 prefix

    /** {@code GET /chargers}: a bare JSON array makes the account a Pod Home one. */
    public void stubHomeChargers(String arrayBody) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/chargers"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(arrayBody)));
    }

    /**
     * One Pod Home charger: the {@code /chargers} list (this charger only), its live status, override history,
     * manual schedules (seven active 00:30–05:30 entries with uids {@code uid-1..uid-7}) and delegated control, and
     * every write answered as Pod Point does (PATCH 204, POST 201, DELETE 200, PUT 200).
     */
    public void stubHomeCharger(String ppid, long unitId, String delegated, String chargingState, String overridesJson) {
        stubHomeChargers("[{\"ppid\":\"" + ppid + "\",\"unitId\":" + unitId + ",\"timezone\":\"Europe/London\","
                + "\"delegatedControl\":{\"status\":\"" + delegated + "\"},\"modelInfo\":{\"style\":\"solo3\"}}]");
        stubHomeLive(ppid, "Online", chargingState);
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeOverrides(ppid))), 200, overridesJson);
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeSchedules(ppid))), 200, homeWeek("uid-", "00:30:00", "05:30:00"));
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeDelegated(ppid))), 200, "{\"ppid\":\"" + ppid + "\",\"status\":\"" + delegated + "\"}");
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.patch(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeDelegated(ppid))), 204, null);
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeOverrides(ppid))), 201, "[]");
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.delete(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeOverrides(ppid))), 200, null);
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.put(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo(homeSchedules(ppid))), 200, "[]");
    }

    /** {@code connectivity-status-v2} with the given connectionState and chargingState. */
    public void stubHomeLive(String ppid, String connectionState, String chargingState) {
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo("/chargers/" + ppid + "/connectivity-status-v2")), 200,
                "{\"connectionState\":\"" + connectionState + "\",\"connectionQuality\":5,\"chargingState\":\""
                        + chargingState + "\",\"lastSeenAt\":\"2026-11-29T04:00:00.000Z\"}");
    }

    /** {@code GET /charges?from&to} (any dates) answering these charges (JSON objects of API doc §10.10). */
    public void stubHomeCharges(String... charges) {
        stubAny(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathEqualTo("/charges")), 200, "{\"data\":{\"count\":" + charges.length + ",\"charges\":["
                        + String.join(",", charges) + "]}}");
    }

    /** One §10.10 charge. */
    public static String homeCharge(String id, String ppid, java.time.Instant started, java.time.Instant ended,
            double kwh, int pence) {
        return "{\"id\":\"" + id + "\",\"startedAt\":\"" + started + "\",\"endedAt\":\"" + ended
                + "\",\"duration\":" + java.time.Duration.between(started, ended).toSeconds() + ",\"energyTotal\":" + kwh
                + ",\"cost\":{\"amount\":" + pence + ",\"currency\":\"GBP\"},\"charger\":{\"type\":\"home\",\"id\":\""
                + ppid + "\",\"door\":1,\"pluggedInDuration\":" + java.time.Duration.between(started, ended).toSeconds()
                + ",\"unpluggedAt\":\"" + ended + "\"}}";
    }

    /** Seven active daily windows {@code {"data":[...]}} with uids prefix1..prefix7. */
    public static String homeWeek(String uidPrefix, String start, String end) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int d = 1; d <= 7; d++) {
            sb.append(d > 1 ? "," : "").append("{\"uid\":\"").append(uidPrefix).append(d).append("\",\"startDay\":")
                    .append(d).append(",\"startTime\":\"").append(start).append("\",\"endDay\":").append(d)
                    .append(",\"endTime\":\"").append(end).append("\",\"status\":{\"isActive\":true}}");
        }
        return sb.append("]}").toString();
    }

    public static String homeOverrides(String ppid) {
        return "/chargers/" + ppid + "/charge-overrides";
    }

    public static String homeSchedules(String ppid) {
        return "/chargers/" + ppid + "/manual-schedules";
    }

    public static String homeDelegated(String ppid) {
        return "/smart-charging/delegated-controls/" + ppid;
    }
}
