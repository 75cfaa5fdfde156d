package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;
import okio.Buffer;

/**
 * {@link SameThreadTelegramClient} against the fake Bot API, next to TelegramBots' own {@link OkHttpTelegramClient}:
 * the call is made on the caller's thread (the library hands it to an OkHttp thread and waits), and everything else
 * is the same: the request on the wire, the answer, and the exceptions for Telegram's errors and for I/O failures.
 */
class SameThreadTelegramClientTest {

    /** What left the client: the thread it left from, the path, the content type and the body. */
    record Sent(String thread, String path, String contentType, String charset, String body) {
    }

    FakeTelegramServer fake;
    OkHttpClient http;
    List<Sent> sent;
    ObjectMapper mapper = TelegramApi.objectMapper();

    @BeforeEach
    void setUp() {
        fake = new FakeTelegramServer();
        sent = new CopyOnWriteArrayList<>();
        http = new OkHttpClient.Builder().addInterceptor(chain -> {
            Buffer body = new Buffer();
            chain.request().body().writeTo(body);
            sent.add(new Sent(Thread.currentThread().getName(), chain.request().url().encodedPath(),
                    String.valueOf(chain.request().body().contentType()), chain.request().header("charset"),
                    body.readUtf8()));
            return chain.proceed(chain.request());
        }).build();
    }

    @AfterEach
    void tearDown() {
        http.dispatcher().executorService().shutdownNow();
        fake.close();
    }

    TelegramClient ours(TelegramUrl url) {
        return new SameThreadTelegramClient(mapper, http, fake.token(), url);
    }

    TelegramClient library(TelegramUrl url) {
        return new OkHttpTelegramClient(mapper, http, fake.token(), url);
    }

    TelegramUrl fakeUrl() {
        return TelegramConfig.parseUrl(fake.apiUrl());
    }

    static SendMessage hello(long chat) {
        return SendMessage.builder().chatId(chat).text("<b>Hello</b> &amp; welcome").parseMode("HTML").build();
    }

    @Test
    void sendsOnTheCallersThreadWhereTheLibraryHandsTheCallToAnother() throws Exception {
        Message mine = ours(fakeUrl()).execute(hello(1));
        Message theirs = library(fakeUrl()).execute(hello(1));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(sent.get(1).thread()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(mine.getMessageId()).isPositive();
        assertThat(theirs.getMessageId()).isPositive().isNotEqualTo(mine.getMessageId());
        assertThat(fake.messagesTo(1)).extracting(FakeTelegramServer.Call::text)
                .containsExactly("<b>Hello</b> &amp; welcome", "<b>Hello</b> &amp; welcome");
    }

    @Test
    void theRequestOnTheWireIsTheLibrarys() throws Exception {
        ours(fakeUrl()).execute(hello(2));
        library(fakeUrl()).execute(hello(2));

        Sent mine = sent.get(0);
        Sent theirs = sent.get(1);
        assertThat(mine.path()).isEqualTo(theirs.path()).endsWith("/sendmessage");
        assertThat(mine.contentType()).isEqualTo(theirs.contentType());
        assertThat(mine.charset()).isEqualTo(theirs.charset());
        assertThat(mapper.readTree(mine.body())).isEqualTo(mapper.readTree(theirs.body()));
    }

    @Test
    void telegramsErrorsComeAsTheLibrarysRequestExceptions() {
        fake.rateLimitNext("sendMessage", 3L, 7);
        TelegramApiRequestException mine = catchThrowableOfType(TelegramApiRequestException.class,
                () -> ours(fakeUrl()).execute(hello(3)));
        fake.rateLimitNext("sendMessage", 3L, 7);
        TelegramApiRequestException theirs = catchThrowableOfType(TelegramApiRequestException.class,
                () -> library(fakeUrl()).execute(hello(3)));

        assertThat(mine.getErrorCode()).isEqualTo(429).isEqualTo(theirs.getErrorCode());
        assertThat(mine.getParameters().getRetryAfter()).isEqualTo(7);
        assertThat(mine.getApiResponse()).isEqualTo(theirs.getApiResponse());

        fake.blockedNext("sendMessage", 3L);
        assertThat(catchThrowableOfType(TelegramApiRequestException.class,
                () -> ours(fakeUrl()).execute(hello(3))).getErrorCode()).isEqualTo(403);
    }

    @Test
    void anUnreachableServerIsATelegramApiExceptionWithTheIoFailureAsItsCauseAsInTheLibrary() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        TelegramUrl nowhere = TelegramConfig.parseUrl("http://127.0.0.1:" + closed);

        TelegramApiException mine = catchThrowableOfType(TelegramApiException.class,
                () -> ours(nowhere).execute(hello(4)));
        TelegramApiException theirs = catchThrowableOfType(TelegramApiException.class,
                () -> library(nowhere).execute(hello(4)));

        assertThat(mine).isNotInstanceOf(TelegramApiRequestException.class);
        assertThat(mine.getMessage()).isEqualTo(theirs.getMessage()).doesNotContain(fake.token());
        assertThat(mine.getCause()).isInstanceOf(IOException.class);
        assertThat(theirs.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void anInvalidMethodIsRefusedBeforeAnythingIsSent() {
        SendMessage empty = SendMessage.builder().chatId(5L).text("").build();
        assertThat(catchThrowableOfType(TelegramApiException.class, () -> ours(fakeUrl()).execute(empty)))
                .hasMessageContaining("Text parameter can't be empty");
        assertThat(sent).isEmpty();
        assertThat(ours(fakeUrl()).toString()).doesNotContain(fake.token());
    }
}
