package dev.podbot.command;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.Pod;

/**
 * /boost DURATION [PPID], /boost stop [PPID] and /mode smart|manual [PPID], with the buttons
 * {@code boost:<minutes>:<unitId>}, {@code boost:stop:<unitId>} and {@code mode:smart|manual:<unitId>}.
 */
@ApplicationScoped
public class BoostHandler extends ChargerCommand {

    static final String BOOST_USAGE = "/boost 45m|2h|1h30m [PPID] — charge now for a while, whatever the schedule "
            + "(1 minute to 24 hours)";
    static final String STOP_USAGE = "/boost stop [PPID] — end a boost (back to Smart)";
    static final String MODE_USAGE = "/mode smart|manual [PPID] — Smart follows the schedule; Manual charges "
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
            if (!what.equals("smart") && !what.equals("manual")) {
                throw CommandException.usage(MODE_USAGE);
            }
            action = new Action(what, null);
        } else if (what.equals("stop") || what.equals("off")) {
            action = new Action("smart", null);
        } else {
            Optional<Duration> d = input.isButton() ? minutes(what) : DurationParser.parse(what);
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
        if (action.boost() != null) {
            ChargeOverride o = podPoint.boost(session, pod, action.boost());
            OffsetDateTime until = o != null && o.endsAt() != null ? o.endsAt()
                    : OffsetDateTime.now().plus(action.boost());
            text = "⚡ Boosting " + name + " for " + Formats.duration(action.boost()) + ", until "
                    + Formats.time(until, zone) + ". Send /boost stop to end it sooner.";
        } else if (action.mode().equals("manual")) {
            podPoint.manualMode(session, pod);
            text = "✅ " + name + " is in Manual mode: it charges whenever plugged in, ignoring the schedule. "
                    + "Send /mode smart to go back.";
        } else {
            podPoint.smartMode(session, pod);
            text = "✅ " + name + " is back in Smart mode: it follows the schedule"
                    + ("boost".equals(input.name()) ? " (boost stopped)." : ".");
        }
        return ChatResponse.text(text).withCallbackAnswer(input.isButton() ? "Sent to Pod Point" : null);
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
