package dev.podbot.demo.sim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON and date helpers of the simulator. */
final class SimJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    /** Accepts what clients send: "+01:00", "+0100", "Z", with or without fractions. */
    private static final DateTimeFormatter IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private SimJson() {
    }

    static String format(Instant t) {
        return t == null ? null : OUT.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Parses a client's date-time, or null when it is not one. */
    static Instant parseInstant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim(), IN).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
