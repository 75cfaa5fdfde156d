package dev.podbot.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.ChatTransport;
import dev.podbot.command.Reply;

/** Notifications into Telegram chats, through the same rate-limited sender as replies, in its bulk lane. */
@ApplicationScoped
public class TelegramChatTransport implements ChatTransport {

    @Inject
    TelegramTransport transport;

    @Override
    public boolean handles(long chatId) {
        return transport.isRunning();
    }

    @Override
    public void deliver(long chatId, Reply reply) {
        TelegramSender sender;
        try {
            sender = transport.sender();
        } catch (IllegalStateException e) {
            throw new DeliveryFailedException("the Telegram transport is not running", null);
        }
        try {
            ReplyWriter.send(sender, chatId, reply, Lane.BULK);
        } catch (TelegramRejectedException e) {
            if (e.errorCode() == 400 && e.description().toLowerCase().contains("chat not found")) {
                throw new ChatUnreachableException("Telegram chat " + chatId + " not found");
            }
            throw new DeliveryFailedException("Telegram refused the message (" + e.errorCode() + ")", null);
        }
    }
}
