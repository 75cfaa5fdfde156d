package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    static final long MS = 1_000_000L;

    @Test
    void admitsUpToTheLimitWithinOneWindowThenSaysHowLongToWait() {
        SlidingWindow w = new SlidingWindow(3, Duration.ofMillis(1000));
        assertThat(w.tryAdmit(0)).isZero();
        assertThat(w.tryAdmit(10 * MS)).isZero();
        assertThat(w.tryAdmit(20 * MS)).isZero();
        assertThat(w.tryAdmit(30 * MS)).isEqualTo(970 * MS);
        assertThat(w.tryAdmit(999 * MS)).isEqualTo(1 * MS);
        assertThat(w.tryAdmit(1000 * MS)).isZero();
        assertThat(w.tryAdmit(1005 * MS)).isEqualTo(5 * MS);
        assertThat(w.tryAdmit(1010 * MS)).isZero();
    }

    @Test
    void neverMoreThanTheLimitInAnyWindow() {
        SlidingWindow w = new SlidingWindow(30, Duration.ofMillis(1000));
        java.util.List<Long> admitted = new java.util.ArrayList<>();
        long now = 0;
        java.util.Random r = new java.util.Random(7);
        while (admitted.size() < 300) {
            long wait = w.tryAdmit(now);
            if (wait == 0) {
                admitted.add(now);
                now += r.nextInt(20) * MS; // bunched arrivals
            } else {
                now += wait;
            }
        }
        for (int i = 30; i < admitted.size(); i++) {
            assertThat(admitted.get(i) - admitted.get(i - 30)).isGreaterThanOrEqualTo(1000 * MS);
        }
    }
}
