package dev.podbot.ops;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.quarkus.runtime.configuration.DurationConverter;

/** The shapes a typed setting may have, each with how to check a value and how to say what is expected. */
enum SettingFormat {

    DURATION("a duration such as 30s, 5m or 1h", v -> DurationConverter.parseDuration(v) != null),
    WHOLE_NUMBER("a whole number", v -> {
        Integer.parseInt(v);
        return true;
    }),
    NUMBER("a number such as 30 or 0.5", v -> !Double.isNaN(Double.parseDouble(v))),
    PORT("a port number from 0 to 65535", v -> {
        int port = Integer.parseInt(v);
        return port >= 0 && port <= 65535;
    }),
    TRUE_FALSE("true or false", v -> Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "1", "0")
            .contains(v.toLowerCase(Locale.ROOT))),
    TIME_ZONE("a time zone such as Europe/London or UTC", v -> ZoneId.of(v) != null),
    USER_IDS("Telegram user ids (whole numbers) separated by commas", v -> {
        for (String id : v.split(",")) {
            if (!id.isBlank()) {
                Long.parseLong(id.trim());
            }
        }
        return true;
    });

    private final String expected;
    private final Predicate<String> check;

    SettingFormat(String expected, Predicate<String> check) {
        this.expected = expected;
        this.check = check;
    }

    /** Whether {@code value} (trimmed, not empty) has this format. */
    boolean accepts(String value) {
        try {
            return check.test(value);
        } catch (RuntimeException e) { // NumberFormatException, DateTimeException, IllegalArgumentException
            return false;
        }
    }

    /** One line naming the environment variable and what it must be; never the value (it may be a secret). */
    String problem(String envName) {
        return envName + " must be " + expected;
    }
}
