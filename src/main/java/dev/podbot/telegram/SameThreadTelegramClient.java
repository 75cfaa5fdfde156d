package dev.podbot.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * TelegramBots' OkHttp client, with {@link #execute(BotApiMethod)} made on the calling thread. The library's
 * {@code execute} is {@code executeAsync(...).get()}: the call goes to an OkHttp dispatcher thread and its answer
 * comes back to the caller, two thread hand-overs per message that a reply paid on a busy two-core machine
 * (issue 11). Same request (URL, JSON body, headers), same answer reading ({@code deserializeResponse}) and the same
 * exceptions as the library's: a {@code TelegramApiRequestException} for Telegram's errors (429, 403, ...), a
 * {@code TelegramApiException} with the I/O failure as its cause otherwise. Uploads and everything else stay the
 * library's own.
 */
final class SameThreadTelegramClient extends OkHttpTelegramClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final ObjectMapper mapper;
    private final OkHttpClient http;
    private final String token;
    private final TelegramUrl url;
    /** Method name → its URL (the library builds it anew for every call); a handful of names. */
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    SameThreadTelegramClient(ObjectMapper mapper, OkHttpClient http, String token, TelegramUrl url) {
        super(mapper, http, token, url);
        this.mapper = mapper;
        this.http = http;
        this.token = token;
        this.url = url;
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> T execute(Method method)
            throws TelegramApiException {
        if (method == null) {
            throw new TelegramApiException("Parameter method can not be null");
        }
        method.validate();
        String body;
        try {
            body = mapper.writeValueAsString(method);
        } catch (JsonProcessingException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
        Request request = new Request.Builder().url(urls.computeIfAbsent(method.getMethod(), this::url))
                .header("charset", "UTF-8").post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody answer = response.body();
            if (answer == null) {
                throw new TelegramApiException("Telegram api returned empty response");
            }
            return method.deserializeResponse(answer.string());
        } catch (IOException | RuntimeException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
    }

    /** As the library builds it: {@code scheme://host:port/bot<token>[/test]/<method>}. */
    private HttpUrl url(String method) {
        HttpUrl.Builder b = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token);
        if (url.isTestServer()) {
            b.addPathSegment("test");
        }
        return b.addPathSegment(method).build();
    }

    @Override
    public String toString() {
        return "SameThreadTelegramClient"; // never the token
    }
}
