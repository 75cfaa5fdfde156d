package dev.podbot.stats;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import dev.podbot.account.AccountService;
import dev.podbot.command.ChatTransport.DeliveryFailedException;
import dev.podbot.command.Reply;
import dev.podbot.notify.EventKind;
import dev.podbot.notify.OutboxRenderer;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.PeriodTotals;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Draws the monthly digest when its outbox row is sent: last month's chart with its totals, compared with the
 * month before. Both months are read from Pod Point in one go (one period of two months).
 */
@ApplicationScoped
public class DigestRenderer implements OutboxRenderer {

    @Inject
    AccountService accounts;

    @Inject
    PodPointClient podPoint;

    @Inject
    StatsService stats;

    @Override
    public boolean handles(String kind) {
        return EventKind.MONTHLY_DIGEST.name().equals(kind);
    }

    @Override
    @ActivateRequestContext
    public Reply render(long chatId, String body) {
        YearMonth month;
        try {
            month = YearMonth.parse(body.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("not a digest month");
        }
        Optional<PodPointSession> session = QuarkusTransaction.requiringNew().call(() -> accounts.session(chatId));
        if (session.isEmpty()) {
            throw new DeliveryFailedException("chat " + chatId + " has no linked account", null);
        }
        List<Pod> pods = stats.pods(chatId, session.get());
        StatsPeriod shown = StatsPeriod.containing(StatsPeriod.Kind.MONTH, month.atDay(1));
        StatsPeriod before = shown.previous();
        List<Charge> charges = podPoint.chargesBetween(session.get(), before.from(stats.zone()), shown.to(stats.zone()));
        Optional<PeriodTotals> totals = ChargeStats.inPeriod(charges, shown, stats.zone()).isEmpty() ? Optional.empty()
                : podPoint.periodTotals(session.get(), pods, shown.start(), shown.lastDay());
        ChargeStats now = ChargeStats.of(shown, stats.zone(), charges, pods, totals);
        // the month before from the same source, so the comparison compares like with like
        Optional<PeriodTotals> thenTotals = totals.isEmpty() || ChargeStats.inPeriod(charges, before, stats.zone()).isEmpty()
                ? Optional.empty() : podPoint.periodTotals(session.get(), pods, before.start(), before.lastDay());
        ChargeStats then = ChargeStats.of(before, stats.zone(), charges, pods, thenTotals);
        return render(now, then);
    }

    /** The digest message: chart, caption with totals and the comparison; a short text for a month without charges. */
    Reply render(ChargeStats now, ChargeStats then) {
        Reply chart = stats.render(now);
        String head = "📬 <b>Monthly digest</b>\n";
        if (now.isEmpty()) {
            return Reply.of(head + "No finished charges in " + dev.podbot.command.Html.escape(now.period().label())
                    + ". " + StatsTexts.comparison(now, then), chart.buttons());
        }
        return Reply.withAttachment(chart.attachment(), head + chart.text() + "\n" + StatsTexts.comparison(now, then),
                chart.buttons());
    }
}
