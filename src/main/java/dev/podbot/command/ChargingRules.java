package dev.podbot.command;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeSchedule;

/**
 * Whether a pod may charge right now, from its mode and weekly schedules (API doc §6.1): Manual mode or an active
 * boost → allowed; no schedules, or none active → allowed; otherwise allowed only while now is inside an active
 * window. Windows may cross midnight or wrap the week (Sunday → Monday).
 */
public final class ChargingRules {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    private ChargingRules() {
    }

    /** @param now the current time in the pod's time zone */
    public static boolean chargingAllowed(ChargeMode mode, List<ChargeSchedule> schedules, ZonedDateTime now) {
        if (mode != null && !mode.followsSchedule()) {
            return true;
        }
        if (schedules == null || schedules.isEmpty() || schedules.stream().noneMatch(ChargeSchedule::active)) {
            return true;
        }
        long t = (now.getDayOfWeek().getValue() - 1) * DAY + now.toLocalTime().toSecondOfDay();
        for (ChargeSchedule s : schedules) {
            if (s.active() && inside(s, t)) {
                return true;
            }
        }
        return false;
    }

    /** True when the schedules only keep charging blocked: every active window is a few seconds long. */
    public static boolean blockedBySchedules(List<ChargeSchedule> schedules) {
        List<ChargeSchedule> active = schedules == null ? List.of()
                : schedules.stream().filter(ChargeSchedule::active).toList();
        return !active.isEmpty() && active.stream().allMatch(s -> length(s) >= 0 && length(s) < 60);
    }

    /** The window's length in seconds, or -1 when its times are unreadable. */
    static long length(ChargeSchedule s) {
        long start = secondOfWeek(s.startDay(), s.startTime());
        long end = secondOfWeek(s.endDay(), s.endTime());
        if (start < 0 || end < 0) {
            return -1;
        }
        return end >= start ? end - start : end + WEEK - start;
    }

    private static boolean inside(ChargeSchedule s, long t) {
        long start = secondOfWeek(s.startDay(), s.startTime());
        long end = secondOfWeek(s.endDay(), s.endTime());
        if (start < 0 || end < 0) {
            return false;
        }
        if (end < start) {
            end += WEEK;
        }
        return (t >= start && t < end) || (t + WEEK >= start && t + WEEK < end);
    }

    private static long secondOfWeek(int day, String time) {
        if (day < 1 || day > 7 || time == null) {
            return -1;
        }
        try {
            return (day - 1) * DAY + LocalTime.parse(time.trim()).toSecondOfDay();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
