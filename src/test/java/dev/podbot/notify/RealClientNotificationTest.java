package dev.podbot.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;


import org.junit.jupiter.api.Test;

import dev.podbot.account.ChatAccount;
import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.podpoint.PodPointWireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * End to end through the real Pod Point client and HTTP (WireMock with our own JSON): polling every second,
 * baseline, plugged in, charge completed, firmware once per version, and a rejected sign-in.
 */
@QuarkusTest
@TestProfile(NotifyWireMockProfile.class)
@WithTestResource(PodPointWireMockResource.class)
class RealClientNotificationTest extends WireMockNotificationTestBase {

    static final String USER = "4401";
    static final long CHAT = 8801;
    static final long UNIT = 66001;
    static final String PPID = "PSL-660001";

    @Override
    long chat() {
        return CHAT;
    }

    static String connectivity(String status, String chargingState) {
        return """
                {"ppid":"%s","evses":[{"id":1,"connectivityState":{"protocol":"POW","connectivityStatus":"%s",
                  "signalStrength":-61,"lastMessageAt":"2026-11-20T18:26:28Z","connectionQuality":3},
                  "connectors":[{"id":1,"door":"A","chargingState":"%s"}],"architecture":"arch3",
                  "energyOfferStatus":{"isOfferingEnergy":true,"reason":"CHARGE_SCHEDULE","until":null}}],
                 "connectedComponents":["evses"]}""".formatted(PPID, status, chargingState);
    }

    static String firmware(String version, boolean update) {
        return """
                {"data":[{"serialNumber":"SN-1","versionInfo":{"manifestId":"%s","architecture":"arch3"},
                  "updateStatus":{"isUpdateAvailable":%s}}]}""".formatted(version, update);
    }

    void stubCharges(List<String> charges) {
        // every page answers the same short list: shorter than a page, so the client stops after page 1
        wm.server().stubFor(get(urlPathEqualTo(PodPointWireMock.API + "/users/" + USER + "/charges"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(PodPointTestData.chargesBody(1, 5, charges))));
    }

    @Test
    void pollsThroughTheRealClientAndAnnouncesEachEventOnce() throws Exception {
        wm.stubSignIn("eve@example.com", "Eve-pw-1", USER);
        wm.stubPods(USER, PodPointTestData.podsBody(PodPointTestData.pod(501, UNIT, PPID, "Garage", null)));
        wm.stubConnectivity(PPID, connectivity("ONLINE", "AVAILABLE"));
        wm.stubFirmware(UNIT, firmware("A30P-3.1.22", false));
        String old = PodPointTestData.charge(9001, UNIT, 7.0, "2026-10-01T18:00:00Z", "2026-10-01T21:00:00Z");
        stubCharges(List.of(old));

        accounts.link(CHAT, CHAT, signIn("eve@example.com", "Eve-pw-1"));
        await().atMost(WAIT).until(() -> polls() >= 2);
        assertThat(transport.to(CHAT)).as("the baseline is silent").isEmpty();

        wm.stubConnectivity(PPID, connectivity("ONLINE", "CHARGING"));
        await().atMost(WAIT).until(() -> deliveries("plugged in") == 1);
        assertThat(transport.to(CHAT).get(0).reply().text()).contains("Garage").contains("charging");

        Instant end = clock.now().truncatedTo(ChronoUnit.SECONDS); // the app's clock (maybe a year ahead)
        String fresh = PodPointTestData.charge(9002, UNIT, 12.5, end.minusSeconds(5700).toString(), end.toString());
        stubCharges(List.of(fresh, old));
        wm.stubConnectivity(PPID, connectivity("ONLINE", "AVAILABLE"));
        await().atMost(WAIT).until(() -> deliveries("Charge complete") == 1);
        String text = transport.to(CHAT).stream().filter(d -> d.reply().text().contains("Charge complete"))
                .findFirst().orElseThrow().reply().text();
        assertThat(text).contains("Garage").contains("12.5 kWh").contains("1 h 35 min").contains("1 h 20 min")
                .contains("£0.88");

        wm.stubFirmware(UNIT, firmware("A30P-3.1.22", true));
        await().atMost(WAIT).until(() -> deliveries("Firmware update") == 1);
        long polls = polls();
        await().atMost(WAIT).until(() -> polls() >= polls + 4);
        assertThat(deliveries("Firmware update")).isEqualTo(1);
        assertThat(deliveries("Charge complete")).isEqualTo(1);
        assertThat(deliveries("plugged in")).isEqualTo(1);
        wm.server().verify(getRequestedFor(urlPathEqualTo("/chargers/" + PPID + "/connectivity-status")));

        // Pod Point stops accepting the account: 401 everywhere, refresh and password refused
        wm.server().stubFor(get(urlPathMatching(PodPointWireMock.API + "/users/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthenticated.\"}")));
        wm.stubRefreshRejected();
        wm.stubSignInError(400, "INVALID_LOGIN_CREDENTIALS");
        await().atMost(WAIT).until(() -> deliveries("/login again") == 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.find(CHAT).orElseThrow().status))
                .isEqualTo(ChatAccount.Status.AUTH_FAILED);
        Thread.sleep(2000);
        assertThat(deliveries("/login again")).isEqualTo(1);
    }
}
