package dev.podbot.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A calendar period in the account's time zone: a week (Monday to Sunday), a month or a year, named by its first
 * day. Its instants come from local midnights, so a week across a daylight-saving change is 167 or 169 hours long.
 */
public record StatsPeriod(Kind kind, LocalDate start) {

    public enum Kind {
        WEEK("week", "w"), MONTH("month", "m"), YEAR("year", "y");

        private final String word;
        private final String code;

        Kind(String word, String code) {
            this.word = word;
            this.code = code;
        }

        public String word() {
            return word;
        }

        /** One letter, for button data. */
        public String code() {
            return code;
        }

        public static Optional<Kind> parse(String s) {
            if (s == null) {
                return Optional.empty();
            }
            String w = s.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.word.equals(w) || k.code.equals(w)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    public StatsPeriod {
        start = switch (kind) {
            case WEEK -> start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> start.withDayOfMonth(1);
            case YEAR -> start.withDayOfYear(1);
        };
    }

    /** The period of this kind that holds {@code day}. */
    public static StatsPeriod containing(Kind kind, LocalDate day) {
        return new StatsPeriod(kind, day);
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return switch (kind) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    public LocalDate lastDay() {
        return endExclusive().minusDays(1);
    }

    public StatsPeriod previous() {
        return new StatsPeriod(kind, start.minusDays(1));
    }

    public StatsPeriod next() {
        return new StatsPeriod(kind, endExclusive());
    }

    public Instant from(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant to(ZoneId zone) {
        return endExclusive().atStartOfDay(zone).toInstant();
    }

    /** True when the period has begun by {@code today} (a future period is not shown). */
    public boolean startedBy(LocalDate today) {
        return !start.isAfter(today);
    }

    /** The chart's buckets: days (week, month) or months (year), by their first day. */
    public List<LocalDate> buckets() {
        List<LocalDate> out = new ArrayList<>();
        ChronoUnit unit = kind == Kind.YEAR ? ChronoUnit.MONTHS : ChronoUnit.DAYS;
        for (LocalDate d = start; d.isBefore(endExclusive()); d = d.plus(1, unit)) {
            out.add(d);
        }
        return out;
    }

    /** The bucket a local date falls in. */
    public LocalDate bucketOf(LocalDate day) {
        return kind == Kind.YEAR ? day.withDayOfMonth(1) : day;
    }

    /** What the caption calls it: "Week 23–29 Nov 2026", "November 2026", "2026". */
    public String label() {
        return switch (kind) {
            case WEEK -> "Week " + (start.getYear() == lastDay().getYear()
                    ? (start.getMonth() == lastDay().getMonth() ? String.valueOf(start.getDayOfMonth())
                            : DAY_MONTH.format(start))
                    : DAY_MONTH_YEAR.format(start)) + "–" + DAY_MONTH_YEAR.format(lastDay());
            case MONTH -> MONTH_YEAR.format(start);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The dates covered: "1 Nov 2026 – 30 Nov 2026". */
    public String dates() {
        return DAY_MONTH_YEAR.format(start) + " – " + DAY_MONTH_YEAR.format(lastDay());
    }

    /** For file names: "2026-11-23" (a week, by its Monday), "2026-11", "2026". */
    public String fileStem() {
        return switch (kind) {
            case WEEK -> start.toString();
            case MONTH -> start.toString().substring(0, 7);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** Button data for this period: {@code stats:m:2026-11-01} (well under Telegram's 64 bytes). */
    public String buttonData() {
        return "stats:" + kind.code() + ":" + start;
    }

    /** The period named by button data arguments (kind code, first day), if they are valid. */
    public static Optional<StatsPeriod> fromButton(String kindCode, String day) {
        Optional<Kind> k = Kind.parse(kindCode);
        if (k.isEmpty() || day == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StatsPeriod(k.get(), LocalDate.parse(day)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
