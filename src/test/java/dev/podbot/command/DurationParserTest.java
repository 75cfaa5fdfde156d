package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DurationParserTest {

    @ParameterizedTest
    @CsvSource({"45m,45", "2h,120", "1h30m,90", "1H30M,90", "90m,90", "24h,1440", "0h5m,5", "1m,1", "23h59m,1439",
            "10min,10"})
    void readsHoursAndMinutes(String text, long minutes) {
        assertThat(DurationParser.parse(text)).contains(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "0h", "0h0m", "25h", "24h1m", "1441m", "", " ", "abc", "1.5h", "-1h", "h", "m",
            "30", "1h30", "1h 30m", "30m1h", "99999h"})
    void rejectsZeroTooLongAndGarbage(String text) {
        assertThat(DurationParser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0m|A boost needs at least 1 minute.", "0h0m|A boost needs at least 1 minute.",
            "25h|A boost can last at most 24 hours (25h is longer).", "1441m|A boost can last at most 24 hours"})
    void saysWhatIsWrongWithADurationOutOfRange(String text, String reason) {
        assertThat(DurationParser.problem(text)).get().asString().startsWith(reason);
        assertThat(DurationParser.refusal(text, "/boost 45m").userMessage()).startsWith(reason)
                .endsWith("Usage: /boost 45m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"45m", "24h", "soon", "", "1.5h"})
    void goodDurationsAndGarbageHaveNoSpecificProblem(String text) {
        assertThat(DurationParser.problem(text)).isEmpty();
    }

    @Property(tries = 200)
    void everyMinuteCountUpToADayRoundTrips(@ForAll @IntRange(min = 1, max = 1440) int minutes) {
        String text = (minutes / 60 > 0 ? minutes / 60 + "h" : "") + (minutes % 60 > 0 ? minutes % 60 + "m" : "");
        assertThat(DurationParser.parse(text)).contains(Duration.ofMinutes(minutes));
    }
}
