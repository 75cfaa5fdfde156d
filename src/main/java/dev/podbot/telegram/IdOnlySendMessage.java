package dev.podbot.telegram;

import java.io.IOException;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A sendMessage whose answer is read only for what we use of it: the sent message's id (a reply's receipt edits
 * that message later). TelegramBots would read the whole echoed message (its text, entities, chat and sender) into
 * objects through reflection on every reply and notification; this reads the answer once as a token stream and
 * builds a {@link Message} that holds only {@code message_id} (issue 11: less garbage per reply).
 * Anything but {@code {"ok":true,"result":{…"message_id":N…}}} goes to the library's own reading, which raises its
 * usual {@link TelegramApiRequestException} (error code, retry_after, migrate_to_chat_id).
 */
@RegisterForReflection // Jackson writes it as the request body (native image)
final class IdOnlySendMessage extends SendMessage {

    private static final JsonFactory JSON = new JsonFactory();

    IdOnlySendMessage(SendMessageBuilder<?, ?> builder) {
        super(builder);
    }

    @Override
    public Message deserializeResponse(String answer) throws TelegramApiRequestException {
        Integer id = sentMessageId(answer);
        return id == null ? super.deserializeResponse(answer) : Message.builder().messageId(id).build();
    }

    /** The {@code result.message_id} of a successful answer, or null for anything else. */
    static Integer sentMessageId(String answer) {
        boolean ok = false;
        Integer id = null;
        try (JsonParser p = JSON.createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("ok".equals(field)) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if ("result".equals(field) && value == JsonToken.START_OBJECT) {
                    id = messageId(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // not JSON we understand: the library's reading reports it
        }
        return ok ? id : null;
    }

    /** Reads the result object (the parser is on its START_OBJECT) to its end; its top-level message_id. */
    private static Integer messageId(JsonParser p) throws IOException {
        Integer id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("message_id".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                id = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        return id;
    }
}
