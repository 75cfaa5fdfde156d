package dev.podbot.podpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.podbot.command.Failures;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Pod Home generation (API doc §10) through WireMock: discovery, every read and write, and their edge cases. */
@QuarkusTest
@WithTestResource(PodPointWireMockResource.class)
class PodHomeTest {

    static final String USER = "7070";
    static final String PPID = "PSL-707070";
    static final String OVERRIDES = "/chargers/" + PPID + "/charge-overrides";
    static final String SCHEDULES = "/chargers/" + PPID + "/manual-schedules";
    static final String DELEGATED = "/smart-charging/delegated-controls/" + PPID;

    @InjectPodPointWireMock
    PodPointWireMock wm;

    @Inject
    PodPointClient client;

    PodPointSession session;

    @BeforeEach
    void signIn() {
        wm.reset();
        wm.stubSignIn("home@example.org", "pw-home-1", USER);
    }

    private void homeAccount(String delegated, String chargingState, String overridesJson) {
        wm.stubHomeCharger(PPID, 7171, delegated, chargingState, overridesJson);
        session = client.signIn("home@example.org", "pw-home-1");
    }

    private Pod pod() {
        return client.allPods(session, PodPointClient.FULL_INCLUDES).get(0);
    }

    @Test
    void anArrayFromChargersIsPodHomeEvenWhenEmpty() {
        wm.stubHomeChargers("[]");
        session = client.signIn("home@example.org", "pw-home-1");
        assertEquals(ApiGeneration.HOME, session.generation());
        assertTrue(client.allPods(session, PodPointClient.FULL_INCLUDES).isEmpty());
    }

    @Test
    void a404FromChargersIsLegacy() {
        wm.stubAny(get(urlPathEqualTo("/chargers")), 404, "{\"error\":\"NOT_FOUND\"}");
        session = client.signIn("home@example.org", "pw-home-1");
        assertEquals(ApiGeneration.LEGACY, session.generation());
    }

    @Test
    void podsShowStateModeAndOnlineInPascalCase() {
        homeAccount("ACTIVE", "SuspendedEVSE", "[]");
        wm.stubPods(USER, PodPointTestData.podsBody(PodPointTestData.pod(1, 7171, PPID, "Drive", null)));
        Pod p = pod();
        assertEquals("Drive", p.name()); // Pod Home has no names: the legacy pod list gives them
        assertTrue(p.isHome());
        assertEquals(7171, p.unitId());
        assertEquals(ChargingState.SUSPENDED_EVSE, p.live().chargingState());
        assertEquals(Boolean.TRUE, p.live().onlineOrNull());
        assertEquals(ChargeMode.Kind.SMART, ChargeMode.of(p, Instant.now()).kind());
        assertEquals(7, p.chargeSchedules().size());
    }

    @Test
    void upperCaseAndUnknownStatesAreAccepted() {
        homeAccount("INACTIVE", "SUSPENDED_EV", "[]");
        assertEquals(ChargingState.SUSPENDED_EV, pod().live().chargingState());
        assertEquals(ChargeMode.Kind.SCHEDULED, ChargeMode.of(pod(), Instant.now()).kind());
        wm.stubAny(get(urlPathEqualTo("/chargers/" + PPID + "/connectivity-status-v2")), 200,
                "{\"connectionState\":\"Reconnecting\",\"chargingState\":\"BrandNewState\"}");
        Pod p = pod();
        assertEquals(ChargingState.UNKNOWN, p.live().chargingState());
        assertNull(p.live().onlineOrNull());
    }

    @Test
    void alwaysOnSwitchesSmartOffFirstSaysSoAndSendsNoEndAt() {
        homeAccount("ACTIVE", "Available", "[]");
        Change c = client.manualMode(session, pod());
        wm.server().verify(patchRequestedFor(urlPathEqualTo(DELEGATED)).withRequestBody(equalToJson("{\"status\":\"INACTIVE\"}")));
        wm.server().verify(postRequestedFor(urlPathEqualTo(OVERRIDES)).withRequestBody(notContaining("endAt")));
        assertTrue(c.alsoChanged().get(0).contains("Smart charging was switched off"), c.alsoChanged().toString());
        assertTrue(c.alsoChanged().get(0).contains("/mode smart"));
    }

