package dev.podbot.receipt;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.podbot.command.ChargingRules;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.Pod;

/**
 * What the charger should report once it has a change, and what charging should then do. Each part may be left
 * open ({@code ANY}, null). Stored as one short text ({@link #encode()}).
 *
 * @param override    the override the charger should have
 * @param smart       Pod Home: Smart charging on (true) or Basic (false); null = either
 * @param schedules   the schedules the charger should report
 * @param window      "HH:MM-HH:MM" for {@link Schedules#WINDOW}, else null
 * @param expect      what charging should do once the car is plugged in
 * @param until       for a boost, when it should end (Pod Point's time; the charger's override must end within a
 *                    minute of it, so an older boost never passes for this one); null = any end
 */
public record Target(Override override, Boolean smart, Schedules schedules, String window, Expect expect,
        Instant until) {

    /** How far a boost's end may be from the one asked for (times are rounded to the second on the way). */
    static final java.time.Duration UNTIL_SLACK = java.time.Duration.ofMinutes(1);

    public Target(Override override, Boolean smart, Schedules schedules, String window, Expect expect) {
        this(override, smart, schedules, window, expect, null);
    }

    /** The override part: none, open-ended (Manual / Always on), timed (boost) or either. */
    public enum Override { ANY, NONE, OPEN, TIMED }

    /**
     * The schedule part: every day the given window; blocked (Pod Home's 1-second windows); every schedule active
     * (legacy "block", which switches the user's own windows on); none active; or either.
     */
    public enum Schedules { ANY, WINDOW, BLOCKED, ALL_ACTIVE, NONE_ACTIVE }

    /** Charging once the change is in: on, off, as the schedules say now, or nothing to tell (smart plan). */
    public enum Expect { ON, OFF, BY_SCHEDULE, NONE }

    public Target {
        override = override == null ? Override.ANY : override;
        schedules = schedules == null ? Schedules.ANY : schedules;
        expect = expect == null ? Expect.NONE : expect;
    }

    // ---- the targets of the bot's commands (API doc §6 legacy, §10.20 Pod Home)

    /** /charge on|off (and /schedule off = on). */
    public static Target chargingAllowed(boolean home, boolean allowed) {
        if (home) {
            return allowed ? new Target(Override.OPEN, false, Schedules.ANY, null, Expect.ON)
                    : new Target(Override.NONE, false, Schedules.BLOCKED, null, Expect.OFF);
        }
        return new Target(Override.ANY, null, allowed ? Schedules.NONE_ACTIVE : Schedules.ALL_ACTIVE, null,
                Expect.BY_SCHEDULE);
    }

    /** /schedule HH:MM HH:MM. */
    public static Target window(boolean home, LocalTime start, LocalTime end) {
        return new Target(Override.ANY, home ? Boolean.FALSE : null, Schedules.WINDOW, hhmm(start) + "-" + hhmm(end),
                Expect.BY_SCHEDULE);
    }

    /** /boost DURATION, ending at {@code until} (null when not known). */
    public static Target boost(Instant until) {
        return new Target(Override.TIMED, null, Schedules.ANY, null, Expect.ON,
                until == null ? null : until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** /boost stop (legacy: back to Smart). */
    public static Target boostStopped(boolean home) {
        return new Target(home ? Override.ANY : Override.NONE, null, Schedules.ANY, null, Expect.BY_SCHEDULE);
    }

    /** /mode manual|always. */
    public static Target manual(boolean home) {
        return new Target(Override.OPEN, home ? Boolean.FALSE : null, Schedules.ANY, null, Expect.ON);
    }

    /** /mode scheduled (legacy: Smart = follow the schedule). */
    public static Target scheduled(boolean home) {
        return new Target(Override.NONE, home ? Boolean.FALSE : null, Schedules.ANY, null, Expect.BY_SCHEDULE);
    }

    /** /mode smart (Pod Home: Smart charging, Pod Point's plan decides). */
    public static Target smart(boolean home) {
        return home ? new Target(Override.ANY, true, Schedules.ANY, null, Expect.NONE) : scheduled(false);
    }

    // ---- matching

    /** True when the override part needs the charger's acknowledgement ({@code receivedAt}). */
    public boolean needsOverrideReceipt() {
        return override == Override.OPEN || override == Override.TIMED;
    }

    /** True when the pod reports this target's state (the override, Smart/Basic and the schedules). */
    public boolean reportedBy(Pod pod, Instant now) {
        ChargeOverride o = pod.chargeOverride();
        boolean overrideOk = switch (override) {
            case ANY -> true;
            case NONE -> {
                ChargeMode.Kind k = ChargeMode.of(o, now).kind();
                yield k != ChargeMode.Kind.MANUAL && k != ChargeMode.Kind.BOOST;
            }
            case OPEN -> o != null && o.requestedAt() != null && o.endsAt() == null && o.receivedAt() != null;
            case TIMED -> o != null && o.endsAt() != null && o.receivedAt() != null && (until == null
                    || java.time.Duration.between(until, o.endsAt().toInstant()).abs().compareTo(UNTIL_SLACK) <= 0);
        };
        if (!overrideOk) {
            return false;
        }
        if (smart != null && !smart.equals(pod.smartCharging())) {
            return false;
        }
        List<ChargeSchedule> s = pod.chargeSchedules();
        return switch (schedules) {
            case ANY -> true;
            case BLOCKED -> ChargingRules.blockedBySchedules(s);
            case NONE_ACTIVE -> s.stream().noneMatch(ChargeSchedule::active);
            case ALL_ACTIVE -> !s.isEmpty() && s.stream().allMatch(ChargeSchedule::active);
            case WINDOW -> everyDay(s, window);
        };
    }

    /** Whether charging should run now, given the confirmed state; null when that can't be told. */
    public Boolean chargingExpected(Pod pod, Instant now, ZoneId zone) {
        return switch (expect) {
            case ON -> Boolean.TRUE;
            case OFF -> Boolean.FALSE;
            case NONE -> null;
            case BY_SCHEDULE -> {
                ChargeMode mode = ChargeMode.of(pod, now);
                if (mode.kind() == ChargeMode.Kind.UNKNOWN || pod.isHome() && mode.kind() == ChargeMode.Kind.SMART) {
                    yield null; // Pod Point's smart plan decides
                }
                yield ChargingRules.chargingAllowed(mode, pod.chargeSchedules(), now.atZone(zone));
            }
        };
    }

    private static boolean everyDay(List<ChargeSchedule> schedules, String window) {
        if (window == null || window.indexOf('-') < 0) {
            return false;
        }
        String start = window.substring(0, window.indexOf('-'));
        String end = window.substring(window.indexOf('-') + 1);
        boolean[] days = new boolean[8];
        for (ChargeSchedule s : schedules) {
            if (!s.active()) {
                continue;
            }
            if (!start.equals(hhmm(s.startTime())) || !end.equals(hhmm(s.endTime())) || s.startDay() < 1
                    || s.startDay() > 7) {
                return false;
            }
            days[s.startDay()] = true;
        }
        for (int d = 1; d <= 7; d++) {
            if (!days[d]) {
                return false;
            }
        }
        return true;
    }

    private static String hhmm(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    private static String hhmm(String time) {
        try {
            return time == null ? "" : hhmm(LocalTime.parse(time.trim()));
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    // ---- storage

    /** "o=TIMED;s=;sc=ANY;w=;e=ON;u=1796000000". */
    public String encode() {
        return "o=" + override + ";s=" + (smart == null ? "" : smart) + ";sc=" + schedules + ";w="
                + (window == null ? "" : window) + ";e=" + expect + ";u=" + (until == null ? "" : until.getEpochSecond());
    }

    /** Reads {@link #encode()}; unknown or missing parts are left open. */
    public static Target decode(String s) {
        Map<String, String> m = new HashMap<>();
        for (String part : (s == null ? "" : s).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new Target(parse(Override.class, m.get("o")), m.getOrDefault("s", "").isEmpty() ? null
                : Boolean.valueOf(m.get("s")), parse(Schedules.class, m.get("sc")),
                m.getOrDefault("w", "").isEmpty() ? null : m.get("w"), parse(Expect.class, m.get("e")),
                epoch(m.get("u")));
    }

    private static Instant epoch(String v) {
        try {
            return v == null || v.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v) {
        try {
            return v == null || v.isEmpty() ? null : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The later of two charger times (either may be null). */
    static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
