package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.Pod;

/** The pure text builders: schedule times and windows, charges pages, pod summaries. */
class RenderingTest {

    static Charge charge(long id, Double kwh, Integer minutes, String start, String end, Long chargingSeconds,
            Integer pence) {
        return new Charge(id, kwh, minutes, OffsetDateTime.parse(start), end == null ? null : OffsetDateTime.parse(end),
                new Charge.ChargingDuration(chargingSeconds), pence,
                new Charge.Location(1L, true, "Europe/London"), new Charge.PodRef(200L));
    }

    static Pod pod(String name, String ppid, ChargeOverride override) {
        return new Pod(1, name, ppid, true, "", 200, "Europe/London", null,
                new Pod.PodModel(1L, "S7-UC-03-ACA", "Pod Point"),
                List.of(new Pod.PodStatus(1, "Available", "available", "Available", "A", 1)), List.of(),
                ChargingRulesTest.daily("00:00:00", "00:00:01", true), override);
    }

    @Test
    void scheduleTimesAndWindows() {
        assertThat(ScheduleHandler.parseTime("22:30")).contains(LocalTime.of(22, 30));
        assertThat(ScheduleHandler.parseTime("7:05")).contains(LocalTime.of(7, 5));
        assertThat(ScheduleHandler.parseTime("0730")).contains(LocalTime.of(7, 30));
        assertThat(ScheduleHandler.parseTime("24:00")).isEmpty();
        assertThat(ScheduleHandler.parseTime("12:60")).isEmpty();
        assertThat(ScheduleHandler.parseTime("noon")).isEmpty();
        assertThat(ScheduleHandler.invalidTime("25:00")).startsWith("25:00 isn't a time of day");
        assertThat(ScheduleHandler.invalidTime("22:30")).isNull();
        assertThat(ScheduleHandler.invalidTime("noon")).isNull();
        assertThat(ScheduleHandler.invalidWindow(LocalTime.of(0, 30), LocalTime.of(5, 30))).isNull();
        assertThat(ScheduleHandler.invalidWindow(LocalTime.of(22, 0), LocalTime.of(6, 0)))
                .contains("must be after the start time (22:00)");
        assertThat(ScheduleHandler.invalidWindow(LocalTime.of(6, 0), LocalTime.of(6, 0))).isNotNull();
    }

    @Test
    void schedulesInWords() {
        assertThat(ScheduleHandler.describe(List.of())).contains("whenever plugged in");
        assertThat(ScheduleHandler.describe(ChargingRulesTest.daily("00:30:00", "05:30:00", true)))
                .isEqualTo("Charges only Every day 00:30–05:30.");
        assertThat(ScheduleHandler.describe(ChargingRulesTest.daily("00:00:00", "00:00:01", true)))
                .contains("blocked");
        assertThat(ScheduleHandler.describe(List.of(ChargingRulesTest.window(1, "22:00:00", 2, "06:00:00", true),
                ChargingRulesTest.window(6, "10:00:00", 6, "12:00:00", true))))
                .contains("Sat 10:00–12:00").contains("Mon 22:00 – Tue 06:00");
    }

    @Test
    void aCompletedChargeShowsEnergyTimesAndCost() {
        String s = ChargesHandler.describe(charge(1, 9.8, 140, "2026-11-23T18:05:00Z", "2026-11-23T20:25:00Z",
                3000L, 294));
        assertThat(s).contains("Mon 23 Nov 2026, 18:05").contains("9.8 kWh").contains("£2.94")
                .contains("Plugged in 2h 20m").contains("charging 50m");
    }

    @Test
    void anInProgressChargeSaysSo() {
        String s = ChargesHandler.describe(charge(2, 3.2, 0, "2026-11-23T18:05:00Z", null, null, 0));
        assertThat(s).contains("in progress").contains("3.2 kWh so far").doesNotContain("£");
    }

    @Test
    void pagesHavePrevAndNextButtonsThatFitTelegram() {
        List<Charge> five = List.of(1, 2, 3, 4, 5).stream()
                .map(i -> charge(i, 1.0 * i, 60, "2026-11-2" + i + "T10:00:00Z", "2026-11-2" + i + "T11:00:00Z", 60L, 10))
                .toList();
        ChargesPage page = new ChargesPage(five, new ChargesPage.Meta(new ChargesPage.Pagination(2, 5, 3, 15)));
        Reply r = ChargesHandler.render(page, 2);
        assertThat(r.text()).contains("page 2 of 3");
        assertThat(r.buttons()).hasSize(1);
        assertThat(r.buttons().get(0)).extracting(Button::data).containsExactly("charges:1", "charges:3");

        Reply last = ChargesHandler.render(new ChargesPage(five.subList(0, 2),
                new ChargesPage.Meta(new ChargesPage.Pagination(3, 5, 3, 12))), 3);
        assertThat(last.buttons().get(0)).extracting(Button::data).containsExactly("charges:2");

        Reply beyond = ChargesHandler.render(new ChargesPage(List.of(), null), 9);
        assertThat(beyond.text()).contains("No more charges");
        Reply none = ChargesHandler.render(new ChargesPage(List.of(), null), 1);
        assertThat(none.text()).contains("No charges yet");
        assertThat(none.buttons()).isEmpty();
    }

