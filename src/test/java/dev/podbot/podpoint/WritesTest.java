package dev.podbot.podpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.podbot.podpoint.PodPointTestData.override;
import static dev.podbot.podpoint.PodPointTestData.overnightSchedules;
import static dev.podbot.podpoint.PodPointTestData.podsBody;
import static dev.podbot.podpoint.PodPointWireMock.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PodPointWireMockResource.class)
class WritesTest {

    static final String USER = "6060";
    static final long UNIT = 6161;
    static final String SCHEDULES = API + "/units/" + UNIT + "/charge-schedules";
    static final String OVERRIDE = API + "/units/" + UNIT + "/charge-override";
    static final DateTimeFormatter PY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    @InjectPodPointWireMock
    PodPointWireMock wm;

    @Inject
    PodPointClient client;

    final ObjectMapper mapper = new ObjectMapper();
    PodPointSession session;

    @BeforeEach
    void signIn() {
        wm.reset();
        wm.stubSignIn("writer@example.org", "pw-writer-1", USER);
        session = client.signIn("writer@example.org", "pw-writer-1");
    }

    static Pod pod(List<ChargeSchedule> schedules) {
        return new Pod(60, "Drive", "PSL-606060", true, "", UNIT, "UTC", null, null, null, null, schedules, null);
    }

    static List<ChargeSchedule> userSchedules(boolean active) {
        return java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(d -> new ChargeSchedule("sched-" + d, d, "00:30:00", d == 7 ? 1 : d, "04:30:00",
                        new ChargeSchedule.Status(active)))
                .toList();
    }

    private JsonNode onlyBody(String path) throws Exception {
        List<LoggedRequest> reqs = wm.server().findAll(putRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, reqs.size(), "exactly one PUT");
        return mapper.readTree(reqs.get(0).getBodyAsString());
    }

    @Test
    void blockingChargingKeepsTheUsersTimesAndUidsAndOnlyFlipsIsActive() throws Exception {
        wm.stubPutSchedules(UNIT, 201);

        client.setChargingAllowed(session, pod(userSchedules(false)), false);

        JsonNode data = onlyBody(SCHEDULES).get("data");
        assertEquals(7, data.size());
        for (int i = 0; i < 7; i++) {
            JsonNode s = data.get(i);
            assertEquals("sched-" + (i + 1), s.get("uid").asText());
            assertEquals("00:30:00", s.get("start_time").asText());
            assertEquals("04:30:00", s.get("end_time").asText());
            assertEquals(i == 6 ? 1 : i + 1, s.get("end_day").asInt(), "week-wrapping window kept");
            assertTrue(s.get("status").get("is_active").asBoolean());
        }
        wm.server().verify(putRequestedFor(urlPathEqualTo(SCHEDULES))
                .withHeader("Authorization", equalTo("Bearer id-" + USER + "-1"))
                .withHeader("Content-Type", matching("application/json.*")));
    }

    @Test
    void allowingChargingWithoutSchedulesRereadsThePodThenSendsSevenOneSecondWindows() throws Exception {
        wm.stubPods(USER, podsBody(PodPointTestData.pod(60, UNIT, "PSL-606060", "Drive", "[]")));
        wm.stubPutSchedules(UNIT, 201);

        client.setChargingAllowed(session, pod(List.of()), true);

        wm.server().verify(getRequestedFor(urlPathEqualTo(API + "/users/" + USER + "/pods"))
                .withQueryParam("include", equalTo("charge_schedules")));
        JsonNode data = onlyBody(SCHEDULES).get("data");
        assertEquals(7, data.size());
        for (int d = 1; d <= 7; d++) {
            JsonNode s = data.get(d - 1);
            assertFalse(s.has("uid"), "new windows carry no uid");
            assertEquals(d, s.get("start_day").asInt());
            assertEquals(d, s.get("end_day").asInt());
            assertEquals("00:00:00", s.get("start_time").asText());
            assertEquals("00:00:01", s.get("end_time").asText());
            assertFalse(s.get("status").get("is_active").asBoolean());
        }
    }

