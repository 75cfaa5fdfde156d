package dev.podbot.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import dev.podbot.command.ChatRequest;
import dev.podbot.command.ChatRequest.ChatType;

/**
 * Maps a Telegram {@link Update} to what the bot cares about. Reads the bot_command entity itself (TelegramBots
 * 10.2.0's {@code Message.isCommand()} is unreliable on freshly parsed messages) and strips the "@botname" suffix.
 */
final class UpdateMapper {

    private UpdateMapper() {
    }

    /**
     * @param botUsername our username (without @), or null when unknown; commands addressed to another bot
     *                    ("/start@otherbot") are ignored
     */
    static Optional<Incoming> map(Update u, String botUsername) {
        int id = u.getUpdateId() == null ? 0 : u.getUpdateId();
        if (u.getMessage() != null) {
            return message(id, u.getMessage(), botUsername);
        }
        if (u.getCallbackQuery() != null) {
            return button(id, u.getCallbackQuery());
        }
        if (u.getMyChatMember() != null) {
            return membership(id, u.getMyChatMember());
        }
        return Optional.empty();
    }

    private static Optional<ChatType> chatType(Chat chat) {
        if (chat == null || chat.getId() == null || chat.getType() == null) {
            return Optional.empty();
        }
        return switch (chat.getType().toLowerCase(Locale.ROOT)) {
            case "private" -> Optional.of(ChatType.PRIVATE);
            case "group", "supergroup" -> Optional.of(ChatType.GROUP);
            default -> Optional.empty(); // channels: not for us
        };
    }

    private static Optional<Incoming> message(int id, Message m, String botUsername) {
        Optional<ChatType> type = chatType(m.getChat());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        long chatId = m.getChat().getId();
        long userId = m.getFrom() != null && m.getFrom().getId() != null ? m.getFrom().getId() : chatId;
        if (m.getFrom() != null && Boolean.TRUE.equals(m.getFrom().getIsBot())) {
            return Optional.empty();
        }
        String text = m.getText();
        if (text == null) {
            text = ""; // sticker, photo, voice...: the command layer answers with a hint
        } else {
            String normalized = normalizeCommand(text, m.getEntities(), botUsername);
            if (normalized == null) {
                return Optional.empty(); // a command for another bot in a group
            }
            text = normalized;
        }
        ChatRequest r = ChatRequest.text(chatId, userId, type.get(), text, m.getMessageId());
        return Optional.of(new Incoming(id, Incoming.Kind.MESSAGE, chatId, r, null));
    }

    /** The text with "@botname" removed from a leading bot command; null when addressed to another bot. */
    static String normalizeCommand(String text, List<MessageEntity> entities, String botUsername) {
        int length = -1;
        if (entities != null) {
            for (MessageEntity e : entities) {
                if ("bot_command".equals(e.getType()) && e.getOffset() != null && e.getOffset() == 0
                        && e.getLength() != null) {
                    length = Math.min(e.getLength(), text.length());
                    break;
                }
            }
        }
        if (length < 0) {
            if (!text.startsWith("/")) {
                return text;
            }
            int end = 0;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            length = end;
        }
        String command = text.substring(0, length);
        int at = command.indexOf('@');
        if (at < 0) {
            return text;
        }
        String target = command.substring(at + 1);
        if (botUsername != null && !target.isEmpty() && !target.equalsIgnoreCase(botUsername)) {
            return null;
        }
        return command.substring(0, at) + text.substring(length);
    }

    private static Optional<Incoming> button(int id, CallbackQuery cq) {
        MaybeInaccessibleMessage msg = cq.getMessage();
        Optional<ChatType> type = msg == null ? Optional.empty() : chatType(msg.getChat());
        if (type.isEmpty() || cq.getData() == null) {
            // nothing to route, but the button must still be answered (it spins otherwise)
            return Optional.of(new Incoming(id, Incoming.Kind.BUTTON_WITHOUT_CHAT, 0, null, cq.getId()));
        }
        long chatId = msg.getChat().getId();
        long userId = cq.getFrom() != null && cq.getFrom().getId() != null ? cq.getFrom().getId() : chatId;
        ChatRequest r = ChatRequest.button(chatId, userId, type.get(), cq.getData(), msg.getMessageId());
        return Optional.of(new Incoming(id, Incoming.Kind.BUTTON, chatId, r, cq.getId()));
    }

    private static Optional<Incoming> membership(int id, ChatMemberUpdated cmu) {
        Optional<ChatType> type = chatType(cmu.getChat());
        if (type.isEmpty() || cmu.getNewChatMember() == null) {
            return Optional.empty();
        }
        String status = String.valueOf(cmu.getNewChatMember().getStatus()).toLowerCase(Locale.ROOT);
        long chatId = cmu.getChat().getId();
        if (type.get() == ChatType.PRIVATE && status.equals("kicked")) {
            return Optional.of(new Incoming(id, Incoming.Kind.BLOCKED, chatId, null, null));
        }
        if (type.get() == ChatType.PRIVATE && status.equals("member")) {
            return Optional.of(new Incoming(id, Incoming.Kind.UNBLOCKED, chatId, null, null));
        }
        if (type.get() == ChatType.GROUP && (status.equals("kicked") || status.equals("left"))) {
            return Optional.of(new Incoming(id, Incoming.Kind.BLOCKED, chatId, null, null));
        }
        return Optional.empty();
    }
}
