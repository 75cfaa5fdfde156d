package dev.podbot.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.command.Button;
import dev.podbot.command.MessageSplitter;
import dev.podbot.command.Reply;
import dev.podbot.notify.TestClock;

/** The receipt's words and stored buttons: valid for Telegram at every stage, buttons kept through storage. */
class ReceiptTextsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    final Instant t0 = new TestClock().now();

    @Test
    void everyStageIsOneValidTelegramMessage() {
        String head = "⚡ Boosting <b>" + "Drive &amp; way ".repeat(300) + "</b>";
        for (Stage s : Stage.values()) {
            Progress p = new Progress(s, t0, t0, t0.plusSeconds(90), t0.plusSeconds(120), Effect.CHARGING,
                    t0.plusSeconds(600), true, null, null, 3);
            String text = ReceiptTexts.render(head, p, ZONE, Duration.ofMinutes(10));
            assertThat(text.length()).as(s.name()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
            assertThat(MessageSplitter.split(text)).as(s + " needs no second message").hasSize(1);
            assertThat(text.replaceAll("</?(b|i|code)>", "")).as(s + ": only Telegram's tags").doesNotContain("<");
        }
    }

    @Test
    void buttonsSurviveStorageAndTheirDataStaysWithinTelegramsLimit() {
        List<List<Button>> rows = List.of(List.of(new Button("⏹ Stop boost", "boost:stop:123456789")),
                List.of(new Button("a \"quoted\" <label>", "x:1"), new Button("b", "x:2")));
        assertThat(ReceiptButtons.decode(ReceiptButtons.encode(rows))).isEqualTo(rows);
        assertThat(ReceiptButtons.decode(ReceiptButtons.encode(List.of()))).isEmpty();
        assertThat(ReceiptButtons.decode("not json")).isEmpty();
        Progress timedOut = Progress.sent(t0, null).stage(Stage.TIMED_OUT, t0.plusSeconds(600));
        List<List<Button>> shown = ReceiptTexts.buttons(rows, timedOut, Long.MAX_VALUE);
        assertThat(shown).hasSize(3);
        assertThat(shown.get(2).get(0).data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(64);
    }

    @Test
    void theFingerprintChangesWithTextOrButtonsOnly() {
        Reply a = new Reply("x", List.of(List.of(new Button("b", "d"))), false, null, 1L);
        assertThat(ReceiptService.fingerprint(a)).isEqualTo(ReceiptService.fingerprint(a.withReceipt(2L)));
        assertThat(ReceiptService.fingerprint(a)).isNotEqualTo(ReceiptService.fingerprint(Reply.of("x")));
        assertThat(ReceiptService.fingerprint(a)).isNotEqualTo(ReceiptService.fingerprint(
                new Reply("y", a.buttons(), false, null, 1L)));
    }
}
