package dev.podbot.command;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.home.PodHomeClient;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.receipt.Target;

/**
 * /boost DURATION|full [PPID], /boost stop [PPID] and /mode smart|scheduled|always|manual [PPID], with the buttons
 * {@code boost:<minutes>:<unitId>}, {@code boost:stop:<unitId>} and {@code mode:<mode>:<unitId>}.
 */
@ApplicationScoped
public class BoostHandler extends ChargerCommand {

    static final String BOOST_USAGE = "/boost 45m|2h|1h30m|full [PPID] — charge now for a while, whatever the "
            + "schedule (1 minute to 24 hours; full = 12 hours)";
    static final String STOP_USAGE = "/boost stop [PPID] — end a boost";
    static final String MODE_USAGE = "/mode smart|scheduled|always [PPID] — Smart lets Pod Point pick the times "
            + "(legacy accounts: follow the schedule); Scheduled follows your schedule; Always (or manual) charges "
            + "whenever plugged in";

    public BoostHandler() {
        super(List.of("boost", "mode"), List.of("boost", "mode"), BOOST_USAGE, STOP_USAGE, MODE_USAGE);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        String what = input.arg(0) == null ? null : input.arg(0).toLowerCase(Locale.ROOT);
        if (input.args().size() > 2 || what == null) {
            throw CommandException.usage("boost".equals(input.name()) ? BOOST_USAGE + "\n" + STOP_USAGE : MODE_USAGE);
        }
        Action action;
        if ("mode".equals(input.name())) {
            String mode = switch (what) {
                case "smart" -> "smart";
                case "scheduled", "schedule" -> "scheduled";
                case "always", "manual", "alwayson" -> "manual";
                default -> null;
            };
            if (mode == null) {
                throw CommandException.usage(MODE_USAGE);
            }
            action = new Action(mode, null);
        } else if (what.equals("stop") || what.equals("off")) {
            action = new Action("stop", null);
        } else {
            Optional<Duration> d = what.equals("full") ? Optional.of(PodHomeClient.FULL_CHARGE)
                    : input.isButton() ? minutes(what) : DurationParser.parse(what);
            if (d.isEmpty()) {
                throw DurationParser.refusal(what, BOOST_USAGE + "\n" + STOP_USAGE);
            }
            action = new Action("boost", d.get());
        }
        PodPointSession session = access.session(input.chatId());
        List<Pod> pods = access.pods(session);
        Pod pod;
        if (input.isButton()) {
            pod = PodAccess.byButton(pods, input.arg(1));
        } else {
            pod = PodAccess.forCommand(pods, input.arg(1));
            if (pod == null) {
                String prefix = input.name() + ":" + (action.boost() == null ? what
                        : String.valueOf(action.boost().toMinutes()));
                return PodAccess.choose(pods, "Which charger?", p -> prefix + ":" + p.unitId());
            }
        }
        String name = Html.bold(PodAccess.label(pod));
        ZoneId zone = Formats.zone(pod.timezone());
        String text;
        Change change;
        Target target;
        List<List<Button>> buttons = List.of();
        boolean home = pod.isHome();
        if (action.boost() != null) {
            change = podPoint.boost(session, pod, action.boost());
            OffsetDateTime until = change.until() != null ? change.until() : OffsetDateTime.now().plus(action.boost());
            text = "⚡ Boosting " + name + " for " + Formats.duration(action.boost()) + ", until "
                    + Formats.time(until, zone) + ", once the charger has it. Send /boost stop to end it sooner.";
            target = Target.boost(change.until() == null ? null : change.until().toInstant());
            buttons = List.of(List.of(new Button("⏹ Stop boost", "boost:stop:" + pod.unitId())));
        } else if (action.mode().equals("stop")) {
            change = podPoint.stopBoost(session, pod);
            text = !home ? "⏹ " + name + " goes back to Smart mode once the charger has it: it follows the schedule "
                    + "(boost stopped)."
                    : change.applied() ? "⏹ Boost stopped on " + name + " once the charger has it."
                    : "No boost is running on " + name + ", so nothing changed (Always on stays on; "
                            + "/mode scheduled ends it).";
            target = Target.boostStopped(home);
        } else if (action.mode().equals("manual")) {
            change = podPoint.manualMode(session, pod);
            text = "🔌 " + name + (home ? " goes to Always on mode" : " goes to Manual mode")
                    + " once the charger has it: it charges whenever plugged in, ignoring the schedule. Send /mode "
                    + (home ? "scheduled" : "smart") + " to go back.";
            target = Target.manual(home);
        } else if (action.mode().equals("scheduled")) {
            change = podPoint.scheduledMode(session, pod);
            text = "🗓 " + name + " follows your schedule" + (home ? " (Scheduled mode)" : " (Smart mode)")
                    + " once the charger has it.";
            target = Target.scheduled(home);
        } else {
            change = podPoint.smartMode(session, pod);
            text = home ? "🧠 " + name + " goes to Smart charging mode once the charger has it: Pod Point picks the "
                    + "cheapest times."
                    : "🗓 " + name + " goes back to Smart mode once the charger has it: it follows the schedule.";
            target = Target.smart(home);
        }
        return sent(input, pod, change, target, text + ChangeNotes.of(change), buttons);
    }

    private static Optional<Duration> minutes(String s) {
        try {
            long m = Long.parseLong(s);
            return m > 0 && m <= DurationParser.MAX.toMinutes() ? Optional.of(Duration.ofMinutes(m)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Action(String mode, Duration boost) {
    }
}
