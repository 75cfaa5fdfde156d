package dev.podbot.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics endpoints are where the README and the compose files say they are. */
@QuarkusTest
class OpsEndpointsTest {

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessCoversDatabaseTelegramAndPodPoint() {
        // No token in the test profile: Telegram reports "disabled". Pod Point may be unreachable here (no network),
        // so only the database check's status is asserted.
        given().get("/q/health/ready").then()
                .body("checks.name", hasItems("Database connections health check", "telegram", "pod-point"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'telegram' }.data.state", equalTo("disabled"));
    }

    @Test
    void prometheusMetricsIncludeBuildInfoAndJvm() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("podbot_build_info{"))
                .body(containsString("db_kind=\"" + System.getProperty("quarkus.datasource.db-kind", "h2") + "\""))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("process_cpu_usage"));
    }
}
