package dev.podbot.podpoint.model;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import io.quarkus.logging.Log;

/**
 * Pod Point writes dates in several ISO-8601 shapes ({@code Z}, {@code +00:00}, {@code +0100}, with or without
 * fractions) and sometimes garbage ({@code "2022-03-08:00:00+00:00"}). One bad date must never fail a whole
 * page, so anything unparseable becomes {@code null} with a warning.
 */
public class LenientDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {

    private static final DateTimeFormatter NO_COLON_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private static final DateTimeFormatter FLEXIBLE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            Log.warnf("Ignoring a Pod Point date that is not a string (%s)", p.currentToken());
            return null;
        }
        return parse(p.getText());
    }

    /** Parses one Pod Point date, or returns null (with a warning) when it cannot. */
    public static OffsetDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        try {
            return OffsetDateTime.parse(s, NO_COLON_OFFSET);
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        try {
            var parsed = FLEXIBLE.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt;
            }
            return ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            Log.warnf("Ignoring an unparseable Pod Point date '%s'", s.length() > 40 ? s.substring(0, 40) : s);
            return null;
        }
    }
}
