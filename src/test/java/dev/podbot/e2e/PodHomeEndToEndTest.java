package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every charger command and button on a Pod Home account, typed and pressed in Telegram (fake Bot API), against
 * Pod Home endpoints in WireMock. No legacy write is ever sent: on a migrated account it would be accepted and
 * ignored.
 */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class PodHomeEndToEndTest extends EndToEndTestBase {

    record Home(long chat, long user, long unit, String ppid) {
    }

    /** A linked chat whose Pod Home account has one charger; Smart charging on or off. */
    Home homeAccount(boolean smart, String overrides) throws Exception {
        long chat = newChat();
        long user = 80_000 + chat % 1000;
        Home h = new Home(chat, user, 800_000 + user, "PSL-" + (900_000 + user));
        podPoint.stubHomeCharger(h.ppid(), h.unit(), smart ? "ACTIVE" : "INACTIVE", "SuspendedEVSE", overrides);
        login(chat, "home" + user + "@example.net", "Home-pw-" + user, user);
        assertThat(count("select count(*) from chat_account where chat_id = ? and api_generation = 'home'", chat))
                .isEqualTo(1);
        return h;
    }

    void noLegacyWrites() {
        podPoint.server().verify(0, anyRequestedFor(urlPathMatching("/api3/v5/units/.*")));
    }

    @Test
    void podsShowsTheHomeModeAndEveryButtonWorks() throws Exception {
        Home h = homeAccount(true, "[]");
        Call pods = say(h.chat(), "/pods", h.ppid());
        assertThat(pods.text()).contains("Smart charging", "Online: yes", "Paused by the charger", "solo3");
        assertThat(buttons(pods)).contains("charge:on:" + h.unit(), "charge:off:" + h.unit(), "boost:60:" + h.unit(),
                "mode:scheduled:" + h.unit(), "charges:1:new");

        press(h.chat(), pods, "boost:60:" + h.unit(), "Boosting", "1h");
        podPoint.server().verify(postRequestedFor(urlPathEqualTo(PodPointWireMock.homeOverrides(h.ppid())))
                .withRequestBody(matchingJsonPath("$.endAt")));

        Call scheduled = press(h.chat(), pods, "mode:scheduled:" + h.unit(), "follows your schedule");
        assertThat(scheduled.text()).contains("Smart charging was switched off first", "/mode smart");
        podPoint.server().verify(patchRequestedFor(urlPathEqualTo(PodPointWireMock.homeDelegated(h.ppid())))
                .withRequestBody(equalToJson("{\"status\":\"INACTIVE\"}")));

        press(h.chat(), pods, "charge:on:" + h.unit(), "Charging allowed", "Always on");
        press(h.chat(), pods, "charge:off:" + h.unit(), "Charging blocked");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(PodPointWireMock.homeSchedules(h.ppid())))
                .withRequestBody(matchingJsonPath("$.schedules[0].uid", equalTo("uid-1")))
                .withRequestBody(matchingJsonPath("$.schedules[0].endTime", equalTo("00:00:01"))));

        podPoint.stubHomeCharges(PodPointWireMock.homeCharge("c-1", h.ppid(),
                Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS),
                Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS), 14.2, 135));
        press(h.chat(), pods, "charges:1:new", "Your charges", "14.2 kWh", "£1.35");
        noLegacyWrites();
    }

    @Test
    void alwaysOnWithTheManualAliasSmartAndScheduledModes() throws Exception {
        Home h = homeAccount(false, "[]");
        Call always = say(h.chat(), "/mode manual", "Always on");
        assertThat(always.text()).doesNotContain("Smart charging was switched off");
        podPoint.server().verify(0, patchRequestedFor(urlPathEqualTo(PodPointWireMock.homeDelegated(h.ppid()))));
        podPoint.server().verify(postRequestedFor(urlPathEqualTo(PodPointWireMock.homeOverrides(h.ppid())))
                .withRequestBody(notContaining("endAt")));

        say(h.chat(), "/mode always", "Always on");
        say(h.chat(), "/mode smart", "Smart charging");
        podPoint.server().verify(patchRequestedFor(urlPathEqualTo(PodPointWireMock.homeDelegated(h.ppid())))
                .withRequestBody(equalToJson("{\"status\":\"ACTIVE\"}")));
        say(h.chat(), "/mode scheduled", "follows your schedule");
        say(h.chat(), "/mode eco", "/mode smart|scheduled|always");
        noLegacyWrites();
    }

    @Test
    void boostForADurationFullAndStopOnlyEndsATimedBoost() throws Exception {
        String end = Instant.now().plus(Duration.ofMinutes(40)).toString();
        Home h = homeAccount(false, "[{\"id\":\"b1\",\"requestedAt\":\"" + Instant.now() + "\",\"endAt\":\"" + end + "\"}]");
        say(h.chat(), "/boost 45m", "Boosting", "45m");
        say(h.chat(), "/boost full", "Boosting", "12h");
        Call pods = say(h.chat(), "/pods", "Boost until");
        assertThat(buttons(pods)).contains("boost:stop:" + h.unit());
        press(h.chat(), pods, "boost:stop:" + h.unit(), "Boost stopped");
        podPoint.server().verify(1, deleteRequestedFor(urlPathEqualTo(PodPointWireMock.homeOverrides(h.ppid()))));

        // Always on is not a boost: /boost stop leaves it alone
        podPoint.stubAny(get(urlPathEqualTo(PodPointWireMock.homeOverrides(h.ppid()))), 200,
                "[{\"id\":\"a1\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}]");
        say(h.chat(), "/boost stop", "No boost is running");
        podPoint.server().verify(1, deleteRequestedFor(urlPathEqualTo(PodPointWireMock.homeOverrides(h.ppid()))));
        noLegacyWrites();
    }

    @Test
    void scheduleShowsSetsAndTurnsOff() throws Exception {
        Home h = homeAccount(true, "[]");
        say(h.chat(), "/schedule", "00:30", "05:30");
        Call set = say(h.chat(), "/schedule 01:00 04:00", "every day from 01:00 to 04:00");
        assertThat(set.text()).contains("Smart charging was switched off first");
        podPoint.server().verify(putRequestedFor(urlPathEqualTo(PodPointWireMock.homeSchedules(h.ppid())))
                .withRequestBody(matchingJsonPath("$.schedules.length()", equalTo("7")))
                .withRequestBody(matchingJsonPath("$.schedules[6].uid", equalTo("uid-7")))
                .withRequestBody(matchingJsonPath("$.schedules[2].startTime", equalTo("01:00:00"))));
        say(h.chat(), "/schedule off", "whenever plugged in");
        say(h.chat(), "/schedule 05:00 01:00", "must be after the start time");
        noLegacyWrites();
    }

    @Test
    void chargesArePagedNewestFirstWithPrevAndNext() throws Exception {
        Home h = homeAccount(false, "[]");
        List<String> charges = new ArrayList<>();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        for (int i = 0; i < 7; i++) {
            Instant start = base.minus(Duration.ofHours(10L * i));
            charges.add(PodPointWireMock.homeCharge("c-" + i, h.ppid(), start, start.plus(Duration.ofHours(2)),
                    10 + i, 100 + i));
        }
        podPoint.stubHomeCharges(charges.toArray(String[]::new));
        Call first = say(h.chat(), "/charges", "Your charges", "page 1");
        assertThat(first.text().indexOf("10.0 kWh")).isLessThan(first.text().indexOf("11.0 kWh"));
        assertThat(buttons(first)).contains("charges:2");
        Call second = press(h.chat(), first, "charges:2", "page 2");
        assertThat(second.text()).contains("15.0 kWh", "16.0 kWh");
        assertThat(buttons(second)).contains("charges:1");
        press(h.chat(), second, "charges:1", "page 1");
    }

    @Test
    void aRefusedWriteIsToldWithTheReason() throws Exception {
        Home h = homeAccount(false, "[]");
        podPoint.stubAny(com.github.tomakehurst.wiremock.client.WireMock.post(
                urlPathEqualTo(PodPointWireMock.homeOverrides(h.ppid()))), 403,
                "{\"statusCode\":403,\"message\":\"Charger is locked\"}");
        say(h.chat(), "/boost 1h", "refused", "Charger is locked");
    }
}