    @Test
    void aPodSummaryHasEverything() {
        String s = PodsHandler.describe(pod("Drive <way>", "PSL-123456", null), true, Instant.now());
        assertThat(s).contains("Drive &lt;way&gt;").contains("PSL-123456").contains("S7-UC-03-ACA")
                .contains("Door A: Available").contains("⛔ blocked").contains("Mode: Smart").contains("Online: yes");
        OffsetDateTime until = OffsetDateTime.now().plusHours(1);
        String boosted = PodsHandler.describe(pod(null, "PSL-123456",
                new ChargeOverride("PSL-123456", OffsetDateTime.now(), OffsetDateTime.now(), until)), null, Instant.now());
        assertThat(boosted).contains("✅ allowed").contains("Boost until " + Formats.time(until, Formats.LONDON))
                .contains("Online: unknown");
        for (List<Button> row : PodsHandler.buttons(pod(null, "PSL-1", null), Instant.now())) {
            for (Button b : row) {
                assertThat(b.data().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            }
        }
    }

    @Test
    void podsAreFoundByPpidNameOrIdAndButtonsOnlyMatchOwnPods() {
        List<Pod> pods = List.of(pod("Driveway", "PSL-123456", null));
        assertThat(PodAccess.byName(pods, "psl-123456")).isPresent();
        assertThat(PodAccess.byName(pods, "123456")).isPresent();
        assertThat(PodAccess.byName(pods, "driveway")).isPresent();
        assertThat(PodAccess.byName(pods, "PSL-999")).isEmpty();
        assertThat(PodAccess.byButton(pods, "200").ppid()).isEqualTo("PSL-123456");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PodAccess.byButton(pods, "201"))
                .isInstanceOf(CommandException.class).hasMessageContaining("isn't for one of your chargers");
    }

    @Test
    void aOneLinePasswordKeepsItsInnerSpaces() {
        assertThat(LoginHandler.passwordAfterEmail("/login a@b.c  my pass word ")).isEqualTo("my pass word");
        assertThat(LoginHandler.passwordAfterEmail("/login@PodBot a@b.c Secret-1")).isEqualTo("Secret-1");
    }

    static Charge on(long unit, long id, String start, String end) {
        return new Charge(id, 5.0, 60, OffsetDateTime.parse(start), end == null ? null : OffsetDateTime.parse(end),
                new Charge.ChargingDuration(1800L), 50, new Charge.Location(1L, true, "Europe/London"),
                new Charge.PodRef(unit));
    }

    static Pod podOf(long unit, String name) {
        return new Pod(unit, name, "PSL-" + unit, true, "", unit, "Europe/London", null, null, null, null, null, null);
    }

    /** Issue 14: newest first by start, the charger's name with several chargers, one "in progress" per charger. */
    @Test
    void chargesAreNewestFirstNamedPerChargerWithOneInProgressEach() {
        List<Charge> listed = List.of(
                on(200, 5, "2026-11-29T00:02:00Z", "2026-11-29T00:40:00Z"),
                on(300, 4, "2026-11-28T23:58:00Z", null),
                on(200, 6, "2026-11-29T00:58:00Z", null),
                on(300, 3, "2026-11-28T23:50:00Z", null)); // a stale second "in progress" on the same charger
        Reply r = ChargesHandler.render(new ChargesPage(listed, null), 1, List.of(podOf(200, "Driveway"),
                podOf(300, "Garage")));
        String t = r.text();
        assertThat(t.indexOf("00:58")).isLessThan(t.indexOf("00:02"));
        assertThat(t.indexOf("00:02")).isLessThan(t.indexOf("23:58"));
        assertThat(t).doesNotContain("23:50");
        assertThat(t.split("in progress", -1)).hasSize(3); // two entries, one per charger
        assertThat(t).contains("🔌 Driveway", "🔌 Garage");

        String single = ChargesHandler.render(new ChargesPage(listed.subList(0, 1), null), 1,
                List.of(podOf(200, "Driveway"))).text();
        assertThat(single).doesNotContain("🔌");
    }
}