    @Test
    void aPodPassedWithoutSchedulesUsesTheSchedulesReadBack() throws Exception {
        wm.stubPods(USER, podsBody(PodPointTestData.pod(60, UNIT, "PSL-606060", "Drive", overnightSchedules(true))));
        wm.stubPutSchedules(UNIT, 201);

        client.setChargingAllowed(session, pod(List.of()), true);

        JsonNode data = onlyBody(SCHEDULES).get("data");
        assertEquals("sched-3", data.get(2).get("uid").asText());
        assertEquals("00:30:00", data.get(2).get("start_time").asText());
        assertFalse(data.get(2).get("status").get("is_active").asBoolean());
    }

    @Test
    void twoHundredWhereTwoHundredOneIsExpectedIsReported() {
        wm.stubPutSchedules(UNIT, 200);

        var e = assertThrows(PodPointApiException.class,
                () -> client.setChargingAllowed(session, pod(userSchedules(true)), true));

        assertEquals(200, e.status());
        assertTrue(e.getMessage().contains("expected 201"), e.getMessage());
    }

    @Test
    void aPutThatFailsWith5xxIsNotRetried() {
        wm.stubAny(put(urlPathEqualTo(SCHEDULES)), 503, "{\"message\":\"Service Unavailable\"}");

        var e = assertThrows(PodPointApiException.class,
                () -> client.setChargingAllowed(session, pod(userSchedules(true)), false));

        assertEquals(503, e.status());
        wm.server().verify(1, putRequestedFor(urlPathEqualTo(SCHEDULES)));
    }

    @Test
    void aPutThatTimesOutIsNotRetried() {
        wm.server().stubFor(put(urlPathEqualTo(OVERRIDE)).willReturn(okJson("{}").withStatus(201).withFixedDelay(PodPointWireMockResource.BEYOND_TIMEOUT_MS)));

        assertThrows(PodPointUnavailableException.class, () -> client.manualMode(session, pod(List.of())));

        wm.server().verify(1, putRequestedFor(urlPathEqualTo(OVERRIDE)));
    }

    @Test
    void aPutAnswered401IsResentOnceAfterARefresh() {
        var next = wm.stubRefresh("rt-" + USER + "-1", USER, 2);
        wm.stubAny(put(urlPathEqualTo(SCHEDULES)), 401, "{\"message\":\"Unauthenticated.\"}");
        wm.server().stubFor(put(urlPathEqualTo(SCHEDULES)).withHeader("Authorization", equalTo("Bearer " + next.idToken()))
                .willReturn(okJson("{\"data\":[]}").withStatus(201)));

        client.setChargingAllowed(session, pod(userSchedules(true)), true);

        wm.server().verify(2, putRequestedFor(urlPathEqualTo(SCHEDULES)));
    }

    @Test
    void dailyScheduleMustEndAfterItStartsOnTheSameDay() {
        var e = assertThrows(InvalidScheduleException.class,
                () -> client.setDailySchedule(session, pod(List.of()), LocalTime.of(18, 0), LocalTime.of(0, 15)));
        assertEquals("the end time must be after the start time on the same day", e.reason());
        assertThrows(InvalidScheduleException.class,
                () -> client.setDailySchedule(session, pod(List.of()), LocalTime.of(7, 0), LocalTime.of(7, 0)));
        assertThrows(InvalidScheduleException.class,
                () -> client.setDailySchedule(session, pod(List.of()), null, LocalTime.of(7, 0)));
        assertTrue(e instanceof PodPointException);
        wm.server().verify(0, putRequestedFor(urlPathEqualTo(SCHEDULES)));
    }

    @Test
    void dailyScheduleKeepsTheUidsOfSevenDailySchedules() throws Exception {
        wm.stubPutSchedules(UNIT, 201);

        client.setDailySchedule(session, pod(userSchedules(false)), LocalTime.of(0, 30), LocalTime.of(5, 0));

        JsonNode data = onlyBody(SCHEDULES).get("data");
        assertEquals(7, data.size());
        for (int d = 1; d <= 7; d++) {
            JsonNode s = data.get(d - 1);
            assertEquals("sched-" + d, s.get("uid").asText());
            assertEquals(d, s.get("start_day").asInt());
            assertEquals(d, s.get("end_day").asInt());
            assertEquals("00:30:00", s.get("start_time").asText());
            assertEquals("05:00:00", s.get("end_time").asText());
            assertTrue(s.get("status").get("is_active").asBoolean());
        }
    }

