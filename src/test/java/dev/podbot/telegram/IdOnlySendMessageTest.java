package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** A reply's sendMessage reads only the sent message's id from Telegram's answer, and is sent as the library's. */
class IdOnlySendMessageTest {

    static SendMessage.SendMessageBuilder<?, ?> reply() {
        return SendMessage.builder().chatId(5L).text("<b>What I can do</b>\n/pods").parseMode(ParseMode.HTML)
                .replyMarkup(new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("🔄 Refresh").callbackData("pods:refresh").build()))));
    }

    final IdOnlySendMessage request = new IdOnlySendMessage(reply());

    @Test
    void theSentMessagesIdIsReadWhateverElseTheAnswerHolds() throws Exception {
        // the echoed message with nested objects, arrays, a message_id deeper down and fields after the result
        var m = request.deserializeResponse("""
                {"ok":true,"result":{"chat":{"id":5,"type":"private","first_name":"A"},
                  "reply_to_message":{"message_id":3,"chat":{"id":5,"type":"private"},"date":1700000000},
                  "entities":[{"type":"bold","offset":0,"length":14}],"text":"What I can do\\n/pods",
                  "reply_markup":{"inline_keyboard":[[{"text":"🔄 Refresh","callback_data":"pods:refresh"}]]},
                  "message_id":42,"date":1700000001,"from":{"id":1,"is_bot":true,"first_name":"Pod"}},
                 "extra":[1,{"message_id":7}]}""");
        assertThat(m.getMessageId()).isEqualTo(42);
        assertThat(request.deserializeResponse("{\"result\":{\"message_id\":43},\"ok\":true}").getMessageId())
                .isEqualTo(43);
    }

    @Test
    void anErrorAnswerIsTheLibrarysErrorWithItsDetails() {
        assertThatThrownBy(() -> request.deserializeResponse("""
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7",
                 "parameters":{"retry_after":7}}"""))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                });
        assertThatThrownBy(() -> request.deserializeResponse("<html>Bad Gateway</html>"))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void anAnswerWithoutAnIdIsLeftToTheLibrary() throws Exception {
        assertThat(IdOnlySendMessage.sentMessageId("{\"ok\":true,\"result\":{\"chat\":{\"id\":5}}}")).isNull();
        assertThat(IdOnlySendMessage.sentMessageId("{\"ok\":true,\"result\":true}")).isNull();
        assertThat(IdOnlySendMessage.sentMessageId("{\"ok\":true,\"result\":{\"message_id\":\"x\"}}")).isNull();
        assertThat(IdOnlySendMessage.sentMessageId("{\"ok\":true,\"result\":{\"message_id\":9")).isNull();
        assertThat(IdOnlySendMessage.sentMessageId("")).isNull();
    }

    @Test
    void theRequestIsSentAsTheLibraryWouldSendIt() throws Exception {
        var mapper = TelegramApi.objectMapper();
        assertThat(mapper.readTree(mapper.writeValueAsString(request)))
                .isEqualTo(mapper.readTree(mapper.writeValueAsString(reply().build())));
        assertThat(request.getMethod()).isEqualTo(reply().build().getMethod());
    }
}
