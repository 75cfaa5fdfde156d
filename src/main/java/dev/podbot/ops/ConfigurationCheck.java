package dev.podbot.ops;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.podbot.BotConfig;
import dev.podbot.account.CredentialCipher;
import dev.podbot.telegram.BotToken;
import dev.podbot.telegram.TelegramConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks the settings a self-hoster writes by hand before any of the bot's own start-up work (Quarkus has only built
 * the configuration and migrated the database by then), and reports every problem at once, one line each: values
 * of the wrong type ({@link MalformedSettings}), then the token, key, URLs, webhook and port. Quarkus prints a
 * {@link ConfigurationException}'s message without a stack trace and exits with a non-zero code. Messages name the
 * environment variable and how to fix it, never its value.
 */
@ApplicationScoped
public class ConfigurationCheck {

    static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    static final String HEADLINE = "podpoint-bot cannot start. Fix these settings (environment variables or .env)"
            + " and start it again:";

    /** Before every other start-up observer (the scheduler starts its jobs at priority 0). */
    static final int FIRST = -1000;

    void onStart(@Observes @Priority(FIRST) StartupEvent event, BotConfig bot, TelegramConfig telegram,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        // malformed typed settings first: their defaults stood in so that Quarkus could build its configuration
        List<String> problems = new ArrayList<>(malformed(ConfigProvider.getConfig()));
        problems.addAll(problems(bot, telegram));
        // Quarkus binds its port after start-up events; in dev and test mode the port may be our own from before
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            portProblem(host, port).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(message(problems));
        }
    }

    /** The typed settings whose values could not be read ({@link MalformedSettings}), one line each. */
    static List<String> malformed(Config config) {
        return config.getOptionalValue(MalformedSettings.PROBLEMS, String.class).map(s -> List.of(s.split("\n")))
                .orElse(List.of());
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
            webhookProblem(telegram).ifPresent(problems::add);
        }
        String key = bot.encryptionKey().map(String::trim).orElse("");
        if (!key.isEmpty() || !bot.demo()) {
            problems.addAll(CredentialCipher.keyProblems(key, bot.oldEncryptionKeys().orElse(List.of())));
        }
        return problems;
    }

    /** Webhook mode needs both settings; one alone would silently mean long polling. */
    static Optional<String> webhookProblem(TelegramConfig telegram) {
        boolean url = telegram.webhookUrl().filter(u -> !u.isBlank()).isPresent();
        Optional<String> secret = telegram.webhookSecret().filter(u -> !u.isBlank());
        if (url && secret.isEmpty()) {
            return Optional.of("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not: set both for webhook"
                    + " mode, or neither for long polling");
        }
        if (!url && secret.isPresent()) {
            return Optional.of("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: set both for webhook"
                    + " mode, or neither for long polling");
        }
        if (secret.isPresent() && !WEBHOOK_SECRET.matcher(secret.get()).matches()) {
            return Optional.of("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 of A-Z a-z 0-9 _ - (Telegram's rule)");
        }
        return Optional.empty();
    }

    /** Whether something else already listens on the HTTP port (Quarkus's own message does not name the setting). */
    static Optional<String> portProblem(String host, int port) {
        if (port <= 0) {
            return Optional.empty();
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (BindException e) {
            return Optional.of("Port " + port + " is already in use by another program (or another copy of the bot):"
                    + " stop it, or set QUARKUS_HTTP_PORT to a free port");
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // anything else is for Quarkus to report when it binds
        }
    }

    static String message(List<String> problems) {
        StringBuilder sb = new StringBuilder(HEADLINE);
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
