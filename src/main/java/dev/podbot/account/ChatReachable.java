package dev.podbot.account;

/** A chat that had blocked the bot can be reached again (its user wrote); fired after the change was committed. */
public record ChatReachable(long chatId) {
}
