package dev.podbot.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A daily quiet window in a zone; the end may be on the next day (22:00–07:00). Start == end means none. */
public record QuietHours(LocalTime start, LocalTime end) {

    /** "7:00", "07:00", "22:30" → a time; anything else → empty. */
    public static Optional<LocalTime> parseTime(String s) {
        if (s == null || !s.trim().matches("\\d{1,2}:\\d{2}")) {
            return Optional.empty();
        }
        String t = s.trim();
        try {
            return Optional.of(LocalTime.parse(t.length() == 4 ? "0" + t : t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    /** When a non-urgent message created at {@code now} may be delivered: now, or the end of the window. */
    public Instant deliverAfter(Instant now, ZoneId zone) {
        ZonedDateTime z = now.atZone(zone);
        if (!contains(z.toLocalTime())) {
            return now;
        }
        ZonedDateTime endToday = z.toLocalDate().atTime(end).atZone(zone);
        ZonedDateTime result = endToday.isAfter(z) ? endToday : z.toLocalDate().plusDays(1).atTime(end).atZone(zone);
        return result.toInstant();
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
