package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JsonWarmUpTest {

    @Test
    void theMadeUpUpdatesAreReadableSoTheWarmUpNeverCountsOrLogsASkippedUpdate() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UpdateParser parser = new UpdateParser(registry);
        List<String> updates = List.of(JsonWarmUp.UPDATES.strip().split("\n(?=\\{\"update_id)"));
        assertThat(updates).hasSize(2);
        Update message = parser.parse(updates.get(0).getBytes(StandardCharsets.UTF_8), "test").orElseThrow();
        assertThat(message.getMessage().getText()).isEqualTo("/start");
        Update press = parser.parse(updates.get(1).getBytes(StandardCharsets.UTF_8), "test").orElseThrow();
        assertThat(press.getCallbackQuery().getData()).isEqualTo("pods");

        JsonWarmUp.run(parser, TelegramApi.objectMapper());
        assertThat(registry.find(UpdateParser.SKIPPED_METRIC).counters()).allMatch(c -> c.count() == 0);
    }
}
