package dev.podbot.stats;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandException;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandInput;
import dev.podbot.command.PodAccess;
import dev.podbot.command.Reply;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Pod;

/**
 * {@code /stats [week|month|year]} (default month): a chart of the period's charging with its totals as caption.
 * Its buttons ({@code stats:<w|m|y>:<first day>[:t]}) step to the previous or next period or switch the kind by
 * editing the same message's photo (editMessageMedia); an empty period is a friendly text instead of a chart.
 */
@ApplicationScoped
public class StatsHandler implements CommandHandler {

    static final String USAGE = "/stats [week|month|year] — a chart of your charging and what it cost";

    @Inject
    PodAccess access;

    @Inject
    StatsService stats;

    @Override
    public List<String> commands() {
        return List.of("stats");
    }

    @Override
    public List<String> buttonPrefixes() {
        return List.of("stats");
    }

    @Override
    public List<String> usage() {
        return List.of(USAGE);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        StatsPeriod period;
        if (input.isButton()) {
            Optional<StatsPeriod> p = StatsPeriod.fromButton(input.arg(0), input.arg(1));
            if (p.isEmpty() || !p.get().startedBy(stats.today())) {
                throw new CommandException("That button doesn't work any more — send /stats again.");
            }
            period = p.get();
        } else {
            if (input.args().size() > 1) {
                throw CommandException.usage(USAGE);
            }
            StatsPeriod.Kind kind = input.arg(0) == null ? StatsPeriod.Kind.MONTH
                    : StatsPeriod.Kind.parse(input.arg(0)).orElseThrow(() -> CommandException.usage(USAGE));
            period = StatsPeriod.containing(kind, stats.today());
        }
        PodPointSession session = access.session(input.chatId());
        List<Pod> pods = stats.pods(input.chatId(), session);
        ChargeStats s = stats.stats(session, pods, period);
        Reply reply = stats.render(s);
        if (!input.isButton()) {
            return ChatResponse.of(reply);
        }
        // a chart replaces a chart in place (editMessageMedia), a text a text (editMessageText); across kinds a
        // message can't change (a photo message can't become text and back), so the answer comes as a new message
        boolean onText = StatsService.ON_TEXT.equals(input.arg(2));
        boolean sameKind = s.isEmpty() == onText;
        return ChatResponse.of(sameKind ? reply.asEdit() : reply)
                .withCallbackAnswer(s.isEmpty() ? "No charges in " + period.label() : period.label());
    }
}
