package dev.podbot.command;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads boost durations such as {@code 45m}, {@code 2h}, {@code 1h30m}: more than zero, at most 24 hours. */
public final class DurationParser {

    public static final Duration MAX = Duration.ofHours(24);
    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,3})h)?(?:(\\d{1,4})m(?:in)?)?");

    private DurationParser() {
    }

    /** The duration, or empty when the text is not one, is zero, or is longer than 24 hours. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        Duration d = read(m);
        if (d.isZero() || d.compareTo(MAX) > 0) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * Why a text that reads as a duration can't be a boost ({@code 0m}, {@code 25h}), or empty when it is a good
     * one or no duration at all.
     */
    public static Optional<String> problem(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        Duration d = read(m);
        if (d.isZero()) {
            return Optional.of("A boost needs at least 1 minute.");
        }
        if (d.compareTo(MAX) > 0) {
            return Optional.of("A boost can last at most 24 hours (" + Html.escape(text.trim()) + " is longer).");
        }
        return Optional.empty();
    }

    /** What to answer for a text {@link #parse} refused: what is wrong with it when it is a duration, then usage. */
    public static CommandException refusal(String text, String usage) {
        return problem(text).map(p -> new CommandException(p + "\nUsage: " + usage, "invalid"))
                .orElseGet(() -> CommandException.usage(usage));
    }

    private static Duration read(Matcher m) {
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Duration.ofHours(h).plusMinutes(min);
    }
}
