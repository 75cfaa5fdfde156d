package dev.podbot.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;


import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.podpoint.PodPointWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Notifications of a Pod Home account through the real client (WireMock with our own JSON), polling every second:
 * states from {@code connectivity-status-v2} in PascalCase and UPPER_CASE, online/offline from
 * {@code connectionState}, completed charges from {@code /charges?from&to} with the reply's currency, firmware from
 * {@code /chargers/{ppid}/firmware}; then the account moves back to the legacy API and nothing is announced twice.
 */
@QuarkusTest
@TestProfile(NotifyWireMockProfile.class)
@WithTestResource(PodPointWireMockResource.class)
class HomeNotificationTest extends WireMockNotificationTestBase {

    static final String USER = "4501";
    static final long CHAT = 8901;
    static final long UNIT = 67001;
    static final String PPID = "PSL-670001";

    @Override
    long chat() {
        return CHAT;
    }

    void firmware(boolean update) {
        wm.stubAny(get(urlPathEqualTo("/chargers/" + PPID + "/firmware")), 200,
                "[{\"serialNumber\":\"SN-9\",\"versionInfo\":{\"manifestId\":\"A30P-3.1.30\"},"
                        + "\"updateStatus\":{\"isUpdateAvailable\":" + update + "}}]");
    }

    @Test
    void aPodHomeAccountIsAnnouncedEachEventOnceAlsoAcrossAGenerationChange() throws Exception {
        wm.stubSignIn("hana@example.com", "Hana-pw-1", USER);
        wm.stubHomeCharger(PPID, UNIT, "INACTIVE", "Available", "[]");
        wm.stubHomeCharges();
        firmware(false);
        accounts.link(CHAT, CHAT, signIn("hana@example.com", "Hana-pw-1"));
        await().atMost(WAIT).until(() -> polls() >= 2);
        assertThat(transport.to(CHAT)).as("the baseline is silent").isEmpty();

        wm.stubHomeLive(PPID, "Online", "Preparing"); // PascalCase
        await().atMost(WAIT).until(() -> deliveries("plugged in") == 1);
        wm.stubHomeLive(PPID, "Online", "CHARGING"); // UPPER_CASE
        await().atMost(WAIT).until(() -> deliveries("harging") >= 2);
        wm.stubHomeLive(PPID, "Online", "SomethingNew"); // unknown: "unknown", never an error, nothing announced
        awaitPolls(2);
        int before = transport.to(CHAT).size();
        wm.stubHomeLive(PPID, "Online", "SuspendedEV");
        await().atMost(WAIT).until(() -> transport.to(CHAT).size() == before + 1);

        Instant unplug = clock.now().truncatedTo(ChronoUnit.SECONDS); // the notification clock, not the machine's
        Instant start = unplug.minus(Duration.ofHours(3));
        wm.stubHomeCharges(PodPointWireMock.homeCharge("home-c1", PPID, start, unplug,
                21.5, 183).replace("\"GBP\"", "\"EUR\""));
        wm.stubHomeLive(PPID, "Online", "Available");
        await().atMost(WAIT).until(() -> deliveries("Charge complete") == 1);
        String text = transport.to(CHAT).stream().filter(d -> d.reply().text().contains("Charge complete"))
                .findFirst().orElseThrow().reply().text();
        assertThat(text).contains("21.5 kWh").contains("€1.83");

        firmware(true);
        await().atMost(WAIT).until(() -> deliveries("Firmware update") == 1);

        wm.stubHomeLive(PPID, "Offline", "Available");
        await().atMost(WAIT).until(() -> deliveries("offline") == 1);
        wm.stubHomeLive(PPID, "Online", "Available");
        await().atMost(WAIT).until(() -> deliveries("back online") == 1);
        awaitPolls(2);

        // Pod Point moves the account back: /chargers is gone, the legacy API shows the same charger and charge
        int sent = transport.to(CHAT).size();
        wm.stubAny(get(urlPathEqualTo("/chargers")), 404, "{\"error\":\"NOT_FOUND\"}");
        wm.stubPods(USER, PodPointTestData.podsBody(PodPointTestData.pod(701, UNIT, PPID, "Home charger", null)));
        wm.stubConnectivity(PPID, RealClientNotificationTest.connectivity("ONLINE", "AVAILABLE").replace("PSL-660001", PPID));
        wm.stubFirmware(UNIT, "{\"data\":[{\"serialNumber\":\"SN-9\",\"versionInfo\":{\"manifestId\":\"A30P-3.1.30\"},"
                + "\"updateStatus\":{\"isUpdateAvailable\":true}}]}");
        wm.server().stubFor(get(urlPathEqualTo(PodPointWireMock.API + "/users/" + USER + "/charges"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(PodPointTestData.chargesBody(1, 5,
                        List.of(PodPointTestData.charge(9501, UNIT, 21.5, start.toString(), unplug.toString()))))));
        await().atMost(WAIT).until(() -> count("select count(*) from poll_state where chat_id = " + CHAT
                + " and api_generation = 'legacy'") == 1);
        awaitPolls(4);
        assertThat(transport.to(CHAT)).as("nothing is announced twice after the generation change").hasSize(sent);
        assertThat(count("select count(*) from chat_account where chat_id = " + CHAT + " and api_generation = 'legacy'"))
                .isEqualTo(1);
    }
}
