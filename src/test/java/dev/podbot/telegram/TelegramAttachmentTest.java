package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.podbot.command.Attachment;
import dev.podbot.command.Button;
import dev.podbot.command.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Replies with a file, through the real Telegram transport and sender to the fake Bot API (which checks each
 * multipart request as Telegram would): photos and documents arrive byte for byte with caption and buttons, a
 * caption over 1,024 characters goes in a message of its own, a 429 on an upload is waited out and the upload sent
 * again in full, and a media edit of a message without media falls back to a new photo.
 */
@QuarkusTest
@TestProfile(TelegramTestProfiles.Scripted.class)
class TelegramAttachmentTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @InjectFakeTelegram
    FakeTelegramServer fake;

    @Inject
    TelegramChatTransport chatTransport;

    @Inject
    TelegramTransport transport;

    @BeforeEach
    void ready() {
        org.awaitility.Awaitility.await().atMost(WAIT).until(transport::isConnected);
    }

    @AfterEach
    void everyRequestWasValidForTheBotApi() {
        assertThat(fake.violations()).as("requests the real Bot API would refuse").isEmpty();
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x2b5278));
        g.fillRect(10, 10, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    FakeTelegramServer.Call await(String method, long chat) {
        return fake.awaitCall(method, c -> c.ok() && c.isFor(chat), WAIT);
    }

    @Test
    void aPhotoArrivesWithItsCaptionAndButtons() throws Exception {
        long chat = 3101;
        byte[] bytes = png(1200, 800);
        chatTransport.deliver(chat, Reply.withAttachment(Attachment.photo(bytes, "chart.png"), "<b>November</b> 42.0 kWh",
                List.of(List.of(new Button("◀", "stats:m:2026-10-01")))));
        FakeTelegramServer.Call c = await("sendPhoto", chat);
        assertThat(c.upload().bytes()).isEqualTo(bytes);
        assertThat(c.upload().fileName()).isEqualTo("chart.png");
        assertThat(c.caption()).isEqualTo("<b>November</b> 42.0 kWh");
        assertThat(FakeTelegramServer.buttonData(c)).containsExactly("stats:m:2026-10-01");
        assertThat(fake.calls("sendMessage").stream().filter(m -> m.isFor(chat))).isEmpty();
    }

    @Test
    void aCaptionOverTheLimitGoesInAMessageAfterThePhoto() throws Exception {
        long chat = 3102;
        String longText = "<b>Totals</b>\n" + "line of totals &amp; notes\n".repeat(60); // ~1,400 characters
        chatTransport.deliver(chat, Reply.withAttachment(Attachment.photo(png(1200, 800), "chart.png"), longText,
                List.of(List.of(new Button("Next", "stats:m:2026-12-01")))));
        FakeTelegramServer.Call photo = await("sendPhoto", chat);
        assertThat(photo.caption()).isNull();
        assertThat(FakeTelegramServer.buttonData(photo)).containsExactly("stats:m:2026-12-01");
        FakeTelegramServer.Call text = await("sendMessage", chat);
        assertThat(text.text()).isEqualTo(longText);
        assertThat(text.atNanos()).isGreaterThan(photo.atNanos());
    }

    @Test
    void aDocumentArrivesByteForByteUnderItsName() {
        long chat = 3103;
        byte[] csv = "\uFEFFStart,End\r\n\"Zoë, \"\"Big\"\"\",x\r\n".getBytes(StandardCharsets.UTF_8);
        chatTransport.deliver(chat, Reply.withAttachment(Attachment.document(csv, "podpoint-charges-2026-11.csv",
                "text/csv"), "📄 1 charge", List.of()));
        FakeTelegramServer.Call c = await("sendDocument", chat);
        assertThat(c.upload().fileName()).isEqualTo("podpoint-charges-2026-11.csv");
        assertThat(c.upload().bytes()).isEqualTo(csv);
        assertThat(c.caption()).isEqualTo("📄 1 charge");
    }

    @Test
    void aRateLimitedUploadIsWaitedOutAndSentAgainInFull() throws Exception {
        long chat = 3104;
        byte[] bytes = png(1000, 600);
        fake.rateLimitNext("sendPhoto", chat, 1);
        chatTransport.deliver(chat, Reply.withAttachment(Attachment.photo(bytes, "chart.png"), "after a pause", List.of()));
        List<FakeTelegramServer.Call> calls = fake.calls("sendPhoto").stream().filter(c -> c.isFor(chat)).toList();
        assertThat(calls).extracting(FakeTelegramServer.Call::status).containsExactly(429, 200);
        assertThat(calls.get(1).upload().bytes()).as("the stream is built afresh for the retry").isEqualTo(bytes);
        assertThat(calls.get(1).atNanos() - calls.get(0).atNanos()).isGreaterThanOrEqualTo(900_000_000L);
    }

    @Test
    void editingTheMediaOfATextMessageSendsANewPhotoInstead() throws Exception {
        long chat = 3105;
        chatTransport.deliver(chat, Reply.of("No charges this month"));
        int textId = await("sendMessage", chat).messageId();
        byte[] bytes = png(1200, 800);
        Reply chart = Reply.withAttachment(Attachment.photo(bytes, "chart.png"), "October", List.of()).asEdit();
        ReplyWriter.edit(transport.sender(), chat, textId, chart);
        FakeTelegramServer.Call refused = fake.awaitCall("editMessageMedia", c -> c.isFor(chat), WAIT);
        assertThat(refused.status()).isEqualTo(400);
        FakeTelegramServer.Call photo = await("sendPhoto", chat);
        assertThat(photo.upload().bytes()).isEqualTo(bytes);

        // and on the photo, the edit replaces its media in place
        byte[] next = png(1200, 700);
        ReplyWriter.edit(transport.sender(), chat, photo.messageId(),
                Reply.withAttachment(Attachment.photo(next, "chart-2.png"), "September", List.of()).asEdit());
        FakeTelegramServer.Call edited = fake.awaitCall("editMessageMedia", c -> c.ok() && c.isFor(chat), WAIT);
        assertThat(edited.upload().bytes()).isEqualTo(next);
        assertThat(edited.caption()).isEqualTo("September");
        assertThat(edited.messageId()).isEqualTo(photo.messageId());
    }
}