    @Test
    void aRedundantPatchIsNeverSent() {
        homeAccount("INACTIVE", "Available", "[]");
        Change c = client.scheduledMode(session, pod());
        wm.server().verify(0, patchRequestedFor(urlPathEqualTo(DELEGATED)));
        assertTrue(c.alsoChanged().isEmpty());
        homeAccount("ACTIVE", "Available", "[]");
        client.smartMode(session, pod());
        wm.server().verify(0, patchRequestedFor(urlPathEqualTo(DELEGATED)));
    }

    @Test
    void boostSendsEndAtAndWorksInSmartMode() {
        homeAccount("ACTIVE", "Charging", "[]");
        Change c = client.boost(session, pod(), Duration.ofHours(12));
        wm.server().verify(postRequestedFor(urlPathEqualTo(OVERRIDES))
                .withRequestBody(matchingJsonPath("$.requestedAt"))
                .withRequestBody(matchingJsonPath("$.endAt")));
        wm.server().verify(0, patchRequestedFor(urlPathEqualTo(DELEGATED)));
        assertEquals(Duration.ofHours(12).toMinutes(),
                Duration.between(Instant.now(), c.until().toInstant()).toMinutes() + 1);
    }

    @Test
    void boostStopDeletesOnlyATimedOverride() {
        homeAccount("INACTIVE", "Charging", "[{\"id\":\"o1\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}]");
        assertEquals(ChargeMode.Kind.MANUAL, ChargeMode.of(pod(), Instant.now()).kind());
        assertFalse(client.stopBoost(session, pod()).applied());
        wm.server().verify(0, deleteRequestedFor(urlPathEqualTo(OVERRIDES)));

        String end = Instant.now().plus(Duration.ofHours(1)).toString();
        wm.stubAny(get(urlPathEqualTo(OVERRIDES)), 200, "[{\"id\":\"o1\",\"requestedAt\":\"2026-01-01T00:00:00Z\"},"
                + "{\"id\":\"o2\",\"requestedAt\":\"" + Instant.now() + "\",\"endAt\":\"" + end + "\"},"
                + "{\"id\":\"o3\",\"requestedAt\":\"2099-01-01T00:00:00Z\",\"deletedAt\":\"2026-01-02T00:00:00Z\"}]");
        assertEquals(ChargeMode.Kind.BOOST, ChargeMode.of(pod(), Instant.now()).kind());
        assertTrue(client.stopBoost(session, pod()).applied());
        wm.server().verify(1, deleteRequestedFor(urlPathEqualTo(OVERRIDES)));
    }

    @Test
    void theScheduleIsPutWithTheUidsJustRead() {
        homeAccount("INACTIVE", "Available", "[]");
        client.setDailySchedule(session, pod(), LocalTime.of(1, 0), LocalTime.of(4, 30));
        wm.server().verify(putRequestedFor(urlPathEqualTo(SCHEDULES))
                .withRequestBody(matchingJsonPath("$.schedules.length()", equalTo("7")))
                .withRequestBody(matchingJsonPath("$.schedules[0].uid", equalTo("uid-1")))
                .withRequestBody(matchingJsonPath("$.schedules[6].uid", equalTo("uid-7")))
                .withRequestBody(matchingJsonPath("$.schedules[3].startTime", equalTo("01:00:00")))
                .withRequestBody(matchingJsonPath("$.schedules[3].endTime", equalTo("04:30:00"))));
    }

    @Test
    void blockingChargingOnAMigratedAccountUsesPodHomeWritesOnly() {
        // the legacy write would be accepted (201) and ignored: it must never be used
        wm.stubAny(put(urlPathMatching("/api3/v5/units/.*")), 201, "{}");
        homeAccount("ACTIVE", "Charging", "[]");
        Change c = client.setChargingAllowed(session, pod(), false);
        wm.server().verify(0, anyRequestedFor(urlPathMatching("/api3/v5/units/.*")));
        wm.server().verify(putRequestedFor(urlPathEqualTo(SCHEDULES))
                .withRequestBody(matchingJsonPath("$.schedules[0].endTime", equalTo("00:00:01"))));
        assertTrue(c.alsoChanged().stream().anyMatch(l -> l.contains("Smart charging was switched off")));
    }

