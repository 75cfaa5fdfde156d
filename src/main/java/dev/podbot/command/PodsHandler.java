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

import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ConnectivityStatus;
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
        Map<Long, ConnectivityStatus> live = podPoint.connectivity(session, pods); // the pods' reads overlap
        for (Pod pod : pods) {
            ConnectivityStatus c = live.get(pod.unitId());
            Boolean on = c == null ? null : c.onlineOrNull();
            online.put(pod.unitId(), on);
            replies.add(Reply.of(describe(pod, on, now), buttons(pod, now)));
        }
        snapshots.put(input.chatId(), session.userId(), pods, online, now);
        return new ChatResponse(replies, false, null);
    }

    /** The text for one pod. {@code online} null means unknown. */
    public static String describe(Pod pod, Boolean online, Instant now) {
        ZoneId zone = Formats.zone(pod.timezone());
        ChargeMode mode = ChargeMode.of(pod, now);
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
        if (mode.kind() == ChargeMode.Kind.SMART && pod.isHome() || mode.kind() == ChargeMode.Kind.UNKNOWN) {
            sb.append("\nCharging: decided by ").append(mode.kind() == ChargeMode.Kind.SMART ? "Pod Point's smart plan"
                    : "Pod Point (mode changing)");
        } else sb.append("\nCharging: ").append(allowed ? "✅ allowed" : "⛔ blocked")
                .append(allowed ? "" : ChargingRules.blockedBySchedules(pod.chargeSchedules())
                        ? " (/charge on allows it)" : " (outside the charging window)");
        sb.append("\nMode: ").append(pod.isHome() ? homeMode(mode, zone) : mode(mode, zone));
        sb.append("\nOnline: ").append(online == null ? "unknown" : online ? "yes" : "no — offline");
        return sb.toString();
    }

    /** "Smart", "Manual" or "Boost until 19:30". */
    public static String mode(ChargeMode mode, ZoneId zone) {
        return switch (mode.kind()) {
            case SMART, SCHEDULED -> "Smart (follows the schedule)";
            case MANUAL -> "Manual (charges whenever plugged in)";
            case BOOST -> "Boost until " + Formats.time(mode.until(), zone);
            case UNKNOWN -> "unknown";
        };
    }

    /** The Pod Home app's names (API doc §10.19): Smart charging, Scheduled, Always on, Boost. */
    public static String homeMode(ChargeMode mode, ZoneId zone) {
        return switch (mode.kind()) {
            case SMART -> "Smart charging (Pod Point picks the times)";
            case SCHEDULED -> "Scheduled (follows your schedule)";
            case MANUAL -> "Always on (charges whenever plugged in)";
            case BOOST -> "Boost until " + Formats.time(mode.until(), zone);
            case UNKNOWN -> "changing (Pod Point has not confirmed it yet)";
        };
    }

    static List<List<Button>> buttons(Pod pod, Instant now) {
        String u = String.valueOf(pod.unitId());
        ChargeMode mode = ChargeMode.of(pod, now);
        List<Button> second = new ArrayList<>();
        second.add(mode.kind() == ChargeMode.Kind.BOOST ? new Button("Stop boost", "boost:stop:" + u)
                : new Button("Boost 1h", "boost:60:" + u));
        if (pod.isHome()) {
            second.add(mode.kind() == ChargeMode.Kind.SMART ? new Button("Scheduled", "mode:scheduled:" + u)
                    : new Button("Smart", "mode:smart:" + u));
        } else {
            second.add(mode.kind() == ChargeMode.Kind.SMART ? new Button("Manual", "mode:manual:" + u)
                    : new Button("Smart", "mode:smart:" + u));
        }
        return List.of(
                List.of(new Button("Charge on", "charge:on:" + u), new Button("Charge off", "charge:off:" + u)),
                second,
                List.of(new Button("Charges", "charges:1:new")));
    }
}
