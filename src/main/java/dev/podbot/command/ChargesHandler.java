package dev.podbot.command;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.Pod;

/** /charges [page]: five charges a page, newest first; the Prev/Next buttons edit the message in place. */
@ApplicationScoped
public class ChargesHandler extends ChargerCommand {

    public static final int PER_PAGE = 5;
    static final String USAGE = "/charges [page] — your charges, newest first, five at a time";
    private static final int MAX_PAGE = 10_000;

    public ChargesHandler() {
        super(List.of("charges"), List.of("charges"), USAGE);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        int page;
        try {
            page = input.arg(0) == null ? 1 : Integer.parseInt(input.arg(0));
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 1 || page > MAX_PAGE || (!input.isButton() && input.args().size() > 1)) {
            if (input.isButton()) {
                throw new CommandException("That button doesn't work any more — send /charges again.");
            }
            throw CommandException.usage(USAGE);
        }
        PodPointSession session = access.session(input.chatId());
        ChargesPage result = podPoint.charges(session, page, PER_PAGE);
        List<Pod> pods = result.charges().isEmpty() ? List.of() : access.pods(session);
        Reply reply = render(result, page, pods);
        boolean edit = input.isButton() && !"new".equals(input.arg(1));
        return ChatResponse.of(edit ? reply.asEdit() : reply);
    }

    /** One page as a message with Prev/Next buttons. */
    public static Reply render(ChargesPage result, int page) {
        return render(result, page, List.of());
    }

    /**
     * One page; newest first by start time, at most one "in progress" entry per charger, and each entry names its
     * charger when the account has several.
     */
    public static Reply render(ChargesPage result, int page, List<Pod> pods) {
        List<Charge> charges = ordered(result.charges());
        ChargesPage.Pagination pg = result.pagination();
        Integer pageCount = pg == null ? null : pg.pageCount();
        if (charges.isEmpty()) {
            if (page == 1) {
                return Reply.of("No charges yet. They appear here once your car has been plugged in.");
            }
            return Reply.of("No more charges — that's all of them.",
                    List.of(List.of(new Button("« Newest", "charges:1"))));
        }
        StringBuilder sb = new StringBuilder("<b>Your charges</b>");
        sb.append(pageCount != null ? " (page " + page + " of " + Math.max(pageCount, page) + ")" : " (page " + page + ")");
        for (Charge c : charges) {
            sb.append("\n\n").append(describe(c));
            if (pods.size() > 1) {
                pods.stream().filter(c::belongsTo).findFirst()
                        .ifPresent(p -> sb.append("\n🔌 ").append(Html.escape(PodAccess.label(p))));
            }
        }
        boolean hasNext = pageCount != null ? page < pageCount : charges.size() >= PER_PAGE;
        List<Button> nav = new ArrayList<>();
        if (page > 1) {
            nav.add(new Button("‹ Prev", "charges:" + (page - 1)));
        }
        if (hasNext) {
            nav.add(new Button("Next ›", "charges:" + (page + 1)));
        }
        return Reply.of(sb.toString(), nav.isEmpty() ? List.of() : List.of(nav));
    }

    /** Newest first by start time; only the newest in-progress entry of each charger is kept. */
    static List<Charge> ordered(List<Charge> charges) {
        List<Charge> sorted = new ArrayList<>(charges);
        sorted.sort(java.util.Comparator.comparing((Charge c) -> c.startsAt() == null ? java.time.Instant.MIN
                : c.startsAt().toInstant()).reversed());
        java.util.Set<String> inProgress = new java.util.HashSet<>();
        List<Charge> out = new ArrayList<>();
        for (Charge c : sorted) {
            String key = c.ppid() != null ? c.ppid() : String.valueOf(c.podId());
            if (c.inProgress() && !inProgress.add(key)) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    /** One charge: when, energy, time plugged in, time charging and cost; or that it is still going. */
    public static String describe(Charge c) {
        ZoneId zone = Formats.zone(c.location() == null ? null : c.location().timezone());
        StringBuilder sb = new StringBuilder("<b>").append(Formats.dateTime(c.startsAt(), zone)).append("</b>");
        if (c.inProgress()) {
            sb.append(" ⚡ in progress\n").append(Formats.kwh(c.kwhUsed())).append(" so far");
            if (c.chargingSeconds() != null && c.chargingSeconds() > 0) {
                sb.append(" · charging ").append(Formats.seconds(c.chargingSeconds()));
            }
            return sb.toString();
        }
        sb.append('\n').append(Formats.kwh(c.kwhUsed())).append(" · ").append(Formats.money(c.energyCostPence(), c.currencyOrGbp()))
                .append("\nPlugged in ").append(Formats.minutes(c.pluggedInMinutes()))
                .append(" · charging ").append(Formats.seconds(c.chargingSeconds()));
        return sb.toString();
    }
}
