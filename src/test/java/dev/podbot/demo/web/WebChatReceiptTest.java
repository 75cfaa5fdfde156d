package dev.podbot.demo.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.demo.DemoProfile;
import dev.podbot.demo.sim.PodPointSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A change in the demo web chat (issue 13): the reply says it was sent, then the simulated charger picks it up
 * after its apply delay and the same message is edited live over the event stream: "Charger confirmed".
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class WebChatReceiptTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonPath chat(String text) {
        return given().contentType("application/json").body(Map.of("text", text)).post("/demo/chat")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theBoostReplyIsEditedLiveWhenTheSimulatedChargerConfirms() throws Exception {
        chat("/login " + PodPointSimulator.DEMO_EMAIL + " " + PodPointSimulator.DEMO_PASSWORD);
        JsonPath boost = chat("/boost 45m " + PodPointSimulator.DEMO_PPID_1);
        assertThat(boost.getString("replies[0].text")).contains("Boosting", "Sent to Pod Point at");
        assertThat(boost.getString("replies[0].buttons[0][0].data")).startsWith("boost:stop:");
        int messageId = boost.getInt("replies[0].messageId");

        String url = RestAssured.baseURI + ":" + RestAssured.port + "/demo/events";
        try (SseClient sse = new SseClient(url)) {
            assertThat(sse.status(Duration.ofSeconds(10))).isEqualTo(200);
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode edit = null;
            while (edit == null && System.nanoTime() < end) {
                String e = sse.next(Duration.ofSeconds(5));
                if (e == null) {
                    continue;
                }
                JsonNode reply = JSON.readTree(e).at("/replies/0");
                if (reply.path("edit").asBoolean() && reply.path("messageId").asInt() == messageId
                        && reply.path("text").asText().contains("Charger confirmed")) {
                    edit = reply;
                }
            }
            assertThat(edit).as("an edit of message " + messageId + " saying the charger confirmed").isNotNull();
            assertThat(edit.path("text").asText()).contains("Boosting", "✅ Charger confirmed at");
            assertThat(edit.at("/buttons/0/0/data").asText()).startsWith("boost:stop:");
        }
    }
}
