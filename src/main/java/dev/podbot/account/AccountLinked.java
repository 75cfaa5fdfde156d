package dev.podbot.account;

/**
 * A chat's Pod Point account was linked (new or again). Observers that want the committed row listen with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}; the poller then adds the account's poll state on its
 * next tick instead of looking for new accounts every second.
 */
public record AccountLinked(long chatId) {
}
