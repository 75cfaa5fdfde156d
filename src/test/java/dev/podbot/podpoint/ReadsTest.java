package dev.podbot.podpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.podbot.podpoint.PodPointTestData.charge;
import static dev.podbot.podpoint.PodPointTestData.chargesBody;
import static dev.podbot.podpoint.PodPointTestData.chargesPage;
import static dev.podbot.podpoint.PodPointTestData.override;
import static dev.podbot.podpoint.PodPointTestData.overnightSchedules;
import static dev.podbot.podpoint.PodPointTestData.pod;
import static dev.podbot.podpoint.PodPointTestData.podsBody;
import static dev.podbot.podpoint.PodPointWireMock.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PodPointWireMockResource.class)
class ReadsTest {

    static final String USER = "5150";

    @InjectPodPointWireMock
    PodPointWireMock wm;

    @Inject
    PodPointClient client;

    @Inject
    MeterRegistry registry;

    PodPointSession session;

    static final Pod POD = new Pod(31, "Drive", "PSL-310031", true, "", 3131, "UTC", null, null, null, null, null, null);

    @BeforeEach
    void signIn() {
        wm.reset();
        wm.stubSignIn("reader@example.org", "pw-reader-1", USER);
        session = client.signIn("reader@example.org", "pw-reader-1");
    }

    @Test
    void podsParseWithIncludes() {
        wm.stubPods(USER, podsBody(pod(31, 3131, "PSL-310031", "Drive", overnightSchedules(true)),
                pod(32, 3232, "PSL-320032", null, null)));

        List<Pod> pods = client.pods(session, 1, 5, PodPointClient.POLL_INCLUDES);

        assertEquals(2, pods.size());
        Pod p = pods.get(0);
        assertEquals(3131, p.unitId());
        assertEquals("S7-2C-05-AMA", p.modelName().orElseThrow());
        assertEquals(7, p.chargeSchedules().size());
        assertEquals("sched-1", p.chargeSchedules().get(0).uid());
        assertEquals("charging", p.statuses().get(0).keyName());
        assertTrue(pods.get(1).chargeSchedules().isEmpty(), "missing charge_schedules is an empty list");
        assertEquals("PSL-320032", pods.get(1).displayName());
        wm.server().verify(getRequestedFor(urlPathEqualTo(API + "/users/" + USER + "/pods"))
                .withQueryParam("perpage", equalTo("5")).withQueryParam("page", equalTo("1"))
                .withQueryParam("include", equalTo(PodPointClient.POLL_INCLUDES)));
    }

    @Test
    void allPodsReadsPagesUntilAShortOne() {
        String full = IntStream.range(0, 50).mapToObj(i -> pod(1000 + i, 2000 + i, "PSL-" + (500000 + i), null, null))
                .collect(Collectors.joining(","));
        wm.stubPodsPage(USER, 1, 50, "{\"pods\":[" + full + "]}");
        wm.stubPodsPage(USER, 2, 50, podsBody(pod(9, 99, "PSL-999999", "Last", null)));

        List<Pod> all = client.allPods(session, PodPointClient.FULL_INCLUDES);

        assertEquals(51, all.size());
        wm.server().verify(2, getRequestedFor(urlPathEqualTo(API + "/users/" + USER + "/pods")));
    }

    @Test
    void podFindsByPpidCaseInsensitivelyByIdAndByUnitId() {
        wm.stubPods(USER, podsBody(pod(31, 3131, "PSL-310031", "Drive", null), pod(32, 3232, "PSL-320032", "Garage", null)));

        assertEquals(32, client.pod(session, "psl-320032").orElseThrow().id());
        assertEquals(32, client.pod(session, "320032").orElseThrow().id(), "PPID without PSL- as in /auth");
        assertEquals(31, client.pod(session, "31").orElseThrow().id());
        assertEquals(32, client.pod(session, "3232").orElseThrow().id());
        assertTrue(client.pod(session, "PSL-000000").isEmpty());
        assertTrue(client.pod(session, " ").isEmpty());
    }

    @Test
    void chargesPageKeepsPaginationAndSurvivesOneBadDate() {
        wm.stubCharges(USER, 1, 3, chargesBody(1, 3, List.of(
                charge(903, 3131, 4.2, "2026-11-20T18:00:00.123Z", null),
                charge(902, 3131, 12.5, "2026-11-19:00:00+00:00", "2026-11-19T22:30:00+0000"),
                charge(901, 3131, 8.0, "2026-11-18T18:00:00+00:00", "2026-11-18T21:00:00Z"))));

        ChargesPage page = client.charges(session, 1, 3);

        assertEquals(3, page.charges().size());
        assertTrue(page.charges().get(0).inProgress());
        assertNull(page.charges().get(1).startsAt(), "the malformed date becomes null");
        assertEquals(Instant.parse("2026-11-19T22:30:00Z"), page.charges().get(1).endsAt().toInstant());
        assertEquals(4800L, page.charges().get(1).chargingSeconds());
        assertEquals(3, page.pagination().perPage());
        assertEquals(9, page.pagination().pageCount());
    }

