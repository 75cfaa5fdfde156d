package dev.podbot.command;

import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.podpoint.PodPointTestData;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.account.ChatAccount;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import dev.podbot.podpoint.PodPointWireMockResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every charger command end to end: the router, the handlers and the real Pod Point client against WireMock. */
@QuarkusTest
@WithTestResource(value = PodPointWireMockResource.class, initArgs = @ResourceArg(name = "bot.allowed-users", value = PodPointWireMockResource.ALLOWED_USERS))
class PodCommandsTest extends CommandTestBase {

    static final long CHAT = 7015;
    static final long USER = 5150;
    static final long UNIT = 300_111;
    static final String PPID = "PSL-777001";
    static final long UNIT2 = 300_222;
    static final String PPID2 = "PSL-777002";
    static final String SCHEDULES_PATH = PodPointWireMock.API + "/units/" + UNIT + "/charge-schedules";
    static final String OVERRIDE_PATH = PodPointWireMock.API + "/units/" + UNIT + "/charge-override";

    void onePod(String schedules, String override) {
        login(CHAT, "kim@example.net", "Kim-pw-42", USER);
        pp.stubPods(String.valueOf(USER), PodPointTestData.podsBody(
                PodPointTestData.pod(11, "Driveway", PPID, UNIT, "Available", schedules, override)));
        online(PPID, true);
        pp.stubWritesSucceed(UNIT, PPID);
    }

    void twoPods() {
        login(CHAT, "kim@example.net", "Kim-pw-42", USER);
        pp.stubPods(String.valueOf(USER), PodPointTestData.podsBody(
                PodPointTestData.pod(11, "Driveway", PPID, UNIT, "Available",
                        PodPointTestData.daily("00:00:00", "00:00:01", false), null),
                PodPointTestData.pod(12, null, PPID2, UNIT2, "Charging", "[]", null)));
        online(PPID, true);
        online(PPID2, false);
        pp.stubWritesSucceed(UNIT, PPID);
        pp.stubWritesSucceed(UNIT2, PPID2);
    }

    void online(String ppid, boolean online) {
        pp.stubConnectivity(ppid, PodPointTestData.connectivity(ppid, online, "AVAILABLE"));
    }

    // ---- /pods

    @Test
    void podsShowsEverythingAboutEachCharger() {
        twoPods();
        ChatResponse r = say(CHAT, "/pods");
        assertThat(r.replies()).hasSize(2);
        String first = r.replies().get(0).text();
        assertThat(first).contains("Driveway").contains(PPID).contains("S7-2C-05-AXA").contains("Door A: Available")
                .contains("Charging: ✅ allowed").contains("Mode: Smart").contains("Online: yes");
        String second = r.replies().get(1).text();
        assertThat(second).contains(PPID2).contains("Door A: Charging").contains("Online: no");
        assertThat(buttonData(r)).contains("charge:on:" + UNIT, "charge:off:" + UNIT, "boost:60:" + UNIT,
                "charge:off:" + UNIT2, "charges:1:new");
    }

