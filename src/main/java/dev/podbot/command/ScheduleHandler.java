package dev.podbot.command;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.receipt.Target;

/**
 * /schedule HH:MM HH:MM [PPID] (one daily window on all seven days), /schedule off [PPID] (charge any time) and
 * /schedule (show). Buttons {@code schedule:set:HHMM:HHMM:<unitId>} and {@code schedule:off:<unitId>}.
 */
@ApplicationScoped
public class ScheduleHandler extends ChargerCommand {

    static final String USAGE = "/schedule HH:MM HH:MM [PPID] — charge only in this window, every day";
    static final String OFF_USAGE = "/schedule off [PPID] — no schedule: charge whenever plugged in";
    static final String SHOW_USAGE = "/schedule — show the schedules";
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.h]?(\\d{2})");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    public ScheduleHandler() {
        super(List.of("schedule"), List.of("schedule"), USAGE, OFF_USAGE, SHOW_USAGE);
    }

    /** Reads "22:30", "7:05", "0730"; empty when it is not a time of day. */
    public static Optional<LocalTime> parseTime(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(s.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (h > 23 || min > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, min));
    }

    /** Why a text written like a time is not one ("25:00", "12:60"), or null when it is one or nothing like it. */
    public static String invalidTime(String s) {
        Matcher m = TIME.matcher(s == null ? "" : s.trim());
        if (!m.matches() || parseTime(s).isPresent()) {
            return null;
        }
        return Html.escape(s.trim()) + " isn't a time of day: use 00:00 to 23:59 (24-hour clock).";
    }

    /** Why a window is refused, or null when it is fine. */
    public static String invalidWindow(LocalTime start, LocalTime end) {
        if (!end.isAfter(start)) {
            return "The end time (" + HHMM.format(end) + ") must be after the start time (" + HHMM.format(start)
                    + ") on the same day — a window can't run past midnight. For night charging, use e.g. "
                    + "/schedule 00:30 05:30.";
        }
        return null;
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        List<String> args = input.args();
        if (input.isButton()) {
            return button(input);
        }
        if (args.isEmpty()) {
            PodPointSession session = access.session(input.chatId());
            return show(access.pods(session));
        }
        if (ChargeHandler.onOff(args.get(0)) == Boolean.FALSE || "none".equalsIgnoreCase(args.get(0))) {
            if (args.size() > 2) {
                throw CommandException.usage(OFF_USAGE);
            }
            PodPointSession session = access.session(input.chatId());
            List<Pod> pods = access.pods(session);
            Pod pod = PodAccess.forCommand(pods, input.arg(1));
            if (pod == null) {
                return PodAccess.choose(pods, "Which charger's schedule should I turn off?",
                        p -> "schedule:off:" + p.unitId());
            }
            return off(input, session, pod);
        }
        Optional<LocalTime> start = parseTime(input.arg(0));
        Optional<LocalTime> end = parseTime(input.arg(1));
        if (start.isEmpty() || end.isEmpty() || args.size() > 3) {
            String wrong = args.size() > 3 ? null : Optional.ofNullable(invalidTime(input.arg(0)))
                    .orElseGet(() -> invalidTime(input.arg(1)));
            throw wrong == null ? CommandException.usage(USAGE + "\n" + OFF_USAGE)
                    : new CommandException(wrong + "\nUsage: " + USAGE, "invalid");
        }
        String reason = invalidWindow(start.get(), end.get());
        if (reason != null) {
            throw new CommandException(reason, "invalid");
        }
        PodPointSession session = access.session(input.chatId());
        List<Pod> pods = access.pods(session);
        Pod pod = PodAccess.forCommand(pods, input.arg(2));
        if (pod == null) {
            String s = compact(start.get()), e = compact(end.get());
            return PodAccess.choose(pods, "Which charger should get this schedule?",
                    p -> "schedule:set:" + s + ":" + e + ":" + p.unitId());
        }
        return set(input, session, pod, start.get(), end.get());
    }

    private ChatResponse button(CommandInput input) {
        PodPointSession session = access.session(input.chatId());
        List<Pod> pods = access.pods(session);
        if ("off".equals(input.arg(0))) {
            return off(input, session, PodAccess.byButton(pods, input.arg(1)));
        }
        if ("set".equals(input.arg(0))) {
            Optional<LocalTime> start = parseTime(input.arg(1));
            Optional<LocalTime> end = parseTime(input.arg(2));
            if (start.isPresent() && end.isPresent() && invalidWindow(start.get(), end.get()) == null) {
                return set(input, session, PodAccess.byButton(pods, input.arg(3)), start.get(), end.get());
            }
        }
        throw new CommandException("That button doesn't work any more — send /schedule again.");
    }

    private ChatResponse set(CommandInput input, PodPointSession session, Pod pod, LocalTime start, LocalTime end) {
        Change change;
        try {
            change = podPoint.setDailySchedule(session, pod, start, end);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Html.escape(e.getMessage()), "invalid");
        }
        String text = "🗓 " + Html.bold(PodAccess.label(pod)) + " will charge every day from " + HHMM.format(start)
                + " to " + HHMM.format(end) + ", once the charger has the new schedule." + ChangeNotes.of(change);
        ChargeMode mode = ChargeMode.of(pod, Instant.now());
        if (!pod.isHome() && mode.kind() != ChargeMode.Kind.SMART) {
            text += "\nNote: it is in " + (mode.kind() == ChargeMode.Kind.BOOST ? "a boost" : "Manual mode")
                    + ", which ignores the schedule — send /mode smart to use it.";
        }
        return sent(input, pod, change, Target.window(pod.isHome(), start, end), text);
    }

    private ChatResponse off(CommandInput input, PodPointSession session, Pod pod) {
        Change change = podPoint.setChargingAllowed(session, pod, true);
        return sent(input, pod, change, Target.chargingAllowed(pod.isHome(), true), "🗓 Schedule off for "
                + Html.bold(PodAccess.label(pod)) + ": once the charger has it, it charges whenever plugged in."
                + (pod.isHome() ? "" : " Your window's times are kept.") + ChangeNotes.of(change));
    }

    private static String compact(LocalTime t) {
        return String.format(Locale.ROOT, "%02d%02d", t.getHour(), t.getMinute());
    }

    private ChatResponse show(List<Pod> pods) {
        if (pods.isEmpty()) {
            return ChatResponse.text("Your Pod Point account has no chargers.");
        }
        StringBuilder sb = new StringBuilder();
        Instant now = Instant.now();
        for (Pod pod : pods) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append("🗓 ").append(Html.bold(PodAccess.label(pod))).append('\n').append(describe(pod.chargeSchedules()));
            ChargeMode mode = ChargeMode.of(pod, now);
            boolean allowed = ChargingRules.chargingAllowed(mode, pod.chargeSchedules(),
                    ZonedDateTime.ofInstant(now, Formats.zone(pod.timezone())));
            sb.append("\nRight now: charging ").append(allowed ? "allowed" : "blocked");
            if (!mode.followsSchedule()) {
                sb.append(" (").append(PodsHandler.mode(mode, Formats.zone(pod.timezone()))).append(')');
            }
        }
        sb.append("\n\nChange it with /schedule HH:MM HH:MM, or /schedule off.");
        return ChatResponse.text(sb.toString());
    }

    /** Schedules in words: "Every day 00:30–05:30", "Mon 22:00 – Tue 06:00", "none"... */
    public static String describe(List<ChargeSchedule> schedules) {
        List<ChargeSchedule> active = schedules.stream().filter(ChargeSchedule::active).toList();
        if (active.isEmpty()) {
            return "No active schedule: charges whenever plugged in.";
        }
        if (ChargingRules.blockedBySchedules(schedules)) {
            return "Charging blocked (send /charge on to allow it).";
        }
        Map<String, List<Integer>> sameDay = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (ChargeSchedule s : active) {
            String st = hhmm(s.startTime()), en = hhmm(s.endTime());
            if (s.startDay() == s.endDay()) {
                sameDay.computeIfAbsent(st + "–" + en, k -> new ArrayList<>()).add(s.startDay());
            } else {
                other.add(day(s.startDay()) + " " + st + " – " + day(s.endDay()) + " " + en);
            }
        }
        List<String> lines = new ArrayList<>();
        sameDay.forEach((window, days) -> lines.add(
                (days.stream().distinct().count() == 7 ? "Every day" : String.join(", ",
                        days.stream().sorted().distinct().map(ScheduleHandler::day).toList())) + " " + window));
        lines.addAll(other);
        return "Charges only " + String.join("; ", lines) + ".";
    }

    private static String day(int d) {
        return d >= 1 && d <= 7 ? DAYS[d - 1] : "day " + d;
    }

    private static String hhmm(String time) {
        try {
            return HHMM.format(LocalTime.parse(time.trim()));
        } catch (DateTimeParseException | NullPointerException e) {
            return "?";
        }
    }
}
