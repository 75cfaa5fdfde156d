package dev.podbot.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Our own Pod Point test data (written for these tests, not copied from anywhere) and the WireMock stubs that
 * serve it, following the shapes in the API notes: Firebase verifyPassword, /api3/v5 sessions, pods, charges,
 * schedules, overrides, and the connectivity status.
 */
final class PodPointStubs {

    static final String API = "/api3/v5";
    static final String MFA_START = "/mfa/accounts/mfaSignIn(:|%3A|%3a)start";
    static final String MFA_FINALIZE = "/mfa/accounts/mfaSignIn(:|%3A|%3a)finalize";

    private final WireMockServer wm;

    PodPointStubs(WireMockServer wm) {
        this.wm = wm;
    }

    // ---- sign-in

    /** An account that signs in with this e-mail and password; every other password is refused. */
    PodPointStubs account(String email, String password, long userId) {
        refuseOtherPasswords();
        wm.stubFor(post(urlPathEqualTo("/google/verifyPassword")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(password)))
                .willReturn(okJson("""
                        {"kind": "identitytoolkit#VerifyPasswordResponse", "localId": "fb-%d", "email": "%s",
                         "displayName": "", "registered": true, "idToken": "idtok-%d",
                         "refreshToken": "refresh-%d", "expiresIn": "3600"}""".formatted(userId, email, userId, userId))));
        wm.stubFor(post(urlPathEqualTo("/securetoken/token")).atPriority(5)
                .willReturn(okJson("""
                        {"access_token": "idtok2-%d", "id_token": "idtok2-%d", "refresh_token": "refresh2-%d",
                         "expires_in": "3600", "token_type": "Bearer", "user_id": "fb-%d"}"""
                        .formatted(userId, userId, userId, userId))));
        sessions(userId);
        return this;
    }

    /** An account with SMS 2FA: the code {@code code} finishes the sign-in. */
    PodPointStubs mfaAccount(String email, String password, long userId, String code) {
        refuseOtherPasswords();
        wm.stubFor(post(urlPathEqualTo("/google/verifyPassword")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(password)))
                .willReturn(okJson("""
                        {"kind": "identitytoolkit#VerifyPasswordResponse", "localId": "fb-%d", "email": "%s",
                         "displayName": "", "registered": true, "mfaPendingCredential": "pending-cred-77",
                         "mfaInfo": [{"phoneInfo": "+********4321", "mfaEnrollmentId": "enrol-9",
                                      "displayName": "", "enrolledAt": "2025-03-02T10:00:00.000000Z"}]}"""
                        .formatted(userId, email))));
        wm.stubFor(post(urlPathMatching(MFA_START))
                .willReturn(okJson("{\"phoneResponseInfo\": {\"sessionInfo\": \"sms-session-5\"}}")));
        wm.stubFor(post(urlPathMatching(MFA_FINALIZE)).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": 400, \"message\": \"INVALID_CODE\"}}")));
        wm.stubFor(post(urlPathMatching(MFA_FINALIZE)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.phoneVerificationInfo.code", equalTo(code)))
                .willReturn(okJson("""
                        {"idToken": "idtok-%d", "refreshToken": "refresh-%d"}""".formatted(userId, userId))));
        sessions(userId);
        return this;
    }

    /** From now on Pod Point refuses every sign-in and token refresh (the user changed the password). */
    PodPointStubs passwordChanged() {
        wm.stubFor(post(urlPathEqualTo("/google/verifyPassword")).atPriority(0)
                .willReturn(firebaseError("INVALID_LOGIN_CREDENTIALS")));
        wm.stubFor(post(urlPathEqualTo("/securetoken/token")).atPriority(0)
                .willReturn(firebaseError("INVALID_REFRESH_TOKEN")));
        return this;
    }

    private void refuseOtherPasswords() {
        wm.stubFor(post(urlPathEqualTo("/google/verifyPassword")).atPriority(10)
                .willReturn(firebaseError("INVALID_LOGIN_CREDENTIALS")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder firebaseError(String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"code": 400, "message": "%s",
                 "errors": [{"message": "%s", "domain": "global", "reason": "invalid"}]}}"""
                .formatted(message, message));
    }

    private void sessions(long userId) {
        wm.stubFor(post(urlPathEqualTo(API + "/sessions"))
                .willReturn(okJson("{\"sessions\": {\"id\": \"sess-%d\", \"user_id\": \"%d\"}}".formatted(userId, userId))));
    }

    // ---- pods

    /** The pods of a user (one page). */
    PodPointStubs pods(long userId, String... pods) {
        wm.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/pods"))
                .willReturn(okJson("{\"pods\": [" + String.join(",", pods) + "], \"meta\": {\"pagination\": "
                        + "{\"current_page\": 1, \"per_page\": 5, \"page_count\": 1, \"item_count\": " + pods.length
                        + "}}}")));
        return this;
    }

    static String pod(long id, String name, String ppid, long unitId, String statusLabel, String schedules,
            String override) {
        String key = statusLabel.toLowerCase(Locale.ROOT).replace(' ', '-');
        return """
                {"id": %d, "name": %s, "ppid": "%s", "payg": false, "home": true, "public": false, "evZone": false,
                 "location": {"lat": 53.48, "lng": -2.24}, "address_id": 31, "description": "",
                 "commissioned_at": "2023-05-10T08:00:00+00:00", "created_at": "2023-05-10T08:00:00+00:00",
                 "last_contact_at": "2026-11-20T09:00:00Z", "contactless_enabled": false, "unit_id": %d,
                 "timezone": "Europe/London",
                 "model": {"id": 7, "name": "S7-2C-05-AXA", "vendor": "Pod Point", "supports_payg": false,
                           "supports_ocpp": false, "supports_contactless": false, "image_url": null},
                 "price": null,
                 "statuses": [{"id": 2, "name": "%s", "key_name": "%s", "label": "%s", "door": "A", "door_id": 1}],
                 "unit_connectors": [{"connector": {"id": 3, "door": "A", "door_id": 1, "power": 7, "current": 32,
                    "voltage": 230, "charge_method": "Single Phase AC", "has_cable": true}}],
                 "charge_schedules": %s,
                 "charge_override": %s}"""
                .formatted(id, name == null ? "null" : "\"" + name + "\"", ppid, unitId, statusLabel, key, statusLabel,
                        schedules, override == null ? "null" : override);
    }

    /** Seven daily windows with the same times and activity. */
    static String daily(String start, String end, boolean active) {
        List<String> l = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            l.add("""
                    {"uid": "sched-%d", "start_day": %d, "start_time": "%s", "end_day": %d, "end_time": "%s",
                     "status": {"is_active": %s}}""".formatted(d, d, start, d, end, active));
        }
        return "[" + String.join(",", l) + "]";
    }

    static String boostOverride(String ppid, OffsetDateTime endsAt) {
        return """
                {"ppid": "%s", "requested_at": "%s", "received_at": "%s", "ends_at": "%s"}"""
                .formatted(ppid, iso(endsAt.minusHours(1)), iso(endsAt.minusHours(1)), iso(endsAt));
    }

    static String iso(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    PodPointStubs connectivity(String ppid, boolean online) {
        wm.stubFor(get(urlPathEqualTo("/chargers/" + ppid + "/connectivity-status")).willReturn(okJson("""
                {"ppid": "%s", "evses": [{"id": 1, "connectivityState": {"protocol": "POW",
                  "connectivityStatus": "%s", "signalStrength": -61, "lastMessageAt": "2026-11-20T09:00:00Z",
                  "connectionStartedAt": "2026-11-19T09:00:00Z", "connectionQuality": 3},
                  "connectors": [{"id": 1, "door": "A", "chargingState": "AVAILABLE"}], "architecture": "arch5",
                  "energyOfferStatus": {"isOfferingEnergy": false, "reason": "CHARGE_SCHEDULE", "until": null,
                  "randomDelay": null, "doNotCache": false}}], "connectedComponents": ["evses"]}"""
                .formatted(ppid, online ? "ONLINE" : "OFFLINE"))));
        return this;
    }

    /** Every write the bot may make to a unit succeeds as Pod Point answers it. */
    PodPointStubs writesSucceed(long unitId, String ppid) {
        wm.stubFor(put(urlPathEqualTo(API + "/units/" + unitId + "/charge-schedules"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("[]")));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        wm.stubFor(put(urlPathEqualTo(API + "/units/" + unitId + "/charge-override"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"ppid": "%s", "requested_at": "%s", "received_at": "%s", "ends_at": null}"""
                                .formatted(ppid, iso(now), iso(now)))));
        wm.stubFor(delete(urlPathEqualTo(API + "/units/" + unitId + "/charge-override"))
                .willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(API + "/units/" + unitId + "/charge-override"))
                .willReturn(aResponse().withStatus(204)));
        return this;
    }

    // ---- charges

    PodPointStubs charges(long userId, int page, int pageCount, String... charges) {
        wm.stubFor(get(urlPathEqualTo(API + "/users/" + userId + "/charges"))
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(okJson("{\"charges\": [" + String.join(",", charges) + "], \"meta\": {\"pagination\": "
                        + "{\"current_page\": " + page + ", \"per_page\": 5, \"page_count\": " + pageCount
                        + ", \"item_count\": " + (pageCount * 5) + "}}}")));
        return this;
    }

    static String charge(long id, double kwh, int minutes, String startsAt, String endsAt, Integer chargingSeconds,
            int pence, long podUnitId) {
        return """
                {"id": %d, "kwh_used": %s, "duration": %d, "starts_at": "%s", "ends_at": %s,
                 "charging_duration": {"raw": %s, "formatted": null},
                 "billing_event": {"id": null, "amount": null, "currency": null, "exchange_rate": 0,
                                   "presentment_amount": null, "presentment_currency": null},
                 "location": {"id": 4, "home": true, "address": {"id": 31, "business_name": "Home"},
                              "timezone": "Europe/London"},
                 "pod": {"id": %d}, "energy_cost": %d, "organisation": null}"""
                .formatted(id, kwh, minutes, startsAt, endsAt == null ? "null" : "\"" + endsAt + "\"",
                        chargingSeconds == null ? "null" : chargingSeconds, podUnitId, pence);
    }

    /** Any request to this path fails at the connection level (Pod Point unreachable). */
    PodPointStubs unreachable(String pathRegex) {
        wm.stubFor(any(urlPathMatching(pathRegex)).atPriority(0)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        return this;
    }
}
