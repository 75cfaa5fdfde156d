package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void energyHasOneDecimalAndAUnit() {
        assertThat(Formats.kwh(9.8)).isEqualTo("9.8 kWh");
        assertThat(Formats.kwh(12.0)).isEqualTo("12.0 kWh");
        assertThat(Formats.kwh(0.04)).isEqualTo("0.0 kWh");
        assertThat(Formats.kwh(3.25)).isEqualTo("3.3 kWh");
        assertThat(Formats.kwh(null)).isEqualTo("0.0 kWh");
    }

    @Test
    void moneyIsPoundsFromPence() {
        assertThat(Formats.pounds(294)).isEqualTo("£2.94");
        assertThat(Formats.pounds(5)).isEqualTo("£0.05");
        assertThat(Formats.pounds(12000)).isEqualTo("£120.00");
        assertThat(Formats.pounds(0)).isEqualTo("£0.00");
        assertThat(Formats.pounds(-50)).isEqualTo("-£0.50");
        assertThat(Formats.pounds(null)).isEqualTo("£0.00");
    }

    @Test
    void durationsReadLikeSpeech() {
        assertThat(Formats.minutes(140)).isEqualTo("2h 20m");
        assertThat(Formats.minutes(45)).isEqualTo("45m");
        assertThat(Formats.minutes(60)).isEqualTo("1h");
        assertThat(Formats.minutes(0)).isEqualTo("0m");
        assertThat(Formats.minutes(-3)).isEqualTo("0m");
        assertThat(Formats.seconds(8400L)).isEqualTo("2h 20m");
        assertThat(Formats.seconds(3000L)).isEqualTo("50m");
        assertThat(Formats.seconds(89L)).isEqualTo("1m");
        assertThat(Formats.seconds(45L)).isEqualTo("45s");
        assertThat(Formats.seconds(0L)).isEqualTo("0m");
        assertThat(Formats.seconds(null)).isEqualTo("unknown");
        assertThat(Formats.duration(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    }

    @Test
    void timesAreShownInThePodsZone() {
        OffsetDateTime summer = OffsetDateTime.parse("2026-07-01T17:05:00Z");
        OffsetDateTime winter = OffsetDateTime.parse("2026-11-23T18:05:00Z");
        assertThat(Formats.time(summer, Formats.LONDON)).isEqualTo("18:05");
        assertThat(Formats.time(winter, Formats.LONDON)).isEqualTo("18:05");
        assertThat(Formats.date(winter, Formats.LONDON)).isEqualTo("Mon 23 Nov 2026");
        assertThat(Formats.dateTime(summer, ZoneId.of("UTC"))).isEqualTo("Wed 1 Jul 2026, 17:05");
        assertThat(Formats.time(null, Formats.LONDON)).isEqualTo("?");
    }

    @Test
    void unknownZonesFallBackToLondon() {
        assertThat(Formats.zone(null)).isEqualTo(Formats.LONDON);
        assertThat(Formats.zone(" ")).isEqualTo(Formats.LONDON);
        assertThat(Formats.zone("Not/AZone")).isEqualTo(Formats.LONDON);
        assertThat(Formats.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
    }
}
