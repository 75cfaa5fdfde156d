package dev.podbot.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.account.CredentialCipher;
import dev.podbot.podpoint.MfaChallenge;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps /login conversations in the database (table {@code login_state}), encrypted, for about ten minutes, so a
 * restart in the middle of a login (or while an SMS code is on its way) does not lose it.
 */
@ApplicationScoped
public class LoginStore {

    /** How long a login conversation waits for the next answer. */
    public static final Duration TTL = Duration.ofMinutes(10);

    /** The decrypted state of one conversation, held only in memory. {@code toString} shows no secret. */
    public record Pending(long chatId, long userId, LoginState.Stage stage, String email, String password,
            MfaChallenge challenge, int attempts) {
        @Override
        public String toString() {
            return "Pending[chat=" + chatId + ", stage=" + stage + "]";
        }
    }

    @Inject
    CredentialCipher cipher;

    @Inject
    ObjectMapper json;

    /** The chat's conversation, if one is waiting and not expired. An expired one is deleted. */
    @Transactional
    public Optional<Pending> find(long chatId) {
        LoginState s = LoginState.findById(chatId);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.expiresAt.isAfter(Instant.now())) {
            s.delete();
            return Optional.empty();
        }
        try {
            return Optional.of(new Pending(chatId, s.userId, s.stage,
                    cipher.decrypt(s.emailEnc, LoginState.aad("email", chatId)),
                    cipher.decrypt(s.passwordEnc, LoginState.aad("password", chatId)),
                    readChallenge(cipher.decrypt(s.mfaEnc, LoginState.aad("mfa", chatId))),
                    s.attempts));
        } catch (CredentialCipher.DecryptionException e) {
            Log.warnf("Chat %d: dropping a login conversation that does not decrypt (%s)", chatId, e.getMessage());
            s.delete();
            return Optional.empty();
        }
    }

    /** True when a conversation waits for this chat's next message. */
    @Transactional
    public boolean awaiting(long chatId) {
        return LoginState.count("chatId = ?1 and expiresAt > ?2", chatId, Instant.now()) > 0;
    }

    /** Saves (or replaces) the chat's conversation; the expiry starts again. */
    @Transactional
    public void save(long chatId, long userId, LoginState.Stage stage, String email, String password,
            MfaChallenge challenge, int attempts) {
        LoginState s = LoginState.findById(chatId);
        Instant now = Instant.now();
        if (s == null) {
            s = new LoginState();
            s.chatId = chatId;
            s.createdAt = now;
        }
        s.userId = userId;
        s.stage = stage;
        s.emailEnc = cipher.encrypt(email, LoginState.aad("email", chatId));
        s.passwordEnc = cipher.encrypt(password, LoginState.aad("password", chatId));
        s.mfaEnc = cipher.encrypt(writeChallenge(challenge), LoginState.aad("mfa", chatId));
        s.attempts = attempts;
        s.expiresAt = now.plus(TTL);
        s.persist();
    }

    /** Ends the chat's conversation; true when there was one. */
    @Transactional
    public boolean delete(long chatId) {
        return LoginState.deleteById(chatId);
    }

    /** Deletes expired conversations (they hold encrypted passwords: keep them no longer than needed). */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            Log.warnf("Could not delete expired login conversations: %s", Failures.forLog(e));
        }
    }

    /** Deletes expired conversations now; returns how many. */
    @Transactional
    public long purgeExpired() {
        long n = LoginState.delete("expiresAt <= ?1", Instant.now());
        if (n > 0) {
            Log.debugf("Deleted %d expired login conversation(s)", n);
        }
        return n;
    }

    private String writeChallenge(MfaChallenge c) {
        if (c == null) {
            return null;
        }
        try {
            return json.writeValueAsString(new StoredChallenge(c.pendingCredential(), c.enrollmentId(),
                    c.phoneHint(), c.sessionInfo()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the 2FA challenge");
        }
    }

    private MfaChallenge readChallenge(String text) {
        if (text == null) {
            return null;
        }
        try {
            StoredChallenge s = json.readValue(text, StoredChallenge.class);
            return new MfaChallenge(s.pendingCredential(), s.enrollmentId(), s.phoneHint(), s.sessionInfo());
        } catch (JsonProcessingException e) {
            throw new CredentialCipher.DecryptionException("Stored 2FA challenge is unreadable");
        }
    }

    /** The JSON form of a challenge, inside the ciphertext only. */
    public record StoredChallenge(String pendingCredential, String enrollmentId, String phoneHint, String sessionInfo) {
        @Override
        public String toString() {
            return "StoredChallenge[redacted]";
        }
    }
}
