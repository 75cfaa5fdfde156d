package dev.podbot.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.ChatTransport;
import dev.podbot.command.Reply;
import io.quarkus.logging.Log;

/**
 * Notifications into Telegram chats, through the same rate-limited sender as replies, in its bulk lane; edits of
 * earlier messages (change receipts) in the interactive lane.
 */
@ApplicationScoped
public class TelegramChatTransport implements ChatTransport {

    @Inject
    TelegramTransport transport;

    @Override
    public boolean handles(long chatId) {
        return transport.isRunning();
    }

    @Override
    public boolean ready() {
        return transport.isConnected();
    }

    @Override
    public void deliver(long chatId, Reply reply) {
        TelegramSender sender = runningSender();
        try {
            ReplyWriter.send(sender, chatId, reply, Lane.BULK);
        } catch (TelegramRejectedException e) {
            if (e.errorCode() == 400 && e.description().toLowerCase().contains("chat not found")) {
                throw new ChatUnreachableException("Telegram chat " + chatId + " not found");
            }
            throw new DeliveryFailedException("Telegram refused the message (" + e.errorCode() + ")", null);
        }
    }

    /** editMessageText in the interactive lane (a person watches this message change); see {@link ReplyWriter#editInPlace}. */
    @Override
    public boolean edit(long chatId, int messageId, Reply reply) {
        TelegramSender sender = runningSender();
        try {
            ReplyWriter.editInPlace(sender, chatId, messageId, reply);
            return true;
        } catch (TelegramRejectedException e) {
            // deleted, too old to edit, or otherwise refused: trying again would not help
            Log.infof("Telegram refused to edit message %d in chat %d (%d)", messageId, chatId, e.errorCode());
            return false;
        }
    }

    /** The transport's sender; a transport that is not running fails the delivery (it is retried later). */
    private TelegramSender runningSender() {
        try {
            return transport.sender();
        } catch (IllegalStateException e) {
            throw new DeliveryFailedException("the Telegram transport is not running", null);
        }
    }
}
