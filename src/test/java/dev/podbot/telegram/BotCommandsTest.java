package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

class BotCommandsTest {

    @Test
    void takesNameAndDescriptionFromUsageLines() {
        List<BotCommand> c = BotCommands.fromUsage(List.of("/pods — list your chargers",
                "/charge on|off [ppid] — allow or block charging", "broken line", "/Bad-Name — nope",
                "/pods — duplicate"));
        assertEquals(List.of("pods", "charge"), c.stream().map(BotCommand::getCommand).toList());
        assertEquals("allow or block charging", c.get(1).getDescription());
    }

    @Test
    void fallsBackToAStaticMenu() {
        assertEquals(BotCommands.FALLBACK, BotCommands.fromUsage(List.of()));
        assertEquals(BotCommands.FALLBACK, BotCommands.fromUsage(List.of("no slash — here")));
    }
}