    @Test
    void aPageBeyondTheEndIsEmpty() {
        wm.stubCharges(USER, 42, 5, "{\"charges\":[],\"meta\":{\"pagination\":{\"current_page\":42,\"per_page\":5,\"page_count\":3,\"item_count\":12}}}");

        ChargesPage page = client.charges(session, 42, 5);

        assertTrue(page.charges().isEmpty());
        assertEquals(42, page.pagination().currentPage());
    }

    @Test
    void chargesValidatesPaging() {
        assertThrows(IllegalArgumentException.class, () -> client.charges(session, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> client.charges(session, 1, 101));
        assertThrows(IllegalArgumentException.class, () -> client.charges(session, 0, 5));
    }

    @Test
    void allChargesPagesBy50UntilAShortPage() {
        wm.stubCharges(USER, 1, 50, chargesPage(1, 50, 2100, 2051, 3131));
        wm.stubCharges(USER, 2, 50, chargesPage(2, 50, 2050, 2041, 3131));

        List<Charge> all = client.allCharges(session);

        assertEquals(60, all.size());
        assertEquals(2100, all.get(0).id());
        assertEquals(2041, all.get(59).id());
    }

    @Test
    void overrideAbsentIsSmartAndPresentIsParsed() {
        wm.stubGetOverride(3131, null);
        assertEquals(Optional.empty(), client.chargeOverride(session, POD));
        assertEquals(ChargeMode.SMART, client.chargeMode(session, POD));

        wm.stubGetOverride(3131, override("PSL-310031", "2026-11-20T10:00:00.000Z", "2026-11-20T10:00:09.000Z",
                "2099-01-01T00:00:00.000Z"));
        ChargeOverride o = client.chargeOverride(session, POD).orElseThrow();
        assertEquals("PSL-310031", o.ppid());
        assertEquals(ChargeMode.Kind.BOOST, client.chargeMode(session, POD).kind());

        wm.stubGetOverride(3131, override("PSL-310031", "2026-11-20T10:00:00Z", "2026-11-20T10:00:09Z", null));
        assertEquals(ChargeMode.MANUAL, client.chargeMode(session, POD));
    }

    @Test
    void connectivityWithoutEvsesIsOfflineAndUnknown() {
        wm.stubConnectivity("PSL-310031", "{\"ppid\":\"PSL-310031\",\"evses\":[],\"connectedComponents\":[]}");

        ConnectivityStatus c = client.connectivity(session, POD);

        assertFalse(c.online());
        assertEquals(ConnectivityStatus.ChargingState.UNKNOWN, c.chargingState());
        assertTrue(c.lastMessageAt().isEmpty());
    }

    @Test
    void connectivityReadsTheLiveState() {
        wm.stubConnectivity("PSL-310031", """
                {"ppid":"PSL-310031","evses":[{"id":1,"architecture":"arch5",
                  "connectivityState":{"protocol":"POW","connectivityStatus":"ONLINE","signalStrength":-61,
                    "lastMessageAt":"2026-11-20T19:00:01Z","connectionStartedAt":"2026-11-20T08:00:00.5Z","connectionQuality":4},
                  "connectors":[{"id":1,"door":"A","chargingState":"SUSPENDED_EVSE"}],
                  "energyOfferStatus":{"isOfferingEnergy":false,"reason":"CHARGE_SCHEDULE","until":null,"randomDelay":null,"doNotCache":false}}],
                 "connectedComponents":["evses"]}""");

        ConnectivityStatus c = client.connectivity(session, POD);

        assertTrue(c.online());
        assertEquals(ConnectivityStatus.ChargingState.SUSPENDED_EVSE, c.chargingState());
        assertEquals(-61, c.signalStrength().orElseThrow());
    }

    @Test
    void firmwareAcceptsSnakeAndCamelCase() {
        wm.stubFirmware(3131, """
                {"data":[{"serial_number":"SN-1","version_info":{"manifest_id":"A50P-4.2.1-00003"},
                          "update_status":{"is_update_available":true}},
                         {"serialNumber":"SN-2","versionInfo":{"manifestId":"A50P-4.3.0-00001","architecture":"arch5",
                            "details":{"dspVersion":"1.0","wifiVersion":"2.0"}},"updateStatus":{"isUpdateAvailable":false}}]}""");

        List<Firmware> fw = client.firmware(session, POD);

        assertEquals(2, fw.size());
        assertEquals("A50P-4.2.1-00003", fw.get(0).version());
        assertTrue(fw.get(0).updateAvailable());
        assertEquals("SN-2", fw.get(1).serialNumber());
        assertEquals("A50P-4.3.0-00001", fw.get(1).version());
        assertEquals("arch5", fw.get(1).versionInfo().architecture());
        assertFalse(fw.get(1).updateAvailable());
    }

    @Test
    void currentUserReadsAuthWithAccount() {
        wm.stubCurrentUser("""
                {"users":{"id":5150,"email":"reader@example.org","first_name":"Rea","last_name":"Der","role":"user",
                  "account":{"user_id":5150,"uid":"0d5a","balance":250,"currency":"GBP"}}}""");

        PodPointUser u = client.currentUser(session);

        assertEquals(5150L, u.id());
        assertEquals(250, u.account().balancePence());
        assertFalse(u.toString().contains("reader@"));
        wm.server().verify(getRequestedFor(urlPathEqualTo(API + "/auth")).withQueryParam("include", equalTo("account")));
    }

    @Test
    void aGetIsRetriedAfterA5xx() {
        wm.server().stubFor(get(urlPathEqualTo(API + "/units/3131/firmware")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        wm.server().stubFor(get(urlPathEqualTo(API + "/units/3131/firmware")).inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(okJson("{\"data\":[{\"serial_number\":\"SN-9\"}]}")));
        double before = count("GET /units/{id}/firmware", "502");

        assertEquals("SN-9", client.firmware(session, POD).get(0).serialNumber());

        wm.server().verify(2, getRequestedFor(urlPathEqualTo(API + "/units/3131/firmware")));
        assertEquals(before + 1, count("GET /units/{id}/firmware", "502"));
    }

    @Test
    void aGetStillFailingAfterThreeAttemptsIsAnApiErrorWithStatusAndBody() {
        wm.stubAny(get(urlPathEqualTo(API + "/units/3131/firmware")), 500, "{\"message\":\"Server Error\"}");

        var e = assertThrows(PodPointApiException.class, () -> client.firmware(session, POD));

        assertEquals(500, e.status());
        assertTrue(e.body().contains("Server Error"));
        assertTrue(e.getMessage().contains("GET /units/{id}/firmware"), e.getMessage());
        wm.server().verify(3, getRequestedFor(urlPathEqualTo(API + "/units/3131/firmware")));
    }

    @Test
    void aTimeoutIsUnavailableAfterRetries() {
        wm.server().stubFor(get(urlPathEqualTo(API + "/units/3131/firmware"))
                .willReturn(okJson("{\"data\":[]}").withFixedDelay(PodPointWireMockResource.BEYOND_TIMEOUT_MS)));
        double before = count("GET /units/{id}/firmware", "timeout");

        var e = assertThrows(PodPointUnavailableException.class, () -> client.firmware(session, POD));

        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        assertFalse(e.getMessage().contains("localhost"), "no URL in the message");
        assertEquals(before + 3, count("GET /units/{id}/firmware", "timeout"));
    }

    @Test
    void aDroppedConnectionIsUnavailableWithoutTheUrl() {
        wm.server().stubFor(get(urlPathEqualTo("/chargers/PSL-310031/connectivity-status"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        double before = count("GET /chargers/{ppid}/connectivity-status", "error");

        var e = assertThrows(PodPointUnavailableException.class, () -> client.connectivity(session, POD));

        assertTrue(e.getMessage().contains("Pod Point cannot be reached"), e.getMessage());
        assertTrue(e.getMessage().contains("network, DNS or proxy, and PODPOINT_API_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("PSL-310031") || e.getMessage().contains("localhost"), e.getMessage());
        assertEquals(before + 3, count("GET /chargers/{ppid}/connectivity-status", "error"));
    }

    @Test
    void malformedJsonIsAClearApiError() {
        wm.stubAny(get(urlPathEqualTo(API + "/users/" + USER + "/pods")), 200, "{\"pods\":[{\"id\":1,");

        var e = assertThrows(PodPointApiException.class, () -> client.pods(session, 1, 5, null));

        assertEquals(200, e.status());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("Jackson") || e.getMessage().contains("Unexpected end"), e.getMessage());
    }

    @Test
    void callsAreCountedWithTemplatesNotIds() {
        wm.stubPods(USER, podsBody());
        double before = count("GET /users/{id}/pods", "200");

        client.pods(session, 1, 5, null);

        assertEquals(before + 1, count("GET /users/{id}/pods", "200"));
        assertTrue(registry.find("podbot.podpoint.calls").counters().stream()
                .noneMatch(c -> c.getId().getTag("endpoint").contains(USER)));
    }

    private double count(String endpoint, String status) {
        var c = registry.find("podbot.podpoint.calls").tag("endpoint", endpoint).tag("status", status).counter();
        return c == null ? 0 : c.count();
    }
}