    @Test
    void a403OnAWriteIsToldWithTheReason() {
        homeAccount("INACTIVE", "Available", "[]");
        wm.stubAny(post(urlPathEqualTo(OVERRIDES)), 403, "{\"statusCode\":403,\"message\":\"Override not allowed\"}");
        PodPointApiException e = assertThrows(PodPointApiException.class, () -> client.manualMode(session, pod()));
        assertEquals(403, e.status());
        assertTrue(Failures.describe(e).contains("Override not allowed"), Failures.describe(e));
    }

    @Test
    void aMissingFeatureIsNotAvailableForThisCharger() {
        homeAccount("INACTIVE", "Available", "[]");
        wm.stubAny(get(urlPathEqualTo(DELEGATED)), 404, "{\"error\":\"NOT_FOUND\"}");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> client.smartMode(session, pod()));
        assertTrue(Failures.describe(e).contains("not available for this charger"));
        assertEquals(PodPointSession.Support.UNSUPPORTED, session.feature("smart charging:" + PPID));
    }

    @Test
    void theGenerationChangesBetweenPolls() {
        homeAccount("INACTIVE", "Available", "[]");
        assertEquals(ApiGeneration.HOME, session.generation());
        wm.stubAny(get(urlPathEqualTo("/chargers")), 410, "{}");
        wm.stubPods(USER, "{\"pods\":[{\"id\":1,\"ppid\":\"" + PPID + "\",\"unit_id\":7171}]}");
        List<Pod> pods = client.allPods(session, PodPointClient.POLL_INCLUDES);
        assertEquals(ApiGeneration.LEGACY, session.generation());
        assertFalse(pods.get(0).isHome());
    }

    @Test
    void completedChargesComeFromDateWindowsWithTheirCurrency() {
        homeAccount("INACTIVE", "Available", "[]");
        wm.stubAny(get(urlPathEqualTo("/charges")), 200, "{\"data\":{\"count\":1,\"charges\":[{\"id\":\"c-1\","
                + "\"startedAt\":\"2026-11-28T01:00:00Z\",\"endedAt\":\"2026-11-28T04:00:00Z\",\"duration\":10800,"
                + "\"energyTotal\":21.5,\"cost\":{\"amount\":183,\"currency\":\"EUR\"},\"charger\":{\"id\":\"" + PPID
                + "\",\"pluggedInDuration\":36000,\"unpluggedAt\":\"2026-11-28T11:00:00Z\"}}]}}");
        List<Charge> charges = client.completedSince(session, Instant.now().minus(Duration.ofDays(3)));
        assertEquals(1, charges.size());
        Charge c = charges.get(0);
        assertEquals(183, c.costPence());
        assertEquals("EUR", c.currency());
        assertEquals(PPID, c.ppid());
        assertEquals("2026-11-28T11:00Z", c.endsAt().toString());
        wm.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/charges"))
                .withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.matching("\\d{4}-\\d\\d-\\d\\d"))
                .withQueryParam("to", com.github.tomakehurst.wiremock.client.WireMock.matching("\\d{4}-\\d\\d-\\d\\d")));
    }

    @Test
    void theChargeWindowsReachTheCallersNowNotTheMachinesDate() {
        homeAccount("INACTIVE", "Available", "[]");
        wm.stubAny(get(urlPathEqualTo("/charges")), 200, "{\"data\":{\"count\":0,\"charges\":[]}}");
        Instant now = Instant.now().plus(Duration.ofDays(400)); // the notification clock may run ahead in tests
        client.completedSince(session, now.minus(Duration.ofMinutes(5)), now);
        String expectedTo = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1).toString();
        wm.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/charges"))
                .withQueryParam("to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(expectedTo)));
    }

    @Test
    void a401OnAPodHomeCallRefreshesTheTokenAndRetries() {
        homeAccount("INACTIVE", "Available", "[]");
        wm.server().stubFor(get(urlPathEqualTo(OVERRIDES)).atPriority(1)
                .withHeader("Authorization", equalTo(PodPointWireMock.bearer(session.idToken())))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));
        PodPointWireMock.Tokens fresh = wm.stubRefresh(session.refreshToken(), USER, 2);
        assertTrue(client.chargeOverride(session, pod()).isEmpty());
        assertEquals(fresh.idToken(), session.idToken());
    }
}
