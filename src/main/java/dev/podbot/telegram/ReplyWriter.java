package dev.podbot.telegram;

import java.util.List;

import java.io.ByteArrayInputStream;

import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageMedia;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import dev.podbot.command.Attachment;
import dev.podbot.command.Button;
import dev.podbot.command.MessageSplitter;
import dev.podbot.command.Reply;
import io.quarkus.logging.Log;

/**
 * Turns a {@link Reply} into Bot API calls (sendMessage / editMessageText; sendPhoto / sendDocument /
 * editMessageMedia for a reply with a file) through the one sender.
 */
final class ReplyWriter {

    private ReplyWriter() {
    }

    /**
     * Sends a reply as new message(s); long texts are split, the buttons go on the last part. Returns the id of the
     * last message sent (null when Telegram did not say).
     */
    static Integer send(TelegramSender sender, long chatId, Reply reply) {
        return send(sender, chatId, reply, Lane.INTERACTIVE);
    }

    /** {@link #send(TelegramSender, long, Reply)} in the given lane. */
    static Integer send(TelegramSender sender, long chatId, Reply reply, Lane lane) {
        if (reply.hasAttachment()) {
            sendAttachment(sender, chatId, reply, lane);
            return null; // (no receipt follows a file)
        }
        List<String> parts = MessageSplitter.split(textOf(reply));
        Integer shownId = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(parts.get(i))
                    .parseMode(ParseMode.HTML);
            if (last && !reply.buttons().isEmpty()) {
                b.replyMarkup(keyboard(reply.buttons()));
            }
            Message m = sender.execute(chatId, new IdOnlySendMessage(b), true, lane);
            shownId = m == null ? null : m.getMessageId();
        }
        return shownId;
    }

    /**
     * Replaces the text (and buttons) of a bot message. "Message is not modified" is fine; any other refusal
     * sends the reply as a new message instead. Returns the id of the message that shows the reply.
     */
    static Integer edit(TelegramSender sender, long chatId, int messageId, Reply reply) {
        if (reply.hasAttachment()) {
            editMedia(sender, chatId, messageId, reply);
            return null; // (no receipt follows a file)
        }
        List<String> parts = MessageSplitter.split(textOf(reply));
        if (parts.size() > 1) {
            return send(sender, chatId, reply);
        }
        try {
            editInPlace(sender, chatId, messageId, reply);
            return messageId;
        } catch (TelegramRejectedException e) {
            Log.infof("Could not edit message %d in chat %d (%d); sending a new one", messageId, chatId,
                    e.errorCode());
            return send(sender, chatId, reply);
        }
    }

    /**
     * Replaces the text and buttons of a bot message in the interactive lane, never sending a new one. "Message is
     * not modified" (the same text and buttons again) is success, not an error; a text too long for one message is
     * cut at a safe point.
     *
     * @throws TelegramRejectedException when Telegram refuses the edit (e.g. the message was deleted)
     */
    static void editInPlace(TelegramSender sender, long chatId, int messageId, Reply reply) {
        List<String> parts = MessageSplitter.split(textOf(reply));
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder().chatId(chatId)
                .messageId(messageId).text(parts.get(0)).parseMode(ParseMode.HTML);
        if (!reply.buttons().isEmpty()) {
            b.replyMarkup(keyboard(reply.buttons()));
        }
        try {
            sender.execute(chatId, b.build(), true, Lane.INTERACTIVE);
        } catch (TelegramRejectedException e) {
            if (!e.isMessageNotModified()) {
                throw e;
            }
        }
    }

    /**
     * A photo or document with the reply's text as caption and the buttons under it. A caption longer than
     * Telegram's 1,024 characters goes in a message of its own after the file (the buttons stay on the file, so
     * they can edit it).
     */
    private static void sendAttachment(TelegramSender sender, long chatId, Reply reply, Lane lane) {
        Attachment a = reply.attachment();
        String caption = reply.text() == null || reply.text().isBlank() ? null : reply.text();
        boolean fits = caption == null || MessageSplitter.fitsCaption(caption);
        String shown = fits ? caption : null;
        if (a.isPhoto()) {
            sender.upload(chatId, SendPhoto.PATH, lane, c -> {
                SendPhoto.SendPhotoBuilder<?, ?> b = SendPhoto.builder().chatId(chatId).photo(file(a));
                if (shown != null) {
                    b.caption(shown).parseMode(ParseMode.HTML);
                }
                if (!reply.buttons().isEmpty()) {
                    b.replyMarkup(keyboard(reply.buttons()));
                }
                return c.execute(b.build());
            });
        } else {
            sender.upload(chatId, SendDocument.PATH, lane, c -> {
                SendDocument.SendDocumentBuilder<?, ?> b = SendDocument.builder().chatId(chatId).document(file(a));
                if (shown != null) {
                    b.caption(shown).parseMode(ParseMode.HTML);
                }
                if (!reply.buttons().isEmpty()) {
                    b.replyMarkup(keyboard(reply.buttons()));
                }
                return c.execute(b.build());
            });
        }
        if (!fits) {
            send(sender, chatId, Reply.of(caption), lane);
        }
    }

    /**
     * Replaces the file, caption and buttons of a bot message (a chart stepping to another period). When Telegram
     * refuses (the message has no media, or is too old), the reply goes out as a new message; "not modified" is fine.
     */
    private static void editMedia(TelegramSender sender, long chatId, int messageId, Reply reply) {
        Attachment a = reply.attachment();
        String caption = reply.text() == null || reply.text().isBlank() ? null : reply.text();
        if (caption != null && !MessageSplitter.fitsCaption(caption)) {
            send(sender, chatId, reply.asNew());
            return;
        }
        try {
            sender.upload(chatId, EditMessageMedia.PATH, Lane.INTERACTIVE, c -> {
                InputMedia media = a.isPhoto()
                        ? InputMediaPhoto.builder().media("attach://" + a.fileName()).build()
                        : InputMediaDocument.builder().media("attach://" + a.fileName()).build();
                media.setMedia(new ByteArrayInputStream(a.bytes()), a.fileName());
                if (caption != null) {
                    media.setCaption(caption);
                    media.setParseMode(ParseMode.HTML);
                }
                EditMessageMedia.EditMessageMediaBuilder<?, ?> b = EditMessageMedia.builder().chatId(chatId)
                        .messageId(messageId).media(media);
                if (!reply.buttons().isEmpty()) {
                    b.replyMarkup(keyboard(reply.buttons()));
                }
                return c.execute(b.build());
            });
        } catch (TelegramRejectedException e) {
            if (e.isMessageNotModified()) {
                return;
            }
            Log.infof("Could not edit the media of message %d in chat %d (%d); sending a new one", messageId, chatId,
                    e.errorCode());
            send(sender, chatId, reply.asNew());
        }
    }

    private static InputFile file(Attachment a) {
        return new InputFile(new ByteArrayInputStream(a.bytes()), a.fileName());
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
