package dev.podbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.account.AccountService;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Pod;

/**
 * The chat's own Pod Point session and chargers. Every pod a command or button names is looked up in the chat's
 * own pod list, so a forged button naming someone else's charger is refused.
 */
@ApplicationScoped
public class PodAccess {

    @Inject
    AccountService accounts;

    @Inject
    PodPointClient podPoint;

    public PodPointSession session(long chatId) {
        return accounts.session(chatId).orElseThrow(() -> new CommandException(
                "You haven't linked a Pod Point account yet — send /login", "no_account"));
    }

    /** Every pod of the chat's account, fully read. */
    public List<Pod> pods(PodPointSession session) {
        return podPoint.allPods(session, PodPointClient.FULL_INCLUDES);
    }

    /** The pod a user named by PPID (with or without "PSL-"), name, or id. */
    public static Optional<Pod> byName(List<Pod> pods, String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String r = ref.trim().toLowerCase(Locale.ROOT);
        for (Pod p : pods) {
            String ppid = p.ppid() == null ? "" : p.ppid().toLowerCase(Locale.ROOT);
            if (r.equals(ppid) || ("psl-" + r).equals(ppid) || r.equals(String.valueOf(p.unitId()))
                    || r.equals(String.valueOf(p.id()))
                    || (p.name() != null && r.equals(p.name().trim().toLowerCase(Locale.ROOT)))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The pod a button names by unit id; only the chat's own pods match. */
    public static Pod byButton(List<Pod> pods, String unitId) {
        if (unitId != null) {
            for (Pod p : pods) {
                if (String.valueOf(p.unitId()).equals(unitId)) {
                    return p;
                }
            }
        }
        throw new CommandException("That button isn't for one of your chargers, so I ignored it. "
                + "Send /pods to see yours.", "forged");
    }

    /**
     * The pod a text command means: the named one, the only one, or null when several exist and none is named
     * (then the caller offers one button per pod).
     */
    public static Pod forCommand(List<Pod> pods, String ref) {
        if (pods.isEmpty()) {
            throw new CommandException("Your Pod Point account has no chargers.", "no_pods");
        }
        if (ref != null) {
            return byName(pods, ref).orElseThrow(() -> new CommandException("You have no charger called "
                    + Html.code(ref) + ". Your chargers: " + names(pods) + "."));
        }
        return pods.size() == 1 ? pods.get(0) : null;
    }

    /** "Which charger?" with one button per pod. */
    public static ChatResponse choose(List<Pod> pods, String question, Function<Pod, String> data) {
        List<List<Button>> rows = new ArrayList<>();
        for (Pod p : pods) {
            rows.add(List.of(new Button(label(p), data.apply(p))));
        }
        return ChatResponse.of(Reply.of(question, rows));
    }

    public static String label(Pod p) {
        String name = p.displayName();
        return name == null ? String.valueOf(p.unitId()) : name;
    }

    static String names(List<Pod> pods) {
        return String.join(", ", pods.stream().map(p -> Html.escape(p.ppid() == null ? label(p) : p.ppid())).toList());
    }
}
