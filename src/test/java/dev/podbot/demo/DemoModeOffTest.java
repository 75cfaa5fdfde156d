package dev.podbot.demo;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without demo mode nothing of it can be reached: the web chat, its API and the simulator all answer 404. */
@QuarkusTest
class DemoModeOffTest {

    @Test
    void demoEndpointsAre404() {
        given().get("/").then().statusCode(404);
        given().get("/demo/web/chat.js").then().statusCode(404);
        given().get("/demo/info").then().statusCode(404);
        given().get("/demo/events").then().statusCode(404);
        given().contentType("application/json").body("{\"text\":\"/pods\"}").post("/demo/chat").then().statusCode(404);
        given().contentType("application/json").body("{\"data\":\"x\"}").post("/demo/press").then().statusCode(404);
        given().contentType("application/json").body("{\"minutes\":5}").post("/demo/fast-forward").then()
                .statusCode(404);
        given().contentType("application/json")
                .body("{\"email\":\"demo@podpoint.local\",\"password\":\"demo\",\"returnSecureToken\":true}")
                .post("/demo/sim/auth/verifyPassword?key=k").then().statusCode(404);
        given().get("/demo/sim/api/api3/v5/auth").then().statusCode(404);
    }
}
