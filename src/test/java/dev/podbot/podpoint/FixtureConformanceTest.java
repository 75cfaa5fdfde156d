package dev.podbot.podpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;

/**
 * Reads every shared sample response in {@code ../shared/podpoint-fixtures/} (public data, never copied into this
 * repository) with the client's own mapper into the model its file name stands for. Skipped when the directory is
 * not there (e.g. on CI).
 */
class FixtureConformanceTest {

    static final Path DIR = Path.of("..", "shared", "podpoint-fixtures");

    final ObjectMapper mapper = dev.podbot.podpoint.legacy.LegacyPodPointClient.objectMapper();

    @TestFactory
    Stream<DynamicTest> everyFixtureParsesIntoItsModel() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIR),
                "FixtureConformanceTest skipped: ../shared/podpoint-fixtures not found");
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "the fixture directory has JSON files");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        JsonNode node = mapper.readTree(Files.readString(file));
        assertNotNull(node, name + " is JSON");

        if (name.startsWith("derived_request_put_charge_schedules_enabled_")) {
            boolean active = name.contains("enabled_true");
            List<ChargeSchedule> ours = IntStream.rangeClosed(1, 7)
                    .mapToObj(d -> new ChargeSchedule(null, d, "00:00:00", d, "00:00:01", new ChargeSchedule.Status(active)))
                    .toList();
            assertEquals(node.get("data"), mapper.valueToTree(ours), name + ": our 1-second windows match");
        } else if (name.startsWith("derived_request_put_charge_override")) {
            OffsetDateTime req = OffsetDateTime.parse(node.get("requested_at").asText(), dev.podbot.podpoint.legacy.LegacyPodPointClient.WIRE_TIME);
            assertNotNull(req, name);
            if (node.has("ends_at")) {
                assertTrue(OffsetDateTime.parse(node.get("ends_at").asText(), dev.podbot.podpoint.legacy.LegacyPodPointClient.WIRE_TIME).isAfter(req));
            }
        } else if (name.startsWith("derived_request_google_verify_password")) {
            assertTrue(node.has("email") && node.has("password") && node.get("returnSecureToken").asBoolean(), name);
        } else if (name.startsWith("derived_request")) {
            assertTrue(node.isObject(), name);
        } else if (name.equals("auth.json")) {
            assertFalse(node.path("idToken").asText().isEmpty());
            assertTrue(node.get("expiresIn").isTextual(), "expiresIn is a string");
        } else if (name.equals("refresh.json")) {
            assertFalse(node.path("id_token").asText().isEmpty());
            assertFalse(node.path("refresh_token").asText().isEmpty());
        } else if (name.equals("session.json")) {
            assertFalse(node.path("sessions").path("user_id").asText().isEmpty());
        } else if (name.startsWith("google_verify_password_mfa_pending")) {
            assertTrue(node.path("idToken").isMissingNode());
            assertFalse(node.path("mfaPendingCredential").asText().isEmpty());
            assertFalse(node.path("mfaInfo").get(0).path("mfaEnrollmentId").asText().isEmpty());
        } else if (name.startsWith("auth_legacy")) {
            assertTrue(node.has("access_token"), name);
        } else if (name.equals("create_schedules.json")) {
            List<ChargeSchedule> list = mapper.convertValue(node, new TypeReference<List<ChargeSchedule>>() { });
            assertEquals(7, list.size());
            list.forEach(s -> assertTrue(s.startDay() >= 1 && s.startDay() <= 7 && s.startTime() != null));
        } else if (name.contains("pod") && !name.startsWith("podhome") && !name.contains("charges")) {
            Pod pod = mapper.treeToValue(node, Pod.class);
            assertTrue(pod.unitId() > 0, name + ": unit_id");
            assertNotNull(pod.ppid(), name + ": ppid");
            assertNotNull(pod.chargeSchedules());
            pod.chargeSchedules().forEach(s -> assertTrue(s.startDay() >= 1 && s.startDay() <= 7));
            ChargeMode.of(pod.chargeOverride(), Instant.now()); // never throws
        } else if (name.contains("charges") && !name.startsWith("podhome")) {
            ChargesPage page = mapper.treeToValue(node, ChargesPage.class);
            assertEquals(node.path("charges").size(), page.charges().size(), name + ": no charge lost");
            page.charges().forEach(c -> assertTrue(c.id() > 0));
            if (name.equals("charges_empty.json")) {
                assertTrue(page.charges().isEmpty());
                assertEquals(42, page.pagination().currentPage());
            }
            if (name.equals("small_charges.json")) {
                assertTrue(page.charges().stream().anyMatch(c -> c.startsAt() == null), "the bad date became null");
            }
        } else if (name.contains("firmware")) {
            List<Firmware> fw = new ArrayList<>();
            if (node.has("data")) {
                fw.addAll(mapper.convertValue(node.get("data"), new TypeReference<List<Firmware>>() { }));
            } else {
                fw.add(mapper.treeToValue(node, Firmware.class));
            }
            assertFalse(fw.isEmpty());
            fw.forEach(f -> {
                assertNotNull(f.serialNumber(), name + ": serial");
                assertNotNull(f.version(), name + ": manifest id");
            });
        } else if (name.contains("user")) {
            PodPointUser u = mapper.treeToValue(node.get("users"), PodPointUser.class);
            assertNotNull(u.id());
            assertNotNull(u.account().balancePence());
            JsonNode pod = node.path("users").path("unit").path("pod");
            if (pod.isObject()) {
                assertNotNull(mapper.treeToValue(pod, Pod.class).ppid());
            }
        } else if (name.contains("connectivity_status")) {
            ConnectivityStatus c = mapper.treeToValue(node, ConnectivityStatus.class);
            assertNotNull(c.ppid());
            assertFalse(c.evses().isEmpty());
            c.online();
            assertNotNull(c.chargingState());
        } else if (name.startsWith("charge_override")) {
            ChargeOverride o = mapper.treeToValue(node, ChargeOverride.class);
            assertNotNull(o.requestedAt(), name);
            ChargeMode mode = ChargeMode.of(o, Instant.now());
            if (name.contains("manual")) {
                assertEquals(ChargeMode.MANUAL, mode);
            } else {
                assertNotNull(o.endsAt(), name);
            }
        } else {
            // Pod Home (API doc §10) samples: not modelled yet; they must at least be JSON.
            assertTrue(node.isContainerNode(), name);
        }
    }
}
