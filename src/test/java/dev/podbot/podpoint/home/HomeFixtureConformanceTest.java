package dev.podbot.podpoint.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.podpoint.PodPointJson;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;

/**
 * Reads the shared Pod Home samples ({@code ../shared/podpoint-fixtures/podhome_*} and {@code new_api.json}; public
 * data, never copied into this repository) through the Pod Home mapping. Skipped when the directory is absent.
 */
class HomeFixtureConformanceTest {

    static final Path DIR = Path.of("..", "shared", "podpoint-fixtures");
    final ObjectMapper mapper = PodPointJson.objectMapper();

    @BeforeEach
    void needsFixtures() {
        Assumptions.assumeTrue(Files.isDirectory(DIR),
                "HomeFixtureConformanceTest skipped: ../shared/podpoint-fixtures not found");
    }

    JsonNode read(String name) throws IOException {
        return mapper.readTree(Files.readString(DIR.resolve(name)));
    }

    @Test
    void overrideHistorySkipsDeletedAndExpiredEntries() throws IOException {
        JsonNode history = read("podhome_get_charger_charge_overrides.json");
        ChargeOverride during = HomeMapper.currentOverride("TEST-PPID-1", history, Instant.parse("2026-08-06T10:15:00Z"));
        assertThat(during).isNotNull();
        assertThat(during.endsAt()).isNotNull();
        assertThat(ChargeMode.of(during, Instant.parse("2026-08-06T10:15:00Z")).kind()).isEqualTo(ChargeMode.Kind.BOOST);
        assertThat(HomeMapper.currentOverride("TEST-PPID-1", history, Instant.parse("2026-08-06T11:30:00Z"))).isNull();
    }

    @Test
    void chargeHistoryParsesWithItsChargerAndCurrency() throws IOException {
        JsonNode list = read("podhome_get_charges_history.json").path("data").path("charges");
        Charge c = HomeMapper.charge(list.get(0));
        assertThat(c).isNotNull();
        assertThat(c.ppid()).isEqualTo("TEST-PPID-1");
        assertThat(c.kwh()).isEqualTo(7.2);
        assertThat(c.chargingSeconds()).isEqualTo(3600L);
        assertThat(c.pluggedInMinutes()).isEqualTo(70);
        assertThat(c.currency()).isEqualTo("GBP");
        assertThat(c.homeId()).isEqualTo("CHARGE-1");
        assertThat(c.inProgress()).isFalse();
        assertThat(c.endsAt().toInstant()).isEqualTo(Instant.parse("2026-08-01T11:05:00Z")); // the unplug
    }

    @Test
    void camelCaseFirmwareParses() throws IOException {
        Firmware f = mapper.treeToValue(read("podhome_firmware_camelcase.json"), Firmware.class);
        assertThat(f.version()).isEqualTo("manifest-1");
        assertThat(f.updateAvailable()).isTrue();
    }

    @Test
    void theSyntheticNewApiShapesParse() throws IOException {
        JsonNode all = read("new_api.json");
        ConnectivityStatus live = HomeMapper.connectivity("TEST-PPID-1", all.path("connectivity_status_v2"));
        assertThat(live.chargingState()).isEqualTo(ChargingState.AVAILABLE);
        assertThat(live.onlineOrNull()).isTrue();
        List<ChargeSchedule> schedules = HomeMapper.schedules(all.path("manual_schedules"));
        assertThat(schedules).hasSize(1);
        assertThat(schedules.get(0).uid()).isEqualTo("SCHEDULE-1");
        Pod pod = HomeMapper.pod(all.path("chargers").get(0), live, null, schedules);
        assertThat(pod.ppid()).isEqualTo("TEST-PPID-1");
        assertThat(pod.unitId()).isEqualTo(1001);
        assertThat(pod.isHome()).isTrue();
        assertThat(pod.smartCharging()).isTrue(); // "ENABLED" in this synthetic sample
        assertThat(HomeMapper.smartCharging(all.path("delegated_control").path("status").asText())).isTrue();
    }
}
