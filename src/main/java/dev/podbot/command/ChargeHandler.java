package dev.podbot.command;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.receipt.Target;

/** /charge on|off [PPID] and the buttons {@code charge:on:<unitId>} / {@code charge:off:<unitId>}. */
@ApplicationScoped
public class ChargeHandler extends ChargerCommand {

    static final String USAGE = "/charge on|off [PPID] — allow or block charging";

    public ChargeHandler() {
        super(List.of("charge"), List.of("charge"), USAGE);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        Boolean allow = onOff(input.arg(0));
        if (allow == null || input.args().size() > 2) {
            throw CommandException.usage(USAGE);
        }
        PodPointSession session = access.session(input.chatId());
        List<Pod> pods = access.pods(session);
        Pod pod;
        if (input.isButton()) {
            pod = PodAccess.byButton(pods, input.arg(1));
        } else {
            pod = PodAccess.forCommand(pods, input.arg(1));
            if (pod == null) {
                String word = allow ? "on" : "off";
                return PodAccess.choose(pods, "Which charger should I switch " + word + "?",
                        p -> "charge:" + word + ":" + p.unitId());
            }
        }
        Change change = podPoint.setChargingAllowed(session, pod, allow);
        StringBuilder sb = new StringBuilder(allow ? "▶️ Charging allowed on " : "⛔ Charging blocked on ")
                .append(Html.bold(PodAccess.label(pod))).append(allow
                        ? " as soon as the charger has it: it will then charge whenever plugged in."
                        : " as soon as the charger has it, until you send /charge on.");
        sb.append(ChangeNotes.of(change));
        ChargeMode mode = ChargeMode.of(pod, Instant.now());
        if (!allow && !pod.isHome() && mode.kind() != ChargeMode.Kind.SMART) {
            sb.append("\nNote: the charger is in ").append(mode.kind() == ChargeMode.Kind.BOOST ? "a boost" : "Manual mode")
                    .append(", which ignores schedules — send /mode smart for the block to take effect.");
        }
        Button undo = allow ? new Button("⛔ Block charging", "charge:off:" + pod.unitId())
                : new Button("▶️ Allow charging", "charge:on:" + pod.unitId());
        return sent(input, pod, change, Target.chargingAllowed(pod.isHome(), allow), sb.toString(),
                List.of(List.of(undo)));
    }

    static Boolean onOff(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on", "allow", "yes" -> Boolean.TRUE;
            case "off", "block", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
