package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every charger command, typed and pressed in Telegram, against Pod Point in WireMock. */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class ChargerCommandsEndToEndTest extends EndToEndTestBase {

    static final String API = PodPointWireMock.API;

    /** A linked chat whose account has one pod (unit, PPID derived from the user id) with the overnight schedule. */
    record Account(long chat, long user, long unit, String ppid) {
        String schedulesPath() {
            return API + "/units/" + unit + "/charge-schedules";
        }

        String overridePath() {
            return API + "/units/" + unit + "/charge-override";
        }
    }

    Account onePod(boolean scheduleActive) {
        long chat = newChat();
        long user = 70_000 + chat % 1000;
        Account a = new Account(chat, user, 400_000 + user, "PSL-" + (500_000 + user));
        login(chat, "owner" + user + "@example.net", "Owner-pw-" + user, user);
        podPoint.stubPods(String.valueOf(user), PodPointTestData.podsBody(PodPointTestData.pod(user, a.unit(),
                a.ppid(), "Driveway", PodPointTestData.overnightSchedules(scheduleActive))));
        writable(a.unit(), a.ppid(), true);
        return a;
    }

    void writable(long unit, String ppid, boolean online) {
        podPoint.stubConnectivity(ppid, PodPointTestData.connectivity(ppid, online, "CHARGING"));
        podPoint.stubWritesSucceed(unit, ppid);
    }

    @Test
    void podsShowsEachChargerWithItsButtons() {
        Account a = onePod(false);
        Call pods = say(a.chat(), "/pods", a.ppid());
        assertThat(pods.text()).contains("Driveway", "S7-2C-05-AMA", "Charging", "Mode: Smart", "Online: yes",
                "allowed");
        assertThat(buttons(pods)).contains("charge:on:" + a.unit(), "charge:off:" + a.unit(),
                "charges:1:new");

        Call off = press(a.chat(), pods, "charge:off:" + a.unit(), "blocked");
        assertThat(off.method()).isEqualTo("sendmessage");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.schedulesPath()))
                .withRequestBody(matchingJsonPath("$.data[0].status.is_active", equalTo("true"))));
    }

    @Test
    void chargeOffAndOnFlipTheSchedulesKeepingTheUsersTimesAndUids() {
        Account a = onePod(false);
        Call off = say(a.chat(), "/charge off", "blocked");
        assertThat(off.text()).contains("Driveway", "within a few minutes");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.schedulesPath()))
                .withRequestBody(matchingJsonPath("$.data.length()", equalTo("7")))
                .withRequestBody(matchingJsonPath("$.data[0].uid", equalTo("sched-1")))
                .withRequestBody(matchingJsonPath("$.data[6].uid", equalTo("sched-7")))
                .withRequestBody(matchingJsonPath("$.data[0].start_time", containing("00:30")))
                .withRequestBody(matchingJsonPath("$.data[0].end_time", containing("04:30")))
                .withRequestBody(matchingJsonPath("$.data[3].status.is_active", equalTo("true"))));

        podPoint.server().resetRequests();
        Call on = say(a.chat(), "/charge on " + a.ppid(), "allowed");
        assertThat(on.text()).contains("within a few minutes");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.schedulesPath()))
                .withRequestBody(matchingJsonPath("$.data[0].uid", equalTo("sched-1")))
                .withRequestBody(matchingJsonPath("$.data[0].start_time", containing("00:30")))
                .withRequestBody(matchingJsonPath("$.data[5].status.is_active", equalTo("false"))));
    }

    @Test
    void withSeveralPodsTheUserPicksOneByButton() {
        long chat = newChat();
        long user = 71_000 + chat % 1000;
        long unit1 = 410_001 + chat % 1000 * 10;
        long unit2 = unit1 + 1;
        login(chat, "two" + user + "@example.net", "Two-pw-" + user, user);
        podPoint.stubPods(String.valueOf(user), PodPointTestData.podsBody(
                PodPointTestData.pod(1, unit1, "PSL-610001", "Driveway", "[]"),
                PodPointTestData.pod(2, unit2, "PSL-610002", "Garage", "[]")));
        writable(unit1, "PSL-610001", true);
        writable(unit2, "PSL-610002", false);

        Call pods = say(chat, "/pods", "PSL-610002");
        assertThat(pods.text()).contains("Online: no");

        Call which = say(chat, "/charge off", "Which charger");
        assertThat(buttons(which)).containsExactly("charge:off:" + unit1, "charge:off:" + unit2);
        podPoint.server().verify(0, putRequestedFor(anyUrl()));

        int seen = botMessages(chat).size();
        String q = pressOnly(chat, which, "charge:off:" + unit2);
        Call done = awaitMessage(chat, seen, containsAll("blocked", "Garage"));
        assertThat(done.text()).contains("within a few minutes");
        assertThat(String.valueOf(awaitAnswer(q).params().get("text"))).isNotBlank();
        podPoint.server().verify(1, putRequestedFor(urlPathEqualTo(API + "/units/" + unit2 + "/charge-schedules")));
        podPoint.server().verify(0, putRequestedFor(urlPathEqualTo(API + "/units/" + unit1 + "/charge-schedules")));
    }

    @Test
    void scheduleSetsADailyWindowTurnsOffAndRefusesAnEndBeforeTheStart() {
        Account a = onePod(true);
        Call show = say(a.chat(), "/schedule", "00:30");
        assertThat(show.text()).contains("04:30");
        Call set = say(a.chat(), "/schedule 00:30 05:30", "every day from 00:30 to 05:30");
        assertThat(set.text()).contains("within a few minutes");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.schedulesPath()))
                .withRequestBody(matchingJsonPath("$.data[6].start_time", containing("00:30")))
                .withRequestBody(matchingJsonPath("$.data[6].end_time", containing("05:30")))
                .withRequestBody(matchingJsonPath("$.data[6].status.is_active", equalTo("true"))));

        podPoint.server().resetRequests();
        say(a.chat(), "/schedule off", "whenever plugged in");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.schedulesPath()))
                .withRequestBody(matchingJsonPath("$.data[0].status.is_active", equalTo("false"))));

        podPoint.server().resetRequests();
        Call bad = say(a.chat(), "/schedule 05:00 01:00", "must be after the start time");
        assertThat(bad.text()).contains("05:00", "01:00").doesNotContain("Exception");
        podPoint.server().verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void boostStartsForADurationAndStops() {
        Account a = onePod(true);
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90).truncatedTo(ChronoUnit.SECONDS);
        podPoint.stubPutOverride(a.unit(), 201, PodPointTestData.override(a.ppid(), until.minusMinutes(90).toString(),
                until.minusMinutes(90).toString(), until.toString()));
        Call boost = say(a.chat(), "/boost 1h30m", "Boosting");
        assertThat(boost.text()).contains("1h 30m");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.overridePath()))
                .withRequestBody(matchingJsonPath("$.ends_at")));

        Call stop = say(a.chat(), "/boost stop", "Smart");
        assertThat(stop.text()).doesNotContain("Exception");
        podPoint.server().verify(deleteRequestedFor(urlPathEqualTo(a.overridePath())));
    }

    @Test
    void everyPodsButtonAndTheNewWordsWorkOnALegacyAccount() throws Exception {
        Account a = onePod(true);
        assertThat(count("select count(*) from chat_account where chat_id = ? and api_generation = 'legacy'", a.chat()))
                .isEqualTo(1);
        Call pods = say(a.chat(), "/pods", a.ppid());
        assertThat(buttons(pods)).contains("boost:60:" + a.unit(), "mode:manual:" + a.unit(), "charges:1:new");
        press(a.chat(), pods, "boost:60:" + a.unit(), "Boosting", "1h");
        press(a.chat(), pods, "mode:manual:" + a.unit(), "Manual mode");
        press(a.chat(), pods, "charge:on:" + a.unit(), "allowed");
        podPoint.stubCharges(String.valueOf(a.user()), 1, 5, PodPointTestData.chargesBody(1, 5, List.of()));
        press(a.chat(), pods, "charges:1:new", "No charges yet");

        say(a.chat(), "/boost full", "Boosting", "12h");
        say(a.chat(), "/mode always", "Manual mode");
        say(a.chat(), "/mode scheduled", "follows your schedule");
        podPoint.server().verify(deleteRequestedFor(urlPathEqualTo(a.overridePath())));
        // never a Pod Home write on a legacy account
        podPoint.server().verify(0, WireMock.anyRequestedFor(WireMock.urlPathMatching("/(chargers/.*/(charge-overrides|"
                + "manual-schedules)|smart-charging/.*)")));
    }

    @Test
    void modeSwitchesToManualAndBackToSmart() {
        Account a = onePod(true);
        say(a.chat(), "/mode manual", "Manual mode");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(a.overridePath()))
                .withRequestBody(matchingJsonPath("$.requested_at")));
        say(a.chat(), "/mode smart", "Smart mode");
        podPoint.server().verify(deleteRequestedFor(urlPathEqualTo(a.overridePath())));
    }

    @Test
    void chargesArePagedByButtonsThatEditTheMessage() {
        Account a = onePod(false);
        String user = String.valueOf(a.user());
        String inProgress = PodPointTestData.charge(905, a.unit(), 3.4, "2026-11-23T17:00:00Z", null);
        List<String> page1 = List.of(inProgress,
                PodPointTestData.charge(904, a.unit(), 9.8, "2026-11-22T18:05:00Z", "2026-11-22T20:25:00Z"),
                PodPointTestData.charge(903, a.unit(), 7.1, "2026-11-21T18:05:00Z", "2026-11-21T20:25:00Z"),
                PodPointTestData.charge(902, a.unit(), 6.2, "2026-11-20T18:05:00Z", "2026-11-20T20:25:00Z"),
                PodPointTestData.charge(901, a.unit(), 5.3, "2026-11-19T18:05:00Z", "2026-11-19T20:25:00Z"));
        podPoint.stubCharges(user, 1, 5, PodPointTestData.chargesBody(1, 5, 2, page1));
        podPoint.stubCharges(user, 2, 5, PodPointTestData.chargesBody(2, 5, 2, List.of(
                PodPointTestData.charge(900, a.unit(), 12.0, "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z"))));

        Call first = say(a.chat(), "/charges", "page 1 of 2");
        assertThat(first.method()).isEqualTo("sendmessage");
        assertThat(first.text()).contains("in progress", "3.4 kWh so far", "9.8 kWh");
        assertThat(buttons(first)).containsExactly("charges:2");

        Call second = press(a.chat(), first, "charges:2", "page 2 of 2");
        assertThat(second.method()).isEqualTo("editmessagetext");
        assertThat(messageId(second)).isEqualTo(messageId(first));
        assertThat(second.text()).contains("12.0 kWh");
        assertThat(buttons(second)).containsExactly("charges:1");

        Call back = press(a.chat(), second, "charges:1", "page 1 of 2");
        assertThat(back.method()).isEqualTo("editmessagetext");
        assertThat(messageId(back)).isEqualTo(messageId(first));
    }

    @Test
    void aForgedButtonNamingAnotherAccountsPodIsRefusedWithoutTouchingIt() {
        Account victim = onePod(false);
        Account attacker = onePod(false);
        Call pods = say(attacker.chat(), "/pods", attacker.ppid());
        podPoint.server().resetRequests();

        for (String data : List.of("charge:on:" + victim.unit(), "charge:off:" + victim.unit(),
                "boost:60:" + victim.unit(), "mode:manual:" + victim.unit(), "schedule:off:" + victim.unit())) {
            int seen = botMessages(attacker.chat()).size();
            String q = pressOnly(attacker.chat(), pods, data);
            Call refused = awaitMessage(attacker.chat(), seen, containsAll("isn't for one of your chargers"));
            assertThat(refused.text()).as(data).doesNotContain(victim.ppid());
            assertThat(String.valueOf(awaitAnswer(q).params().get("text"))).as(data).isNotBlank();
        }
        podPoint.server().verify(0, putRequestedFor(anyUrl()));
        podPoint.server().verify(0, deleteRequestedFor(anyUrl()));
        podPoint.server().verify(0, WireMock.anyRequestedFor(WireMock.urlPathMatching(".*/units/" + victim.unit() + "/.*")));
    }
}
