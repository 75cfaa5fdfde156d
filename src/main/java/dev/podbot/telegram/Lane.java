package dev.podbot.telegram;

/**
 * The two lanes out to Telegram. A person waits for an {@link #INTERACTIVE} call (the reply to their message, the
 * edit after a button press, the answer to the press), so it goes out as soon as Telegram's limits allow and
 * retries server errors for up to a minute. {@link #BULK} calls (notifications) use the capacity interactive calls
 * leave and are evenly paced; the outbox retries them later when Telegram is down.
 */
public enum Lane {
    INTERACTIVE,
    BULK
}
