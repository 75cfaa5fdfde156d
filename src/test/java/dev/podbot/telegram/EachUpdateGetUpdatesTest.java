package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Long polling reads a getUpdates answer once, update by update, and the request stays the library's. */
class EachUpdateGetUpdatesTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AtomicInteger readable = new AtomicInteger();
    final GetUpdates request = EachUpdateGetUpdates.generator(new DefaultGetUpdatesGenerator(List.of("message")),
            new UpdateParser(registry), readable::incrementAndGet).apply(41);

    @Test
    void anUnreadableUpdateBecomesItsIdAndTheOthersArrive() throws Exception {
        List<Update> got = request.deserializeResponse("""
                {"ok":true,"result":[
                  {"update_id":41,"message":{"message_id":1,"date":1700000000,"chat":{"id":5,"type":"private"},
                    "text":"/help"}},
                  {"update_id":42,"message":{"message_id":"not a number","chat":{"id":5,"type":"private"}}},
                  {"update_id":43,"message":{"message_id":3,"date":1700000001,"chat":{"id":5,"type":"private"},
                    "text":"/pods"}},
                  {"no_id":true}]}""");
        assertThat(got).extracting(Update::getUpdateId).containsExactly(41, 42, 43);
        assertThat(got.get(0).getMessage().getText()).isEqualTo("/help");
        assertThat(got.get(1).hasMessage()).isFalse();
        assertThat(got.get(2).getMessage().getText()).isEqualTo("/pods");
        assertThat(registry.find(UpdateParser.SKIPPED_METRIC).counter().count()).isEqualTo(2);
        assertThat(readable).hasValue(1);
    }

    @Test
    void anErrorAnswerIsTheLibrarysError() {
        assertThatThrownBy(() -> request.deserializeResponse(
                "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request\"}"))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThat(readable).hasValue(0);
    }

    @Test
    void theRequestIsSentAsTheLibraryWouldSendIt() throws Exception {
        GetUpdates plain = new DefaultGetUpdatesGenerator(List.of("message")).apply(41);
        var mapper = TelegramApi.objectMapper();
        assertThat(mapper.readTree(mapper.writeValueAsString(request)))
                .isEqualTo(mapper.readTree(mapper.writeValueAsString(plain)));
    }
}
