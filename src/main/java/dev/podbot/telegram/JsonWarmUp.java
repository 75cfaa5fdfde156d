package dev.podbot.telegram;

import java.util.List;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Reads a made-up message and button press and writes a made-up reply once, right after long polling started, so
 * that Jackson builds its (de)serializers for Telegram's types then, on the starter thread, and not while the first
 * person after a restart waits for an answer (that took about a second of CPU on the update's path). Nothing is sent.
 */
final class JsonWarmUp {

    static final String UPDATES = """
            {"update_id":1,"message":{"message_id":1,"date":1700000000,"text":"/start",
             "entities":[{"type":"bot_command","offset":0,"length":6}],
             "from":{"id":1,"is_bot":false,"first_name":"A","username":"a","language_code":"en"},
             "chat":{"id":1,"type":"private","first_name":"A"}}}
            {"update_id":2,"callback_query":{"id":"1","chat_instance":"1","data":"pods",
             "from":{"id":1,"is_bot":false,"first_name":"A"},
             "message":{"message_id":2,"date":1700000000,"text":"x","chat":{"id":1,"type":"private"},
              "from":{"id":2,"is_bot":true,"first_name":"B"},
              "reply_markup":{"inline_keyboard":[[{"text":"x","callback_data":"pods"}]]}}}}
            """;

    private JsonWarmUp() {
    }

    static void run(UpdateParser parser, ObjectMapper mapper) {
        long t0 = System.nanoTime();
        try {
            for (String update : UPDATES.strip().split("\n(?=\\{\"update_id)")) {
                parser.parse(update.getBytes(java.nio.charset.StandardCharsets.UTF_8), "warm-up");
            }
            mapper.writeValueAsString(SendMessage.builder().chatId(1L).text("x").parseMode("HTML")
                    .replyMarkup(InlineKeyboardMarkup.builder().keyboard(List.of(new InlineKeyboardRow(
                            InlineKeyboardButton.builder().text("x").callbackData("pods").build()))).build())
                    .build());
            Log.debugf("JSON warmed up in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError e) {
            Log.debugf("JSON warm-up skipped (%s)", e.getClass().getSimpleName());
        }
    }
}