    @Test
    void dailyScheduleWithoutSevenSchedulesCreatesNewOnes() throws Exception {
        wm.stubPutSchedules(UNIT, 201);
        List<ChargeSchedule> two = List.of(new ChargeSchedule("x1", 1, "01:00:00", 1, "02:00:00", new ChargeSchedule.Status(true)),
                new ChargeSchedule("x2", 2, "01:00:00", 2, "02:00:00", new ChargeSchedule.Status(true)));

        client.setDailySchedule(session, pod(two), LocalTime.of(23, 0), LocalTime.of(23, 59, 59));

        JsonNode data = onlyBody(SCHEDULES).get("data");
        assertEquals(7, data.size());
        data.forEach(s -> assertFalse(s.has("uid")));
        assertEquals("23:59:59", data.get(0).get("end_time").asText());
    }

    @Test
    void boostSendsRequestedAndEndsAtLikeThePythonClient() {
        wm.stubPutOverride(UNIT, 201, override("PSL-606060", "2026-11-20T10:00:00.000Z", "2026-11-20T10:00:04.000Z",
                "2026-11-20T11:30:00.000Z"));

        dev.podbot.podpoint.Change o = client.boost(session, pod(List.of()), Duration.ofMinutes(90));

        assertEquals(OffsetDateTime.parse("2026-11-20T11:30:00Z").toInstant(), o.until().toInstant());
        String pattern = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000";
        wm.server().verify(putRequestedFor(urlPathEqualTo(OVERRIDE))
                .withRequestBody(matchingJsonPath("$.requested_at", matching(pattern)))
                .withRequestBody(matchingJsonPath("$.ends_at", matching(pattern))));
        JsonNode body;
        try {
            body = mapper.readTree(wm.server().findAll(putRequestedFor(urlPathEqualTo(OVERRIDE))).get(0).getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        OffsetDateTime req = OffsetDateTime.parse(body.get("requested_at").asText(), PY);
        OffsetDateTime end = OffsetDateTime.parse(body.get("ends_at").asText(), PY);
        assertEquals(Duration.ofMinutes(90), Duration.between(req, end));
    }

    @Test
    void boostDurationIsValidated() {
        Pod p = pod(List.of());
        assertThrows(InvalidScheduleException.class, () -> client.boost(session, p, Duration.ZERO));
        assertThrows(InvalidScheduleException.class, () -> client.boost(session, p, Duration.ofMinutes(-5)));
        assertThrows(InvalidScheduleException.class, () -> client.boost(session, p, null));
        var e = assertThrows(InvalidScheduleException.class, () -> client.boost(session, p, Duration.ofHours(25)));
        assertTrue(e.reason().contains("24 hours"));
        wm.server().verify(0, putRequestedFor(urlPathEqualTo(OVERRIDE)));
    }

    @Test
    void manualModeSendsOnlyRequestedAt() {
        wm.stubPutOverride(UNIT, 201, override("PSL-606060", "2026-11-20T10:00:00.000Z", "2026-11-20T10:00:04.000Z", null));

        assertTrue(client.manualMode(session, pod(List.of())).applied());

        wm.server().verify(putRequestedFor(urlPathEqualTo(OVERRIDE))
                .withRequestBody(matchingJsonPath("$.requested_at", matching("\\d{4}-.*\\+0000")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("ends_at")));
    }

    @Test
    void manualModeWithAnEmptyReplyReturnsWhatWasSent() {
        wm.stubPutOverride(UNIT, 201, null);

        assertTrue(client.manualMode(session, pod(List.of())).applied());
    }

    @Test
    void smartModeDeletesTheOverrideAndNeeds204() {
        wm.stubDeleteOverride(UNIT, 204);
        client.smartMode(session, pod(List.of()));
        wm.server().verify(1, deleteRequestedFor(urlPathEqualTo(OVERRIDE)));

        wm.stubDeleteOverride(UNIT, 200);
        var e = assertThrows(PodPointApiException.class, () -> client.smartMode(session, pod(List.of())));
        assertEquals(200, e.status());
        assertTrue(e.getMessage().contains("expected 204"));

        wm.stubDeleteOverride(UNIT, 500);
        assertEquals(500, assertThrows(PodPointApiException.class, () -> client.smartMode(session, pod(List.of()))).status());
        wm.server().verify(3, deleteRequestedFor(urlPathEqualTo(OVERRIDE)));
    }
}
