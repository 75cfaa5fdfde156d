package dev.podbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static Instant at(int day, int h, int m) {
        return LocalDate.of(2026, 11, day).atTime(h, m).atZone(LONDON).toInstant();
    }

    @Test
    void windowAcrossMidnightHoldsUntilItsEnd() {
        QuietHours q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(q.deliverAfter(at(20, 23, 15), LONDON)).isEqualTo(at(21, 7, 0));
        assertThat(q.deliverAfter(at(21, 3, 0), LONDON)).isEqualTo(at(21, 7, 0));
        assertThat(q.deliverAfter(at(21, 7, 0), LONDON)).isEqualTo(at(21, 7, 0));
        assertThat(q.deliverAfter(at(21, 12, 0), LONDON)).isEqualTo(at(21, 12, 0));
        assertThat(q.deliverAfter(at(21, 22, 0), LONDON)).isEqualTo(at(22, 7, 0));
    }

    @Test
    void windowWithinADay() {
        QuietHours q = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30));
        assertThat(q.deliverAfter(at(20, 14, 0), LONDON)).isEqualTo(at(20, 15, 30));
        assertThat(q.deliverAfter(at(20, 16, 0), LONDON)).isEqualTo(at(20, 16, 0));
        assertThat(q.deliverAfter(at(20, 12, 59), LONDON)).isEqualTo(at(20, 12, 59));
    }

    @Test
    void parsesFriendlyTimesOnly() {
        assertThat(QuietHours.parseTime("7:05")).contains(LocalTime.of(7, 5));
        assertThat(QuietHours.parseTime("23:59")).contains(LocalTime.of(23, 59));
        assertThat(QuietHours.parseTime("24:00")).isEmpty();
        assertThat(QuietHours.parseTime("7pm")).isEmpty();
        assertThat(QuietHours.parseTime(null)).isEmpty();
    }

    @Test
    void pollSlotsAreSpreadAndBackoffGrowsPerAccount() {
        java.time.Duration i = java.time.Duration.ofSeconds(300);
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        java.util.Set<Long> seconds = new java.util.HashSet<>();
        for (long chat = 1; chat <= 50; chat++) {
            Instant next = PollSchedule.nextSlot(chat, now, i);
            assertThat(next).isAfter(now).isBeforeOrEqualTo(now.plus(i));
            assertThat(PollSchedule.nextSlot(chat, next, i)).isEqualTo(next.plus(i));
            seconds.add(java.time.Duration.between(now, next).toSeconds());
        }
        assertThat(seconds).as("not all at second 0").hasSizeGreaterThan(30);
        assertThat(PollSchedule.backoff(1, i, java.time.Duration.ofHours(1))).isEqualTo(i);
        assertThat(PollSchedule.backoff(2, i, java.time.Duration.ofHours(1))).isEqualTo(i.multipliedBy(2));
        assertThat(PollSchedule.backoff(30, i, java.time.Duration.ofHours(1))).isEqualTo(java.time.Duration.ofHours(1));
    }
}
