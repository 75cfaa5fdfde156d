package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import dev.podbot.command.ChatRequest.ChatType;

class UpdateMapperTest {

    static Optional<Incoming> map(String json) throws Exception {
        Update u = TelegramApi.objectMapper().readValue(json, Update.class);
        return UpdateMapper.map(u, "podpoint_test_bot");
    }

    static String message(String chat, String text, String entities) {
        return "{\"update_id\":31,\"message\":{\"message_id\":9,\"date\":1767225600," + chat
                + ",\"from\":{\"id\":55,\"is_bot\":false,\"first_name\":\"Bo\"}" + text + entities
                + ",\"brand_new_field\":{\"x\":1}}}";
    }

    static final String PRIVATE = "\"chat\":{\"id\":55,\"type\":\"private\",\"first_name\":\"Bo\"}";
    static final String GROUP = "\"chat\":{\"id\":-1009,\"type\":\"supergroup\",\"title\":\"Drive\"}";

    @Test
    void commandWithBotSuffixIsStrippedUsingTheEntity() throws Exception {
        Incoming in = map(message(GROUP, ",\"text\":\"/charge@podpoint_test_bot off\"",
                ",\"entities\":[{\"offset\":0,\"length\":25,\"type\":\"bot_command\"}]")).orElseThrow();
        assertEquals(Incoming.Kind.MESSAGE, in.kind());
        assertEquals(-1009, in.chatId());
        assertEquals("/charge off", in.request().text());
        assertEquals(ChatType.GROUP, in.request().chatType());
        assertEquals(55, in.request().userId());
        assertEquals(9, in.request().messageId());
    }

    @Test
    void commandForAnotherBotIsIgnored() throws Exception {
        assertTrue(map(message(GROUP, ",\"text\":\"/start@other_bot\"",
                ",\"entities\":[{\"offset\":0,\"length\":16,\"type\":\"bot_command\"}]")).isEmpty());
    }

    @Test
    void privateTextAndNonTextMessages() throws Exception {
        Incoming text = map(message(PRIVATE, ",\"text\":\"hello there\"", "")).orElseThrow();
        assertEquals("hello there", text.request().text());
        assertEquals(ChatType.PRIVATE, text.request().chatType());
        Incoming sticker = map(message(PRIVATE, ",\"sticker\":{\"file_id\":\"f\",\"file_unique_id\":\"u\","
                + "\"type\":\"regular\",\"width\":1,\"height\":1,\"is_animated\":false,\"is_video\":false}", ""))
                .orElseThrow();
        assertEquals("", sticker.request().text());
        assertFalse(sticker.request().isButton());
    }

    @Test
    void buttonPressCarriesTheBotMessageId() throws Exception {
        Incoming in = map("{\"update_id\":32,\"callback_query\":{\"id\":\"q1\",\"from\":{\"id\":55,\"is_bot\":false,"
                + "\"first_name\":\"Bo\"},\"message\":{\"message_id\":700,\"date\":1767225600," + PRIVATE
                + ",\"text\":\"Pods\"},\"chat_instance\":\"1\",\"data\":\"pods:page:2\"}}").orElseThrow();
        assertEquals(Incoming.Kind.BUTTON, in.kind());
        assertEquals("q1", in.callbackQueryId());
        assertEquals("pods:page:2", in.request().callbackData());
        assertEquals(700, in.request().messageId());
        assertNull(in.request().text());
    }

    @Test
    void blockedInPrivateChat() throws Exception {
        Incoming in = map("{\"update_id\":33,\"my_chat_member\":{" + PRIVATE + ",\"from\":{\"id\":55,"
                + "\"is_bot\":false,\"first_name\":\"Bo\"},\"date\":1767225600,\"old_chat_member\":{\"status\":"
                + "\"member\",\"user\":{\"id\":1,\"is_bot\":true,\"first_name\":\"B\"}},\"new_chat_member\":"
                + "{\"status\":\"kicked\",\"until_date\":0,\"user\":{\"id\":1,\"is_bot\":true,\"first_name\":\"B\"}}}}")
                .orElseThrow();
        assertEquals(Incoming.Kind.BLOCKED, in.kind());
        assertEquals(55, in.chatId());
    }

    @Test
    void toStringHoldsNoText() throws Exception {
        Incoming in = map(message(PRIVATE, ",\"text\":\"/login a@b.c secret-pw\"",
                ",\"entities\":[{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}]")).orElseThrow();
        assertFalse(in.toString().contains("secret-pw"));
        assertFalse(in.request().toString().contains("secret-pw"));
    }
}
