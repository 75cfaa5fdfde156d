package dev.podbot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;

/**
 * Where Telegram delivers updates in webhook mode. Checks the secret header in constant time, answers at once and
 * handles the update in the background. Answers 404 when the bot long-polls (or Telegram is off).
 */
@Path("/telegram/webhook")
public class TelegramWebhookResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Inject
    TelegramTransport transport;

    @Inject
    TelegramConfig config;

    @Inject
    UpdateDispatcher dispatcher;

    @Inject
    UpdateParser parser;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(SECRET_HEADER) String secret, byte[] body) {
        if (!transport.isWebhookMode()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (secret == null || secret.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        if (!sameSecret(secret, config.webhookSecret().orElse(""))) {
            Log.warn("Webhook call with a wrong secret token refused");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        // an update we cannot read is skipped with 200: any other answer makes Telegram send it again and again
        parser.parse(body, "webhook").ifPresent(dispatcher::accept);
        return Response.ok().build();
    }

    /** Constant-time comparison (digests have equal length, so not even the length leaks). */
    static boolean sameSecret(String given, String expected) {
        if (expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
