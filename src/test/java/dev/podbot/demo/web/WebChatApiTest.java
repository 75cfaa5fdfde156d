package dev.podbot.demo.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.command.Button;
import dev.podbot.command.ChatTransport;
import dev.podbot.command.Reply;
import dev.podbot.demo.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** The web chat's JSON API and notification stream, over HTTP, in demo mode. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class WebChatApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebChatTransport transport;

    @Test
    void typedMessagesGoToTheCommandLayerAndComeBackAsReplies() {
        given().contentType("application/json").body("{\"text\":\"/help\"}").post("/demo/chat")
                .then().statusCode(200)
                .body("replies.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("replies[0].text", notNullValue())
                .body("replies[0].messageId", notNullValue())
                .body("replies[0].edit", equalTo(false))
                .body("userMessageId", notNullValue());
        given().contentType("application/json").body("{\"data\":\"pods:1\",\"messageId\":3}").post("/demo/press")
                .then().statusCode(200).body("callbackAnswer", notNullValue());
    }

    @Test
    void badInputGetsAClearError() {
        given().contentType("application/json").body("{}").post("/demo/chat")
                .then().statusCode(400).body("error", containsString("text"));
        given().contentType("application/json").body("{\"text\":\"" + "x".repeat(5000) + "\"}").post("/demo/chat")
                .then().statusCode(400).body("error", containsString("too long"));
        given().contentType("application/json").body("{\"messageId\":1}").post("/demo/press")
                .then().statusCode(400).body("error", containsString("data"));
        given().contentType("application/json").body("{\"minutes\":-3}").post("/demo/fast-forward")
                .then().statusCode(400);
        given().get("/demo/web/../../application.properties").then().statusCode(404);
        given().get("/demo/web/secret.txt").then().statusCode(404);
    }

    @Test
    void pageAssetsAndInfoAreServed() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("demo@podpoint.local")).body(containsString("/demo/web/chat.js"));
        given().get("/demo/web/chat.js").then().statusCode(200).body(containsString("EventSource"));
        given().get("/demo/web/chat.css").then().statusCode(200);
        given().get("/demo/info").then().statusCode(200).body("email", equalTo("demo@podpoint.local"))
                .body("password", equalTo("demo")).body("pods", hasSize(2));
        given().contentType("application/json").body("{\"minutes\":10}").post("/demo/fast-forward")
                .then().statusCode(200).body("pods", hasSize(2));
    }

    @Test
    void theTransportClaimsOnlyTheDemoChat() {
        assertThat(transport.handles(WebChat.CHAT_ID)).isTrue();
        assertThat(transport.handles(12345L)).isFalse();
        assertThat(transport.priority()).isGreaterThan(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transport.deliver(12345L, Reply.of("x")))
                .isInstanceOf(ChatTransport.ChatUnreachableException.class);
    }

    @Test
    void notificationsAreKeptUntilABrowserConnectsThenStreamedLive() throws Exception {
        transport.deliver(WebChat.CHAT_ID, Reply.of("<b>Charge complete</b> on Garage: 7.2 kWh",
                List.of(List.of(new Button("Details", "charges:1")))));
        String url = RestAssured.baseURI + ":" + RestAssured.port + "/demo/events";
        try (SseClient sse = new SseClient(url)) {
            assertThat(sse.status(Duration.ofSeconds(10))).isEqualTo(200);
            String kept = sse.next(Duration.ofSeconds(10));
            assertThat(kept).isNotNull();
            JsonNode event = JSON.readTree(kept);
            assertThat(event.at("/replies/0/text").asText()).isEqualTo("<b>Charge complete</b> on Garage: 7.2 kWh");
            assertThat(event.at("/replies/0/buttons/0/0/data").asText()).isEqualTo("charges:1");
            assertThat(event.at("/replies/0/buttons/0/0/text").asText()).isEqualTo("Details");

            transport.deliver(WebChat.CHAT_ID, Reply.of("Car full on Driveway"));
            String live = sse.next(Duration.ofSeconds(10));
            assertThat(live).isNotNull();
            assertThat(JSON.readTree(live).at("/replies/0/text").asText()).isEqualTo("Car full on Driveway");
        }
    }
}
