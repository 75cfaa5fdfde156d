package dev.podbot.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.podbot.command.Attachment;
import dev.podbot.command.Button;
import dev.podbot.command.PodAccess;
import dev.podbot.command.PodSnapshots;
import dev.podbot.command.Reply;
import dev.podbot.notify.NotifyClock;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.PeriodTotals;
import dev.podbot.podpoint.model.Pod;

/**
 * Reads a period's charges (and, on Pod Home, Pod Point's own totals) and turns them into a chart with its caption
 * and buttons. Periods are calendar periods in {@code NOTIFY_TIMEZONE} (Europe/London by default); "today" comes
 * from the notification clock, so tests choose the date.
 */
@ApplicationScoped
public class StatsService {

    @Inject
    PodPointClient podPoint;

    @Inject
    NotifyClock clock;

    @Inject
    PodAccess access;

    @Inject
    PodSnapshots snapshots;

    @ConfigProperty(name = "notify.timezone", defaultValue = "Europe/London")
    ZoneId zone;

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return clock.now().atZone(zone).toLocalDate();
    }

    /**
     * The account's chargers, for names and PPIDs: from the last poll when it is recent (as /pods answers), else
     * read live.
     */
    public List<Pod> pods(long chatId, PodPointSession session) {
        PodSnapshots.Snapshot recent = snapshots.fresh(chatId, session.userId(), java.time.Instant.now());
        return recent != null ? recent.pods() : access.pods(session);
    }

    /** The period's stats: its charges read from Pod Point (no more than the period needs), and its totals. */
    public ChargeStats stats(PodPointSession session, List<Pod> pods, StatsPeriod period) {
        List<Charge> charges = podPoint.chargesBetween(session, period.from(zone), period.to(zone));
        Optional<PeriodTotals> totals = ChargeStats.inPeriod(charges, period, zone).isEmpty() ? Optional.empty()
                : podPoint.periodTotals(session, pods, period.start(), period.lastDay());
        return ChargeStats.of(period, zone, charges, pods, totals);
    }

    /** The chart with its caption and period buttons, or the friendly text (with the same buttons) for an empty period. */
    public Reply render(ChargeStats stats) {
        if (stats.isEmpty()) {
            return Reply.of(StatsTexts.empty(stats.period()), buttons(stats.period(), true));
        }
        List<List<Button>> buttons = buttons(stats.period(), false);
        return Reply.withAttachment(Attachment.photo(StatsChart.png(stats), fileName(stats.period())),
                StatsTexts.caption(stats), buttons);
    }

    /** Button data suffix: the button sits on a text message, not on a chart. */
    static final String ON_TEXT = "t";

    static String fileName(StatsPeriod p) {
        return "podpoint-stats-" + p.fileStem() + ".png";
    }

    /**
     * ◀ previous · next ▶ (only up to the current period), then Week · Month · Year (the shown kind marked). On a
     * text message (an empty period) the data ends in {@value #ON_TEXT}: a chart can't replace a text message
     * (editMessageMedia needs a message with media), so the handler sends it as a new message instead.
     */
    List<List<Button>> buttons(StatsPeriod p, boolean onText) {
        String suffix = onText ? ":" + ON_TEXT : "";
        LocalDate today = today();
        List<Button> step = new ArrayList<>();
        step.add(new Button("◀ " + p.previous().label(), p.previous().buttonData() + suffix));
        if (p.next().startedBy(today)) {
            step.add(new Button(p.next().label() + " ▶", p.next().buttonData() + suffix));
        }
        List<Button> kinds = new ArrayList<>();
        LocalDate anchor = p.lastDay().isBefore(today) ? p.lastDay() : today;
        if (p.start().isAfter(anchor)) {
            anchor = p.start();
        }
        for (StatsPeriod.Kind k : StatsPeriod.Kind.values()) {
            StatsPeriod other = StatsPeriod.containing(k, anchor);
            String word = Character.toUpperCase(k.word().charAt(0)) + k.word().substring(1);
            kinds.add(new Button(k == p.kind() ? "• " + word + " •" : word, other.buttonData() + suffix));
        }
        return List.of(step, kinds);
    }
}
