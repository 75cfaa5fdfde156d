package dev.podbot.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a Telegram bot token looks like, and what to tell someone whose TELEGRAM_BOT_TOKEN is missing or wrong. */
public final class BotToken {

    /**
     * The bot's numeric id, a colon, and (today) 35 characters of A-Z a-z 0-9 _ -. Telegram's own documented
     * examples have 34, so a little slack either way: a real token must never be refused for its length.
     */
    static final Pattern SHAPE = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{8,50}");

    static final String MISSING = "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather (/newbot) and set the"
            + " token it gives you (or BOT_DEMO=true to try the bot without Telegram)";
    static final String MALFORMED = "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then about"
            + " 35 letters, digits, _ or -): copy it again from @BotFather (/mybots, API Token)";
    static final String REJECTED = "Telegram refused TELEGRAM_BOT_TOKEN (%s): the token is wrong or was revoked."
            + " Copy it again from @BotFather (/mybots, API Token) and restart";

    private BotToken() {
    }

    /** The problem with a configured token, never quoting it; empty when it has the right shape. */
    public static Optional<String> problem(String token) {
        if (token == null || token.isBlank()) {
            return Optional.of(MISSING);
        }
        return SHAPE.matcher(token.trim()).matches() ? Optional.empty() : Optional.of(MALFORMED);
    }
}
