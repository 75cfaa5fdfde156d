package dev.podbot.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.Attachment;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandException;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandInput;
import dev.podbot.command.Html;
import dev.podbot.command.PodAccess;
import dev.podbot.command.Reply;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.Pod;

/**
 * {@code /export [month|year|all|YYYY-MM|YYYY]} (default all): the charges as a CSV file ({@link ChargesCsv}), named like
 * {@code podpoint-charges-2026-11.csv}, for a spreadsheet or an employer's mileage claim.
 */
@ApplicationScoped
public class ExportHandler implements CommandHandler {

    static final String USAGE = "/export [month|year|all|YYYY-MM|YYYY] — your charges as a CSV file for a spreadsheet";

    @Inject
    PodAccess access;

    @Inject
    PodPointClient podPoint;

    @Inject
    StatsService stats;

    @Override
    public List<String> commands() {
        return List.of("export");
    }

    @Override
    public List<String> usage() {
        return List.of(USAGE);
    }

    /** {@code 2026-10} (a month) or {@code 2026} (a year), e.g. last month's report for an employer. */
    static StatsPeriod named(String what) {
        try {
            if (what.matches("\\d{4}-\\d{2}")) {
                return StatsPeriod.containing(StatsPeriod.Kind.MONTH, java.time.YearMonth.parse(what).atDay(1));
            }
            if (what.matches("\\d{4}")) {
                return StatsPeriod.containing(StatsPeriod.Kind.YEAR, java.time.LocalDate.of(Integer.parseInt(what), 1, 1));
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the usage
        }
        throw CommandException.usage(USAGE);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        if (input.args().size() > 1) {
            throw CommandException.usage(USAGE);
        }
        String what = input.arg(0) == null ? "all" : input.arg(0).toLowerCase(java.util.Locale.ROOT);
        StatsPeriod period = switch (what) {
            case "all" -> null;
            case "month" -> StatsPeriod.containing(StatsPeriod.Kind.MONTH, stats.today());
            case "year" -> StatsPeriod.containing(StatsPeriod.Kind.YEAR, stats.today());
            default -> named(what);
        };
        if (period != null && !period.startedBy(stats.today())) {
            throw new CommandException("📄 " + Html.escape(period.label()) + " hasn't begun yet — try /export month.");
        }
        PodPointSession session = access.session(input.chatId());
        List<Pod> pods = stats.pods(input.chatId(), session);
        List<Charge> charges = period == null ? podPoint.allCharges(session)
                : podPoint.chargesBetween(session, period.from(stats.zone()), period.to(stats.zone()));
        int rows = ChargesCsv.rowCount(charges);
        String scope = period == null ? "all your charges" : Html.escape(period.label());
        if (rows == 0) {
            return ChatResponse.text("📄 No finished charges to export for " + scope + ".");
        }
        String name = "podpoint-charges-" + (period == null ? "all" : period.fileStem()) + ".csv";
        byte[] csv = ChargesCsv.render(charges, pods, stats.zone());
        String caption = "📄 " + rows + (rows == 1 ? " charge" : " charges") + " — " + scope
                + ". Times are in " + Html.escape(stats.zone().getId()) + ", with their UTC offset.";
        return ChatResponse.of(Reply.withAttachment(Attachment.document(csv, name, ChargesCsv.MIME), caption, List.of()));
    }
}
