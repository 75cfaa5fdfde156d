package dev.podbot.command;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** /pods answers from what was read moments ago, shows its age past a minute, and Refresh reads live. */
@QuarkusTest
@WithTestResource(PodPointWireMock.class)
class PodsSnapshotTest extends CommandTestBase {

    static final long CHAT = 7016;
    static final long USER = 5160;
    static final long UNIT = 300_311;
    static final String PPID = "PSL-778001";
    static final long UNIT2 = 300_322;
    static final String PPID2 = "PSL-778002";

    @Inject
    PodSnapshots snapshots;

    void twoPods() {
        login(CHAT, "lee@example.net", "Lee-pw-42", USER);
        pp.pods(USER, PodPointStubs.pod(11, "Driveway", PPID, UNIT, "Available",
                        PodPointStubs.daily("00:00:00", "00:00:01", false), null),
                PodPointStubs.pod(12, "Garage", PPID2, UNIT2, "Charging", "[]", null))
                .connectivity(PPID, true).connectivity(PPID2, false).writesSucceed(UNIT, PPID);
    }

    @Test
    void aSecondPodsWithinThePollIntervalMakesNoPodPointCall() {
        twoPods();
        ChatResponse live = say(CHAT, "/pods");
        wm.verify(1, getRequestedFor(urlPathMatching(".*/users/" + USER + "/pods")));
        wm.verify(2, getRequestedFor(urlPathMatching("/chargers/.*/connectivity-status")));
        wm.resetRequests();

        ChatResponse again = say(CHAT, "/pods");
        wm.verify(0, anyRequestedFor(urlPathMatching(".*")));
        assertThat(again.replies()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(again.replies().get(i).text()).startsWith(live.replies().get(i).text());
        }
        assertThat(again.replies().get(1).text()).doesNotContain("As of"); // seconds old: no age shown
        assertThat(buttonData(again)).contains("charge:on:" + UNIT, "charges:1:new", PodsHandler.REFRESH);
    }

    @Test
    void anOlderReadingShowsItsAgeAndRefreshReadsLive() {
        twoPods();
        say(CHAT, "/pods");
        PodSnapshots.Snapshot s = snapshots.fresh(CHAT, String.valueOf(USER), Instant.now());
        assertThat(s).isNotNull();
        snapshots.forget(CHAT); // a newer reading would win over an older one
        snapshots.put(CHAT, s.user(), s.pods(), s.online(), Instant.now().minus(Duration.ofMinutes(3)));
        wm.resetRequests();

        ChatResponse old = say(CHAT, "/pods");
        wm.verify(0, anyRequestedFor(urlPathMatching(".*")));
        assertThat(old.replies().get(1).text()).contains("As of 3 min ago").contains("Online: no");
        assertThat(old.replies().get(0).text()).contains("S7-2C-05-AXA").contains("Online: yes");

        pp.connectivity(PPID2, true); // the garage charger came back
        ChatResponse refreshed = press(CHAT, PodsHandler.REFRESH);
        wm.verify(1, getRequestedFor(urlPathMatching(".*/users/" + USER + "/pods")));
        assertThat(refreshed.replies().get(1).text()).contains("Online: yes").doesNotContain("As of");
    }

    @Test
    void aReadingOlderThanThePollIntervalIsNotUsed() {
        twoPods();
        say(CHAT, "/pods");
        PodSnapshots.Snapshot s = snapshots.fresh(CHAT, String.valueOf(USER), Instant.now());
        snapshots.forget(CHAT); // a newer reading would win over an older one
        snapshots.put(CHAT, s.user(), s.pods(), s.online(), Instant.now().minus(Duration.ofHours(2)));
        wm.resetRequests();
        say(CHAT, "/pods");
        wm.verify(1, getRequestedFor(urlPathMatching(".*/users/" + USER + "/pods")));
    }

    @Test
    void aChangeToAChargerMeansTheNextPodsReadsLive() {
        twoPods();
        say(CHAT, "/pods");
        say(CHAT, "/charge off " + PPID);
        wm.resetRequests();
        say(CHAT, "/pods");
        wm.verify(1, getRequestedFor(urlPathMatching(".*/users/" + USER + "/pods")));
    }

    @Test
    void aCommandThatChangesNothingKeepsTheReading() {
        twoPods();
        say(CHAT, "/pods");
        say(CHAT, "/help");
        press(CHAT, "charges:1:new");
        wm.resetRequests();
        say(CHAT, "/pods");
        wm.verify(0, getRequestedFor(urlPathMatching(".*/users/" + USER + "/pods")));
    }

    @Test
    void anotherAccountNeverSeesTheOldReading() {
        twoPods();
        say(CHAT, "/pods");
        assertThat(snapshots.fresh(CHAT, "someone-else", Instant.now())).isNull();
    }

    @Test
    void pollReadingsWithoutModelsKeepTheModelOfTheFullRead() {
        twoPods();
        say(CHAT, "/pods");
        PodSnapshots.Snapshot s = snapshots.fresh(CHAT, String.valueOf(USER), Instant.now());
        snapshots.put(CHAT, s.user(), s.pods().stream().map(p -> p.withModel(null)).toList(), s.online(),
                Instant.now());
        PodSnapshots.Snapshot after = snapshots.fresh(CHAT, String.valueOf(USER), Instant.now());
        assertThat(after).isNotNull();
        assertThat(after.pods().get(0).modelName()).contains("S7-2C-05-AXA");
    }
}
