package dev.podbot.ops;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.podbot.BotConfig;
import dev.podbot.account.CredentialCipher;
import dev.podbot.telegram.BotToken;
import dev.podbot.telegram.TelegramConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks the settings a self-hoster writes by hand before anything else starts, and reports every problem at once,
 * one line each. Quarkus prints a {@link ConfigurationException}'s message without a stack trace and exits with a
 * non-zero code. Messages name the setting and how to fix it, never its value.
 */
@ApplicationScoped
public class ConfigurationCheck {

    static final String HEADLINE = "podpoint-bot cannot start. Fix these settings (environment variables or .env)"
            + " and start it again:";

    void onStart(@Observes @Priority(0) StartupEvent event, BotConfig bot, TelegramConfig telegram) {
        List<String> problems = problems(bot, telegram);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(message(problems));
        }
    }

    static List<String> problems(BotConfig bot, TelegramConfig telegram) {
        List<String> problems = new ArrayList<>();
        if (telegram.enabled()) {
            String token = telegram.botToken().map(String::trim).orElse("");
            if (!token.isEmpty() || !bot.demo()) {
                BotToken.problem(token).ifPresent(problems::add);
            }
            try {
                telegram.telegramUrl();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        String key = bot.encryptionKey().map(String::trim).orElse("");
        if (!key.isEmpty() || !bot.demo()) {
            problems.addAll(CredentialCipher.keyProblems(key, bot.oldEncryptionKeys().orElse(List.of())));
        }
        return problems;
    }

    static String message(List<String> problems) {
        StringBuilder sb = new StringBuilder(HEADLINE);
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
