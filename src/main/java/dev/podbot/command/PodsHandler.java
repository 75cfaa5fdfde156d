package dev.podbot.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.podpoint.PodPointException;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.Pod;

/** /pods: every charger with its status, whether it may charge, its mode, whether it is online, and buttons. */
@ApplicationScoped
public class PodsHandler extends ChargerCommand {

    static final String USAGE = "/pods — your chargers: status, charging allowed, mode, online";

    /** Button data of "Refresh" under a /pods answered from {@link PodSnapshots}: a live read. */
    static final String REFRESH = "pods:refresh";

    @Inject
    PodSnapshots snapshots;

    public PodsHandler() {
        super(List.of("pods"), List.of("pods"), USAGE);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        Instant now = Instant.now();
        PodPointSession session = access.session(input.chatId());
        PodSnapshots.Snapshot recent = input.isButton() ? null
                : snapshots.fresh(input.chatId(), session.userId(), now);
        if (recent != null) {
            return PodsFromSnapshot.reply(recent, now);
        }
        List<Pod> pods = access.pods(session);
        if (pods.isEmpty()) {
            return ChatResponse.text("Your Pod Point account has no chargers.");
        }
        List<Reply> replies = new ArrayList<>();
        Map<Long, Boolean> online = new HashMap<>();
        for (Pod pod : pods) {
            Boolean on = online(session, pod);
            online.put(pod.unitId(), on);
            replies.add(Reply.of(describe(pod, on, now), buttons(pod, now)));
        }
        snapshots.put(input.chatId(), session.userId(), pods, online, now);
        return new ChatResponse(replies, false, null);
    }

    /** True/false from Pod Point's connectivity status, null when that call failed. */
    private Boolean online(PodPointSession session, Pod pod) {
        try {
            return podPoint.connectivity(session, pod).online();
        } catch (SignInRejectedException e) {
            throw e;
        } catch (PodPointException e) {
            return null;
        }
    }

    /** The text for one pod. {@code online} null means unknown. */
    public static String describe(Pod pod, Boolean online, Instant now) {
        ZoneId zone = Formats.zone(pod.timezone());
        ChargeMode mode = ChargeMode.of(pod.chargeOverride(), now);
        boolean named = pod.name() != null && !pod.name().isBlank();
        StringBuilder sb = new StringBuilder("🔌 ");
        if (named) {
            sb.append(Html.bold(pod.name().strip()));
            if (pod.ppid() != null) {
                sb.append(" · ").append(Html.code(pod.ppid()));
            }
        } else {
            sb.append(Html.code(PodAccess.label(pod)));
        }
        if (pod.modelName().isPresent()) {
            sb.append("\nModel: ").append(Html.escape(pod.modelName().get()));
        }
        if (pod.statuses().isEmpty()) {
            sb.append("\nStatus: unknown");
        }
        for (Pod.PodStatus s : pod.statuses()) {
            String label = s.label() != null ? s.label() : s.name() != null ? s.name() : s.keyName();
            sb.append('\n').append(s.door() != null ? "Door " + Html.escape(s.door()) : "Status").append(": ")
                    .append(Html.escape(label == null ? "unknown" : label));
        }
        boolean allowed = ChargingRules.chargingAllowed(mode, pod.chargeSchedules(), ZonedDateTime.ofInstant(now, zone));
        sb.append("\nCharging: ").append(allowed ? "✅ allowed" : "⛔ blocked")
                .append(allowed ? "" : ChargingRules.blockedBySchedules(pod.chargeSchedules())
                        ? " (/charge on allows it)" : " (outside the charging window)");
        sb.append("\nMode: ").append(mode(mode, zone));
        sb.append("\nOnline: ").append(online == null ? "unknown" : online ? "yes" : "no — offline");
        return sb.toString();
    }

    /** "Smart", "Manual" or "Boost until 19:30". */
    public static String mode(ChargeMode mode, ZoneId zone) {
        return switch (mode.kind()) {
            case SMART -> "Smart (follows the schedule)";
            case MANUAL -> "Manual (charges whenever plugged in)";
            case BOOST -> "Boost until " + Formats.time(mode.until(), zone);
        };
    }

    static List<List<Button>> buttons(Pod pod, Instant now) {
        String u = String.valueOf(pod.unitId());
        ChargeMode mode = ChargeMode.of(pod.chargeOverride(), now);
        List<Button> second = new ArrayList<>();
        second.add(mode.kind() == ChargeMode.Kind.BOOST ? new Button("Stop boost", "boost:stop:" + u)
                : new Button("Boost 1h", "boost:60:" + u));
        second.add(mode.kind() == ChargeMode.Kind.SMART ? new Button("Manual", "mode:manual:" + u)
                : new Button("Smart", "mode:smart:" + u));
        return List.of(
                List.of(new Button("Charge on", "charge:on:" + u), new Button("Charge off", "charge:off:" + u)),
                second,
                List.of(new Button("Charges", "charges:1:new")));
    }
}
