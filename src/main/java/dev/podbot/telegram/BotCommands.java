package dev.podbot.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import dev.podbot.command.MessageSplitter;

/** The Telegram command menu, built from the handlers' usage lines ("/name args — description"). */
final class BotCommands {

    private static final Pattern USAGE = Pattern.compile("^\\s*/([A-Za-z0-9_]{1,32})(?:@\\S+)?\\s[^—]*?—\\s*(\\S.*?)\\s*$");

    static final List<BotCommand> FALLBACK = List.of(
            new BotCommand("start", "Welcome and how to begin"),
            new BotCommand("help", "What the bot can do"),
            new BotCommand("login", "Link your Pod Point account"),
            new BotCommand("pods", "Your chargers and their status"),
            new BotCommand("charge", "Allow or block charging"),
            new BotCommand("charges", "Recent charges"),
            new BotCommand("logout", "Unlink your account and delete your data"));

    private BotCommands() {
    }

    static List<BotCommand> fromUsage(List<String> usageLines) {
        Map<String, BotCommand> out = new LinkedHashMap<>();
        for (String line : usageLines) {
            if (line == null) {
                continue;
            }
            Matcher m = USAGE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).toLowerCase();
            String description = m.group(2);
            description = MessageSplitter.cutPlain(description, 256);
            out.putIfAbsent(name, new BotCommand(name, description));
            if (out.size() == 100) {
                break;
            }
        }
        return out.isEmpty() ? FALLBACK : new ArrayList<>(out.values());
    }
}
