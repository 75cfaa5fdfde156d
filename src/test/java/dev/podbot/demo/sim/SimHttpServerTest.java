package dev.podbot.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulator's HTTP contract (API doc §1–§6), spoken over a real socket by {@link SimHttpServer}, without Quarkus.
 * A hand-moved clock makes delays and the cars' story deterministic.
 */
class SimHttpServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    // Tuesday 2026-11-24 12:00 UTC
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    SimHttpServer server;
    PodPointSimulator sim;
    String token;

    @BeforeEach
    void start() throws Exception {
        sim = PodPointSimulator.demo(clock, Duration.ofMinutes(2), Duration.ofSeconds(5));
        sim.running(false); // only explicit steps move the cars
        server = SimHttpServer.start(sim);
        token = signIn().get("idToken").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Res(int status, JsonNode json, String raw) {
    }

    Res call(String method, String url, String bearer, String contentType, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.header("Content-type", contentType == null ? "application/json; charset=UTF-8" : contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.body());
    }

    Res api(String method, String path, String body) throws Exception {
        return call(method, server.apiUrl() + path, token, null, body);
    }

    JsonNode signIn() throws Exception {
        Res r = call("POST", server.authUrl() + "/verifyPassword?key=AIza-test", null, null,
                "{\"email\":\"legacy@podpoint.local\",\"returnSecureToken\":true,\"password\":\"demo\"}");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void signInRefreshAndSession() throws Exception {
        JsonNode a = signIn();
        assertThat(a.get("expiresIn").isTextual()).isTrue();
        assertThat(a.get("expiresIn").asText()).isEqualTo("3600");
        assertThat(a.get("refreshToken").asText()).isNotBlank();

        Res wrong = call("POST", server.authUrl() + "/verifyPassword?key=k", null, null,
                "{\"email\":\"legacy@podpoint.local\",\"returnSecureToken\":true,\"password\":\"nope\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/error/message").asText()).isEqualTo("INVALID_LOGIN_CREDENTIALS");

        Res refreshed = call("POST", server.tokenUrl() + "/token?key=k", null, "application/x-www-form-urlencoded",
                "grant_type=refresh_token&refresh_token=" + a.get("refreshToken").asText());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("expires_in").asText()).isEqualTo("3600");
        String newToken = refreshed.json().get("id_token").asText();
        assertThat(newToken).isNotEqualTo(a.get("idToken").asText());
        Res badRefresh = call("POST", server.tokenUrl() + "/token?key=k", null, "application/x-www-form-urlencoded",
                "grant_type=refresh_token&refresh_token=rt-unknown");
        assertThat(badRefresh.status()).isEqualTo(400);
        assertThat(badRefresh.json().at("/error/message").asText()).isEqualTo("INVALID_REFRESH_TOKEN");

        Res session = call("POST", server.apiUrl() + "/api3/v5/sessions", newToken, null,
                "{\"email\":\"legacy@podpoint.local\",\"password\":\"demo\"}");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().at("/sessions/user_id").asText()).isEqualTo("4343");
        assertThat(session.json().at("/sessions/id").asText()).isNotBlank();

        Res mfa = call("POST", server.mfaUrl() + "/accounts/mfaSignIn:start?key=k", null, null, "{}");
        assertThat(mfa.status()).isEqualTo(400);
    }

    @Test
    void badOrExpiredTokensGet401() throws Exception {
        assertThat(call("GET", server.apiUrl() + "/api3/v5/users/4343/pods", null, null, null).status()).isEqualTo(401);
        assertThat(call("GET", server.apiUrl() + "/api3/v5/users/4343/pods", "forged", null, null).status())
                .isEqualTo(401);
        assertThat(call("GET", server.apiUrl() + "/chargers/PSL-434301/connectivity-status", "forged", null, null)
                .status()).isEqualTo(401);
        assertThat(api("GET", "/api3/v5/users/4343/pods", null).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        Res expired = api("GET", "/api3/v5/users/4343/pods", null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asText()).isEqualTo("Unauthenticated.");
        // another user's data is forbidden
        token = signIn().get("idToken").asText();
        assertThat(api("GET", "/api3/v5/users/999/charges", null).status()).isEqualTo(403);
    }

    @Test
    void podsHonourIncludesAndPaging() throws Exception {
        Res full = api("GET", "/api3/v5/users/4343/pods?perpage=5&page=1&include="
                + "statuses,price,model,unit_connectors,charge_schedules,charge_override", null);
        assertThat(full.status()).isEqualTo(200);
        JsonNode pods = full.json().get("pods");
        assertThat(pods).hasSize(2);
        JsonNode p = pods.get(0);
        assertThat(p.get("ppid").asText()).isEqualTo("PSL-434301");
        assertThat(p.get("unit_id").asLong()).isEqualTo(534301);
        assertThat(p.get("model").get("name").asText()).isEqualTo("S7-UC-03-ACA");
        assertThat(p.get("statuses").get(0).get("key_name").asText()).isEqualTo("charging");
        assertThat(p.get("unit_connectors").get(0).at("/connector/power").asInt()).isEqualTo(7);
        assertThat(p.get("charge_schedules")).hasSize(7);
        assertThat(p.get("charge_schedules").get(0).at("/status/is_active").asBoolean()).isFalse();
        assertThat(p.has("charge_override")).isTrue();
        assertThat(p.get("charge_override").isNull()).isTrue();

        Res bare = api("GET", "/api3/v5/users/4343/pods?perpage=1&page=1", null);
        assertThat(bare.json().get("pods")).hasSize(1);
        assertThat(bare.json().get("pods").get(0).has("statuses")).isFalse();
        assertThat(bare.json().at("/meta/pagination/page_count").asInt()).isEqualTo(2);
        Res page2 = api("GET", "/api3/v5/users/4343/pods?perpage=1&page=2&include=statuses%2Ccharge_override", null);
        assertThat(page2.json().get("pods").get(0).get("ppid").asText()).isEqualTo("PSL-434302");
        assertThat(page2.json().get("pods").get(0).has("statuses")).isTrue();
        assertThat(api("GET", "/api3/v5/users/4343/pods?perpage=5&page=3", null).json().get("pods")).isEmpty();
        assertThat(api("GET", "/api3/v5/users/4343/pods?perpage=x", null).status()).isEqualTo(422);
    }

    @Test
    void chargesArePagedNewestFirstWithMeta() throws Exception {
        Res r = api("GET", "/api3/v5/users/4343/charges?perpage=3&page=1", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode charges = r.json().get("charges");
        assertThat(charges).hasSize(3);
        // two in progress (both cars plugged in) + two months of history (36 older charges and six in the past week)
        assertThat(r.json().at("/meta/pagination/item_count").asInt()).isEqualTo(44);
        assertThat(r.json().at("/meta/pagination/page_count").asInt()).isEqualTo(15);
        assertThat(r.json().at("/meta/pagination/current_page").asInt()).isEqualTo(1);
        assertThat(charges.get(0).get("id").asLong()).isGreaterThan(charges.get(1).get("id").asLong());
        JsonNode inProgress = charges.get(0);
        assertThat(inProgress.get("ends_at").isNull()).isTrue();
        assertThat(inProgress.get("energy_cost").asInt()).isZero();
        JsonNode past = api("GET", "/api3/v5/users/4343/charges?perpage=3&page=2", null).json().get("charges").get(0);
        assertThat(past.get("ends_at").isNull()).isFalse();
        assertThat(past.get("energy_cost").asInt()).isPositive();
        assertThat(past.get("duration").asInt()).isPositive();
        assertThat(past.at("/charging_duration/raw").asLong()).isPositive()
                .isLessThanOrEqualTo(past.get("duration").asLong() * 60);
        assertThat(past.at("/location/home").asBoolean()).isTrue();
        Instant starts = OffsetDateTime.parse(past.get("starts_at").asText()).toInstant();
        Instant ends = OffsetDateTime.parse(past.get("ends_at").asText()).toInstant();
        assertThat(Duration.between(starts, ends).toMinutes()).isEqualTo(past.get("duration").asLong());
        Res beyond = api("GET", "/api3/v5/users/4343/charges?perpage=3&page=42", null);
        assertThat(beyond.json().get("charges")).isEmpty();
        assertThat(beyond.json().at("/meta/pagination/current_page").asInt()).isEqualTo(42);
    }

    @Test
    void theDemoBannerShowsTheWordsOfTheChatNotRawStates() throws Exception {
        for (Duration step : List.of(Duration.ZERO, Duration.ofMinutes(65), Duration.ofMinutes(125),
                Duration.ofMinutes(20))) {
            sim.advanceScenario(step);
            JsonNode pods = api("GET", "/api3/v5/users/4343/pods?include=statuses", null).json().get("pods");
            List<String> banner = sim.describe(PodPointSimulator.LEGACY_USER_ID); // the account signed in here
            for (int i = 0; i < pods.size(); i++) {
                // /pods shows the statuses' label: the banner says the same
                String label = pods.get(i).at("/statuses/0/label").asText();
                assertThat(banner.get(i)).contains("): " + label);
            }
            assertThat(String.join(" ", banner)).doesNotContain("AVAILABLE", "PREPARING", "CHARGING", "SUSPENDED");
        }
    }

    @Test
    void aChargeRisesGetsFullAndCompletesWhenUnplugged() throws Exception {
        assertThat(connectivityState("PSL-434301")).isEqualTo("PREPARING");
        sim.advanceScenario(Duration.ofMinutes(65)); // 5 min plugged in, then an hour at 7.2 kW
        assertThat(connectivityState("PSL-434301")).isEqualTo("CHARGING");
        JsonNode live = chargeOf(534301);
        assertThat(live.get("ends_at").isNull()).isTrue();
        assertThat(live.get("kwh_used").asDouble()).isEqualTo(7.2);
        double before = live.get("kwh_used").asDouble();
        sim.advanceScenario(Duration.ofMinutes(30));
        assertThat(chargeOf(534301).get("kwh_used").asDouble()).isGreaterThan(before);
        sim.advanceScenario(Duration.ofMinutes(95)); // 21.6 kWh reached after 3 h
        assertThat(connectivityState("PSL-434301")).isEqualTo("SUSPENDED_EV");
        JsonNode pod = api("GET", "/api3/v5/users/4343/pods?include=statuses", null).json().get("pods").get(0);
        assertThat(pod.at("/statuses/0/key_name").asText()).isEqualTo("suspended-ev");
        long id = live.get("id").asLong();
        sim.advanceScenario(Duration.ofMinutes(20)); // unplugged
        assertThat(connectivityState("PSL-434301")).isEqualTo("AVAILABLE");
        JsonNode done = chargeById(id);
        assertThat(done.get("ends_at").isNull()).isFalse();
        assertThat(done.get("kwh_used").asDouble()).isEqualTo(21.6);
        assertThat(done.get("energy_cost").asInt()).isEqualTo((int) Math.round(21.6 * PodPointSimulator.TARIFF_PENCE_PER_KWH));
        assertThat(done.get("duration").asInt()).isEqualTo(5 + 180 + 20);
        assertThat(done.at("/charging_duration/raw").asLong()).isEqualTo(3 * 3600);
    }

    @Test
    void theClockDrivesTheStoryAtTheConfiguredSpeed() throws Exception {
        sim.running(true);
        // 2-minute cycle: 1 real second is ~122 scenario seconds; the plug-in phase (5 min) is over in ~3 s
        clock.advance(Duration.ofSeconds(10));
        assertThat(connectivityState("PSL-434301")).isEqualTo("CHARGING");
        assertThat(sim.completeCharge("PSL-434302")).isPresent();
        assertThat(connectivityState("PSL-434302")).isEqualTo("AVAILABLE");
    }

    @Test
    void schedulesApplyAfterADelayAndCanBlockCharging() throws Exception {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int d = 1; d <= 7; d++) {
            body.append(d > 1 ? "," : "").append("{\"start_day\":").append(d)
                    .append(",\"start_time\":\"00:00:00\",\"end_day\":").append(d)
                    .append(",\"end_time\":\"00:00:01\",\"status\":{\"is_active\":true}}");
        }
        body.append("]}");
        Res put = api("PUT", "/api3/v5/units/534301/charge-schedules", body.toString());
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.json()).hasSize(7);
        assertThat(put.json().get(0).get("uid").asText()).isNotBlank();
        // not there yet: reads return the old state
        assertThat(schedulesActive()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(schedulesActive()).isTrue();
        sim.advanceScenario(Duration.ofMinutes(30));
        assertThat(connectivityState("PSL-434301")).isEqualTo("SUSPENDED_EVSE");
        assertThat(chargeOf(534301).get("kwh_used").asDouble()).isZero();

        assertThat(api("PUT", "/api3/v5/units/534301/charge-schedules", "{\"data\":[{\"start_day\":8}]}").status())
                .isEqualTo(422);
        assertThat(api("PUT", "/api3/v5/units/534301/charge-schedules", "not json").status()).isEqualTo(400);
        assertThat(api("PUT", "/api3/v5/units/1/charge-schedules", body.toString()).status()).isEqualTo(404);
    }

    @Test
    void overrideBoostManualAndSmart() throws Exception {
        assertThat(api("GET", "/api3/v5/units/534301/charge-override", null).status()).isEqualTo(204);
        Res boost = api("PUT", "/api3/v5/units/534301/charge-override",
                "{\"requested_at\":\"2026-11-24T12:00:00+0000\",\"ends_at\":\"2026-11-24T13:00:00+0000\"}");
        assertThat(boost.status()).isEqualTo(201);
        assertThat(boost.json().get("ppid").asText()).isEqualTo("PSL-434301");
        assertThat(boost.json().get("received_at").isNull()).isFalse();
        assertThat(api("GET", "/api3/v5/units/534301/charge-override", null).status()).isEqualTo(204);
        assertThat(sim.pendingWrites()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        Res read = api("GET", "/api3/v5/units/534301/charge-override", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(read.json().get("ends_at").asText()).toInstant())
                .isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));

        Res manual = api("PUT", "/api3/v5/units/534301/charge-override", "{\"requested_at\":\"2026-11-24T12:00:06Z\"}");
        assertThat(manual.status()).isEqualTo(201);
        assertThat(manual.json().get("ends_at").isNull()).isTrue();
        sim.applyPendingNow();
        JsonNode pod = api("GET", "/api3/v5/users/4343/pods?include=charge_override", null).json().get("pods").get(0);
        assertThat(pod.at("/charge_override/ends_at").isNull()).isTrue();
        assertThat(pod.at("/charge_override/received_at").asText()).isNotBlank();

        assertThat(api("DELETE", "/api3/v5/units/534301/charge-override", null).status()).isEqualTo(204);
        assertThat(api("GET", "/api3/v5/units/534301/charge-override", null).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(api("GET", "/api3/v5/units/534301/charge-override", null).status()).isEqualTo(204);

        assertThat(api("PUT", "/api3/v5/units/534301/charge-override", "{\"ends_at\":\"soon\"}").status())
                .isEqualTo(422);
    }

    @Test
    void firmwareUserAndConnectivity() throws Exception {
        Res fw = api("GET", "/api3/v5/units/534302/firmware", null);
        assertThat(fw.json().at("/data/0/update_status/is_update_available").asBoolean()).isTrue();
        assertThat(fw.json().at("/data/0/version_info/manifest_id").asText()).startsWith("A30P-");
        Res me = api("GET", "/api3/v5/auth?include=account,unit.pod.statuses", null);
        assertThat(me.json().at("/users/email").asText()).isEqualTo("legacy@podpoint.local");
        assertThat(me.json().at("/users/account/currency").asText()).isEqualTo("GBP");
        assertThat(me.json().at("/users/unit/ppid").asText()).isEqualTo("434301");
        Res c = api("GET", "/chargers/PSL-434301/connectivity-status", null);
        assertThat(c.json().at("/evses/0/connectivityState/connectivityStatus").asText()).isEqualTo("ONLINE");
        assertThat(c.json().at("/evses/0/energyOfferStatus/isOfferingEnergy").asBoolean()).isTrue();
        sim.online("PSL-434301", false);
        assertThat(api("GET", "/chargers/PSL-434301/connectivity-status", null).json()
                .at("/evses/0/connectivityState/connectivityStatus").asText()).isEqualTo("OFFLINE");
        assertThat(api("GET", "/chargers/PSL-1/connectivity-status", null).status()).isEqualTo(404);
        assertThat(api("GET", "/api3/v5/nothing", null).status()).isEqualTo(404);
    }

    private String connectivityState(String ppid) throws Exception {
        return api("GET", "/chargers/" + ppid + "/connectivity-status", null).json()
                .at("/evses/0/connectors/0/chargingState").asText();
    }

    private boolean schedulesActive() throws Exception {
        return api("GET", "/api3/v5/users/4343/pods?include=charge_schedules", null).json()
                .at("/pods/0/charge_schedules/0/status/is_active").asBoolean();
    }

    private JsonNode chargeOf(long unit) throws Exception {
        for (JsonNode c : api("GET", "/api3/v5/users/4343/charges?perpage=50", null).json().get("charges")) {
            if (c.at("/pod/id").asLong() == unit) {
                return c;
            }
        }
        throw new AssertionError("no charge for " + unit);
    }

    private JsonNode chargeById(long id) throws Exception {
        for (JsonNode c : api("GET", "/api3/v5/users/4343/charges?perpage=50", null).json().get("charges")) {
            if (c.get("id").asLong() == id) {
                return c;
            }
        }
        throw new AssertionError("no charge " + id);
    }
}
