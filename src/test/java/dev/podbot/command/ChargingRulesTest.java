package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeSchedule;

class ChargingRulesTest {

    // Monday 23 November 2026
    static final ZonedDateTime MON_0300 = ZonedDateTime.of(2026, 11, 23, 3, 0, 0, 0, Formats.LONDON);
    static final ZonedDateTime MON_1200 = MON_0300.withHour(12);
    static final ZonedDateTime SUN_2330 = ZonedDateTime.of(2026, 11, 29, 23, 30, 0, 0, Formats.LONDON);

    static ChargeSchedule window(int startDay, String start, int endDay, String end, Boolean active) {
        return new ChargeSchedule("u" + startDay, startDay, start, endDay, end, new ChargeSchedule.Status(active));
    }

    static List<ChargeSchedule> daily(String start, String end, boolean active) {
        List<ChargeSchedule> l = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            l.add(window(d, start, d, end, active));
        }
        return l;
    }

    @Test
    void noSchedulesOrAllInactiveMeansAllowed() {
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, List.of(), MON_1200)).isTrue();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, null, MON_1200)).isTrue();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, daily("00:00:00", "00:00:01", false), MON_1200))
                .isTrue();
    }

    @Test
    void theOneSecondWindowsBlockCharging() {
        List<ChargeSchedule> blocked = daily("00:00:00", "00:00:01", true);
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, blocked, MON_1200)).isFalse();
        assertThat(ChargingRules.blockedBySchedules(blocked)).isTrue();
        assertThat(ChargingRules.blockedBySchedules(daily("00:30:00", "05:30:00", true))).isFalse();
        assertThat(ChargingRules.blockedBySchedules(daily("00:00:00", "00:00:01", false))).isFalse();
    }

    @Test
    void manualModeAndActiveBoostOverrideSchedules() {
        List<ChargeSchedule> blocked = daily("00:00:00", "00:00:01", true);
        assertThat(ChargingRules.chargingAllowed(ChargeMode.MANUAL, blocked, MON_1200)).isTrue();
        ChargeMode boost = new ChargeMode(ChargeMode.Kind.BOOST, OffsetDateTime.now().plusHours(1));
        assertThat(ChargingRules.chargingAllowed(boost, blocked, MON_1200)).isTrue();
    }

    @Test
    void insideTodaysWindowOnlyDuringIt() {
        List<ChargeSchedule> night = daily("00:30:00", "05:30:00", true);
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, night, MON_0300)).isTrue();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, night, MON_1200)).isFalse();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, night, MON_0300.withHour(5).withMinute(30)))
                .as("the end is exclusive").isFalse();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, night, MON_0300.withHour(0).withMinute(30)))
                .as("the start is inclusive").isTrue();
    }

    @Test
    void onlyActiveWindowsCount() {
        List<ChargeSchedule> mixed = List.of(window(1, "00:30:00", 1, "05:30:00", false),
                window(2, "00:30:00", 2, "05:30:00", true));
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, mixed, MON_0300)).isFalse();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, mixed, MON_0300.plusDays(1))).isTrue();
    }

    @Test
    void windowsMayCrossMidnightAndWrapTheWeek() {
        List<ChargeSchedule> overnight = List.of(window(1, "22:00:00", 2, "06:00:00", true));
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, overnight, MON_0300.plusDays(1))).isTrue();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, overnight, MON_0300)).isFalse();
        List<ChargeSchedule> weekend = List.of(window(7, "23:00:00", 1, "04:00:00", true));
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, weekend, SUN_2330)).isTrue();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, weekend, MON_0300)).isTrue();
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, weekend, MON_1200)).isFalse();
    }

    @Test
    void unreadableTimesNeverThrow() {
        List<ChargeSchedule> odd = List.of(window(1, "25:99", 1, null, true), window(9, "00:00:00", 9, "01:00:00", true));
        assertThat(ChargingRules.chargingAllowed(ChargeMode.SMART, odd, MON_0300)).isFalse();
        assertThat(ChargingRules.blockedBySchedules(odd)).isFalse();
    }
}
