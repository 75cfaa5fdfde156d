package dev.podbot.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import dev.podbot.BotConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Demo mode points the Pod Point client at the in-process simulator and shortens polling, through
 * {@link DemoConfigSourceFactory}; the simulator answers on the app's own port.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoConfigTest {

    @Inject
    Config config;

    @Inject
    BotConfig bot;

    @Test
    void podPointUrlsPointAtTheSimulator() {
        String base = "http://localhost:" + DemoProfile.PORT + "/demo/sim";
        assertThat(config.getValue("podpoint.api-url", String.class)).isEqualTo(base + "/api");
        assertThat(config.getValue("podpoint.auth-url", String.class)).isEqualTo(base + "/auth");
        assertThat(config.getValue("podpoint.token-url", String.class)).isEqualTo(base + "/token");
        assertThat(config.getValue("podpoint.mfa-url", String.class)).isEqualTo(base + "/mfa");
        assertThat(config.getConfigValue("podpoint.api-url").getSourceName())
                .contains(DemoConfigSourceFactory.NAME);
        assertThat(bot.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bot.demo()).isTrue();
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class)).startsWith("jdbc:h2:mem:podbot-demo");
    }

    @Test
    void theSimulatorAnswersOnTheAppsOwnPort() {
        String token = given().contentType("application/json")
                .body("{\"email\":\"demo@podpoint.local\",\"returnSecureToken\":true,\"password\":\"demo\"}")
                .post("/demo/sim/auth/verifyPassword?key=k")
                .then().statusCode(200).extract().path("idToken");
        String refresh = given().contentType("application/json")
                .body("{\"email\":\"demo@podpoint.local\",\"returnSecureToken\":true,\"password\":\"demo\"}")
                .post("/demo/sim/auth/verifyPassword?key=k").then().extract().path("refreshToken");
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("grant_type=refresh_token&refresh_token=" + refresh)
                .post("/demo/sim/token/token?key=k").then().statusCode(200).body("token_type", equalTo("Bearer"));
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"email\":\"demo@podpoint.local\",\"password\":\"demo\"}")
                .post("/demo/sim/api/api3/v5/sessions").then().statusCode(200)
                .body("sessions.user_id", equalTo("4242"));
        given().header("Authorization", "Bearer " + token)
                .get("/demo/sim/api/api3/v5/users/4242/pods?perpage=5&page=1&include=statuses,charge_override")
                .then().statusCode(200).body("pods", hasSize(2)).body("pods[0].ppid", equalTo("PSL-424201"));
        given().header("Authorization", "Bearer " + token).get("/demo/sim/api/api3/v5/units/524201/charge-override")
                .then().statusCode(204);
        given().header("Authorization", "Bearer " + token)
                .get("/demo/sim/api/chargers/PSL-424202/connectivity-status").then().statusCode(200)
                .body("evses[0].connectivityState.connectivityStatus", equalTo("ONLINE"));
        given().header("Authorization", "Bearer nope").get("/demo/sim/api/api3/v5/users/4242/charges")
                .then().statusCode(401);
        given().contentType("application/json").body("{}").post("/demo/sim/mfa/accounts/mfaSignIn:start?key=k")
                .then().statusCode(400);
    }
}
