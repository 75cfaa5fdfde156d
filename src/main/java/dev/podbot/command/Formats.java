package dev.podbot.command;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the bot writes energy, money, durations, dates and times, in one place so every message (replies and
 * notifications) looks the same. British English, times in the pod's time zone (Europe/London by default).
 */
public final class Formats {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private Formats() {
    }

    /** Energy with one decimal: {@code 9.8 kWh}. Null counts as 0. */
    public static String kwh(Double kwh) {
        return String.format(Locale.ROOT, "%.1f kWh", kwh == null ? 0.0 : kwh);
    }

    /** Money from pence: {@code 294 → £2.94}, {@code -50 → -£0.50}. Null counts as 0. */
    public static String pounds(Integer pence) {
        long p = pence == null ? 0 : pence;
        String sign = p < 0 ? "-" : "";
        long abs = Math.abs(p);
        return String.format(Locale.ROOT, "%s£%d.%02d", sign, abs / 100, abs % 100);
    }

    /**
     * Money from minor units in a currency: {@code (294, GBP) → £2.94}, {@code (150, EUR) → €1.50}; another
     * currency shows its code ({@code 1.50 USD}). Null counts as 0.
     */
    public static String money(Integer minor, String currency) {
        String cur = currency == null ? "GBP" : currency.trim().toUpperCase(Locale.ROOT);
        if (cur.equals("GBP")) {
            return pounds(minor);
        }
        long p = minor == null ? 0 : minor;
        String sign = p < 0 ? "-" : "";
        long abs = Math.abs(p);
        String amount = String.format(Locale.ROOT, "%d.%02d", abs / 100, abs % 100);
        return cur.equals("EUR") ? sign + "€" + amount : sign + amount + " " + Html.escape(cur);
    }

    /** Minutes as {@code 2h 20m}, {@code 45m}, {@code 3h}, {@code 0m}. Negative counts as 0. */
    public static String minutes(long minutes) {
        long m = Math.max(0, minutes);
        long h = m / 60;
        long rest = m % 60;
        if (h == 0) {
            return rest + "m";
        }
        return rest == 0 ? h + "h" : h + "h " + rest + "m";
    }

    /** Seconds as {@code 2h 20m} (rounded to the minute); under a minute as {@code 45s}. Null gives "unknown". */
    public static String seconds(Long seconds) {
        if (seconds == null) {
            return "unknown";
        }
        long s = Math.max(0, seconds);
        if (s > 0 && s < 60) {
            return s + "s";
        }
        return minutes(Math.round(s / 60.0));
    }

    /** A duration as {@code 1h 30m}. */
    public static String duration(Duration d) {
        return d == null ? "unknown" : seconds(d.getSeconds());
    }

    /** The pod's (or charge's) time zone, or Europe/London when it is missing or not a zone. */
    public static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return LONDON;
        }
        try {
            return ZoneId.of(timezone.trim());
        } catch (DateTimeException e) {
            return LONDON;
        }
    }

    /** {@code 18:05} in the zone. */
    public static String time(OffsetDateTime t, ZoneId zone) {
        return t == null ? "?" : TIME.format(t.atZoneSameInstant(zone));
    }

    /** {@code Mon 23 Nov 2026} in the zone. */
    public static String date(OffsetDateTime t, ZoneId zone) {
        return t == null ? "?" : DATE.format(t.atZoneSameInstant(zone));
    }

    /** {@code Mon 23 Nov 2026, 18:05} in the zone. */
    public static String dateTime(OffsetDateTime t, ZoneId zone) {
        return t == null ? "?" : DATE_TIME.format(t.atZoneSameInstant(zone));
    }
}
