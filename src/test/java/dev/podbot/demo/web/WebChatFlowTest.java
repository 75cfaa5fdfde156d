package dev.podbot.demo.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.podbot.demo.DemoProfile;
import dev.podbot.demo.sim.PodPointSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The whole bot through the web chat's JSON API, offline: sign in to the simulated account with the real command
 * layer and the real Pod Point client, list pods, press their buttons.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class WebChatFlowTest {

    static JsonPath chat(String text) {
        return given().contentType("application/json").body(Map.of("text", text)).post("/demo/chat")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath press(String data, int messageId) {
        return given().contentType("application/json").body(Map.of("data", data, "messageId", messageId))
                .post("/demo/press").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void signInListPodsAndPressAButton() {
        JsonPath login = chat("/login " + PodPointSimulator.DEMO_EMAIL + " " + PodPointSimulator.DEMO_PASSWORD);
        assertThat(login.getBoolean("deleteUserMessage")).isTrue();
        assertThat(login.getString("replies[0].text")).doesNotContain(PodPointSimulator.DEMO_PASSWORD + " ");

        JsonPath pods = chat("/pods");
        String text = String.join("\n", pods.getList("replies.text", String.class));
        assertThat(text).contains("Driveway").contains("Garage");
        List<Map<String, Object>> buttons = pods.getList("replies[0].buttons.flatten()");
        assertThat(buttons).isNotEmpty();
        int messageId = pods.getInt("replies[0].messageId");
        JsonPath pressed = press((String) buttons.get(0).get("data"), messageId);
        assertThat(pressed.getList("replies")).isNotEmpty();
        assertThat(pressed.getString("callbackAnswer")).isNotNull();

        JsonPath charges = chat("/charges");
        assertThat(String.join("\n", charges.getList("replies.text", String.class))).contains("kWh").contains("£");

        // paging edits the message that holds the button
        int chargesMessage = charges.getInt("replies[0].messageId");
        List<Map<String, Object>> paging = charges.getList("replies[0].buttons.flatten()");
        String next = paging.stream().map(b -> (String) b.get("data")).filter(d -> d.equals("charges:2")).findFirst()
                .orElseThrow();
        JsonPath page2 = press(next, chargesMessage);
        assertThat(page2.getBoolean("replies[0].edit")).isTrue();
        assertThat(page2.getInt("replies[0].messageId")).isEqualTo(chargesMessage);
    }
}
