package dev.podbot.telegram;

import java.util.List;

import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import dev.podbot.command.Button;
import dev.podbot.command.Reply;
import io.quarkus.logging.Log;

/** Turns a {@link Reply} into Bot API calls (sendMessage / editMessageText) through the one sender. */
final class ReplyWriter {

    private ReplyWriter() {
    }

    /** Sends a reply as new message(s); long texts are split, the buttons go on the last part. */
    static void send(TelegramSender sender, long chatId, Reply reply) {
        send(sender, chatId, reply, Lane.INTERACTIVE);
    }

    /** {@link #send(TelegramSender, long, Reply)} in the given lane. */
    static void send(TelegramSender sender, long chatId, Reply reply, Lane lane) {
        List<String> parts = MessageSplitter.split(textOf(reply));
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(parts.get(i))
                    .parseMode(ParseMode.HTML);
            if (last && !reply.buttons().isEmpty()) {
                b.replyMarkup(keyboard(reply.buttons()));
            }
            sender.execute(chatId, b.build(), true, lane);
        }
    }

    /**
     * Replaces the text (and buttons) of a bot message. "Message is not modified" is fine; any other refusal
     * sends the reply as a new message instead.
     */
    static void edit(TelegramSender sender, long chatId, int messageId, Reply reply) {
        List<String> parts = MessageSplitter.split(textOf(reply));
        if (parts.size() > 1) {
            send(sender, chatId, reply);
            return;
        }
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder().chatId(chatId)
                .messageId(messageId).text(parts.get(0)).parseMode(ParseMode.HTML);
        if (!reply.buttons().isEmpty()) {
            b.replyMarkup(keyboard(reply.buttons()));
        }
        try {
            sender.execute(chatId, b.build(), true);
        } catch (TelegramRejectedException e) {
            if (e.isMessageNotModified()) {
                return;
            }
            Log.infof("Could not edit message %d in chat %d (%d); sending a new one", messageId, chatId,
                    e.errorCode());
            send(sender, chatId, reply);
        }
    }

    private static String textOf(Reply reply) {
        String t = reply.text();
        return t == null || t.isBlank() ? "…" : t;
    }

    static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        var b = InlineKeyboardMarkup.builder();
        for (List<Button> row : rows) {
            if (row.isEmpty()) {
                continue;
            }
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Button btn : row) {
                r.add(InlineKeyboardButton.builder().text(btn.text())
                        .callbackData(btn.data() == null ? btn.text() : btn.data()).build());
            }
            b.keyboardRow(r);
        }
        return b.build();
    }
}