    @Test
    void aLiveReadOfTwoChargersAsksForBothConnectivitiesAtOnce() {
        twoPods();
        // each connectivity answer takes 1.5 s: read one after the other, the second request would arrive after the
        // first was answered
        for (String ppid : List.of(PPID, PPID2)) {
            wm.stubFor(get(urlPathEqualTo("/chargers/" + ppid + "/connectivity-status")).willReturn(
                    okJson(PodPointTestData.connectivity(ppid, true, "AVAILABLE")).withFixedDelay(1500)));
        }
        wm.resetRequests();
        ChatResponse r = press(CHAT, PodsHandler.REFRESH);
        assertThat(r.replies()).hasSize(2);
        assertThat(r.replies().get(1).text()).contains(PPID2).contains("Online: yes");
        List<java.util.Date> arrived = wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("/connectivity-status"))
                .map(e -> e.getRequest().getLoggedDate()).sorted().toList();
        assertThat(arrived).hasSize(2);
        assertThat(arrived.get(1).getTime() - arrived.get(0).getTime()).as("ms between the two requests")
                .isLessThan(1500);
    }

    @Test
    void podsShowsBlockedChargingABoostAndUnknownConnectivity() {
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90);
        login(CHAT, "kim@example.net", "Kim-pw-42", USER);
        pp.stubPods(String.valueOf(USER), PodPointTestData.podsBody(PodPointTestData.pod(11, "Driveway", PPID, UNIT, "Available",
                PodPointTestData.daily("00:00:00", "00:00:01", true), null),
                PodPointTestData.pod(12, "Garage", PPID2, UNIT2, "Available",
                        PodPointTestData.daily("00:00:00", "00:00:01", true), PodPointTestData.boostOverride(PPID2, until))));
        wm.stubFor(get(urlPathMatching("/chargers/.*/connectivity-status"))
                .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"down\"}")));
        ChatResponse r = say(CHAT, "/pods");
        assertThat(r.replies().get(0).text()).contains("⛔ blocked").contains("Online: unknown");
        assertThat(r.replies().get(1).text()).contains("✅ allowed")
                .contains("Boost until " + Formats.time(until, Formats.LONDON));
        assertThat(buttonData(r)).contains("boost:stop:" + UNIT2);
    }

    // ---- /charge

    @Test
    void chargeOffBlocksThroughTheSchedulesAndOnAllows() {
        onePod(PodPointTestData.daily("00:00:00", "00:00:01", false), null);
        ChatResponse off = say(CHAT, "/charge off");
        assertThat(text(off)).contains("blocked").contains("Driveway").contains("within a few minutes");
        wm.verify(putRequestedFor(urlPathEqualTo(SCHEDULES_PATH))
                .withRequestBody(matchingJsonPath("$.data[0].status.is_active", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))));
        wm.resetRequests();
        ChatResponse on = say(CHAT, "/charge on " + PPID);
        assertThat(text(on)).contains("allowed");
        wm.verify(putRequestedFor(urlPathEqualTo(SCHEDULES_PATH))
                .withRequestBody(matchingJsonPath("$.data[0].status.is_active", com.github.tomakehurst.wiremock.client.WireMock.equalTo("false"))));
    }

    @Test
    void withSeveralPodsAndNoneNamedTheBotAsksWhichOne() {
        twoPods();
        ChatResponse r = say(CHAT, "/charge off");
        assertThat(text(r)).contains("Which charger");
        assertThat(buttonData(r)).containsExactly("charge:off:" + UNIT, "charge:off:" + UNIT2);
        wm.verify(0, putRequestedFor(urlPathMatching(".*")));

        ChatResponse pressed = press(CHAT, "charge:off:" + UNIT2);
        assertThat(text(pressed)).contains("blocked").contains(PPID2);
        assertThat(pressed.callbackAnswer()).isNotBlank();
        wm.verify(putRequestedFor(urlPathEqualTo(PodPointWireMock.API + "/units/" + UNIT2 + "/charge-schedules")));

        assertThat(text(say(CHAT, "/charge on PSL-000000"))).contains("no charger called");
    }

    @Test
    void aForgedButtonForAnotherAccountsPodIsRefused() {
        twoPods();
        for (String data : List.of("charge:on:999999", "boost:60:999999", "mode:manual:999999",
                "schedule:off:999999", "schedule:set:0030:0530:999999", "charge:on:")) {
            ChatResponse r = press(CHAT, data);
            assertThat(text(r)).as(data).contains("isn't for one of your chargers");
            assertThat(r.callbackAnswer()).isNotBlank();
        }
        wm.verify(0, putRequestedFor(urlPathMatching(".*")));
        wm.verify(0, deleteRequestedFor(urlPathMatching(".*")));
    }

    // ---- /schedule

    @Test
    void scheduleSetsOneDailyWindowTurnsOffAndShows() {
        onePod(PodPointTestData.daily("00:30:00", "05:30:00", true), null);
        ChatResponse set = say(CHAT, "/schedule 00:30 05:30");
        assertThat(text(set)).contains("every day from 00:30 to 05:30").contains("within a few minutes");
        wm.verify(putRequestedFor(urlPathEqualTo(SCHEDULES_PATH))
                .withRequestBody(matchingJsonPath("$.data[6].start_time", com.github.tomakehurst.wiremock.client.WireMock.containing("00:30")))
                .withRequestBody(matchingJsonPath("$.data[6].end_time", com.github.tomakehurst.wiremock.client.WireMock.containing("05:30"))));

        assertThat(text(say(CHAT, "/schedule"))).contains("Every day 00:30–05:30").contains("Right now");

        wm.resetRequests();
        assertThat(text(say(CHAT, "/schedule off"))).contains("whenever plugged in");
        wm.verify(putRequestedFor(urlPathEqualTo(SCHEDULES_PATH))
                .withRequestBody(matchingJsonPath("$.data[0].status.is_active", com.github.tomakehurst.wiremock.client.WireMock.equalTo("false"))));
    }

    @Test
    void scheduleButtonsCarryTheWindow() {
        twoPods();
        ChatResponse r = say(CHAT, "/schedule 01:00 04:00");
        assertThat(buttonData(r)).contains("schedule:set:0100:0400:" + UNIT2);
        assertThat(text(press(CHAT, "schedule:set:0100:0400:" + UNIT2))).contains("01:00 to 04:00");
        wm.verify(putRequestedFor(urlPathEqualTo(PodPointWireMock.API + "/units/" + UNIT2 + "/charge-schedules")));
    }

    // ---- /boost and /mode

    @Test
    void boostStartsAndStops() {
        onePod("[]", null);
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90);
        wm.stubFor(put(urlPathEqualTo(OVERRIDE_PATH)).atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(PodPointTestData.boostOverride(PPID, until))));
        ChatResponse r = say(CHAT, "/boost 1h30m");
        assertThat(text(r)).contains("Boosting").contains("1h 30m").contains(Formats.time(until, Formats.LONDON));
        wm.verify(putRequestedFor(urlPathEqualTo(OVERRIDE_PATH))
                .withRequestBody(matchingJsonPath("$.ends_at")));
        assertThat(text(say(CHAT, "/boost stop"))).contains("Smart");
        wm.verify(deleteRequestedFor(urlPathEqualTo(OVERRIDE_PATH)));
        assertThat(text(press(CHAT, "boost:60:" + UNIT))).contains("Boosting").contains("1h");
    }

    @Test
    void modeSwitchesBetweenManualAndSmart() {
        onePod("[]", null);
        assertThat(text(say(CHAT, "/mode manual"))).contains("Manual mode");
        wm.verify(putRequestedFor(urlPathEqualTo(OVERRIDE_PATH)).withRequestBody(matchingJsonPath("$.requested_at")));
        assertThat(text(press(CHAT, "mode:smart:" + UNIT))).contains("Smart mode");
        wm.verify(deleteRequestedFor(urlPathEqualTo(OVERRIDE_PATH)));
    }

    // ---- /charges

    @Test
    void chargesArePagedAndTheButtonsEditTheMessage() {
        onePod("[]", null);
        String inProgress = PodPointTestData.charge(905, 3.4, 0, "2026-11-23T17:00:00Z", null, 1800, 0, UNIT);
        String done = PodPointTestData.charge(904, 9.8, 140, "2026-11-22T18:05:00Z", "2026-11-22T20:25:00Z", 3000, 294, UNIT);
        pp.stubCharges(String.valueOf(USER), 1, 5, PodPointTestData.chargesBody(1, 5, 2, List.of(inProgress, done, done.replace("904", "903"), done.replace("904", "902"),
                done.replace("904", "901"))));
        pp.stubCharges(String.valueOf(USER), 2, 5, PodPointTestData.chargesBody(2, 5, 2, List.of(PodPointTestData.charge(900, 12.0, 60, "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z",
                3600, 360, UNIT))));
        pp.stubCharges(String.valueOf(USER), 3, 5, PodPointTestData.chargesBody(3, 5, 2, List.of()));

        ChatResponse first = say(CHAT, "/charges");
        String t = text(first);
        assertThat(t).contains("in progress").contains("3.4 kWh so far").contains("9.8 kWh").contains("£2.94")
                .contains("Plugged in 2h 20m").contains("charging 50m").contains("page 1 of 2");
        assertThat(first.replies().get(0).editOriginal()).isFalse();
        assertThat(buttonData(first)).containsExactly("charges:2");

        ChatResponse next = press(CHAT, "charges:2");
        assertThat(next.replies().get(0).editOriginal()).isTrue();
        assertThat(text(next)).contains("12.0 kWh").contains("£3.60").contains("page 2 of 2");
        assertThat(buttonData(next)).containsExactly("charges:1");

        assertThat(text(say(CHAT, "/charges 3"))).contains("No more charges");
        assertThat(press(CHAT, "charges:1:new").replies().get(0).editOriginal()).isFalse();
    }

    // ---- failures

    @Test
    void podPointUnreachableIsSaidPlainly() {
        onePod("[]", null);
        pp.stubUnreachable(PodPointWireMock.API + "/users/.*");
        String t = text(say(CHAT, "/pods"));
        assertThat(t).isEqualTo(Failures.UNAVAILABLE);
    }

    @Test
    void aRefusedWriteShowsTheHttpStatus() {
        onePod("[]", null);
        wm.stubFor(put(urlPathEqualTo(SCHEDULES_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(422).withBody("{\"message\": \"The given data was invalid.\"}")));
        String t = text(say(CHAT, "/charge off"));
        assertThat(t).contains("Pod Point refused that (HTTP 422)").doesNotContain("Exception");
    }

    @Test
    void aPasswordPodPointNoLongerAcceptsMarksTheAccountAndAsksForLogin() {
        onePod("[]", null);
        accounts.forgetSession(CHAT); // as after a restart: the session is resumed from the stored refresh token
        pp.stubPasswordChanged();
        wm.stubFor(get(urlPathMatching(PodPointWireMock.API + "/users/.*")).atPriority(0)
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Unauthenticated.\"}")));
        String t = text(say(CHAT, "/pods"));
        assertThat(t).isEqualTo(Failures.SIGN_IN_REJECTED);
        assertThat(account(CHAT).orElseThrow().status).isEqualTo(ChatAccount.Status.AUTH_FAILED);
        assertThat(text(say(CHAT, "/charges"))).contains("/login");
    }

    @Test
    void anUnreadableAnswerGetsAFriendlySorry() {
        onePod("[]", null);
        wm.stubFor(get(urlPathMatching(PodPointWireMock.API + "/users/.*/charges")).atPriority(0)
                .willReturn(okJson("{\"charges\": [{\"id\": \"not-a-number\", ")));
        String t = text(say(CHAT, "/charges"));
        assertThat(t).doesNotContain("Exception").doesNotContain("at dev.").isNotBlank();
    }
}
