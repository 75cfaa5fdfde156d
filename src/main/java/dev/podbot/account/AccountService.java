package dev.podbot.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Links chats to Pod Point accounts and hands out each account's live {@link PodPointSession}. Credentials are
 * encrypted before they reach the database and decrypted only here. Sessions are cached per chat; when Pod Point
 * issues new tokens, the new refresh token is saved (encrypted), so a restart does not need the password again.
 */
@ApplicationScoped
public class AccountService {

    @Inject
    CredentialCipher cipher;

    @Inject
    PodPointClient podPoint;

    private final Map<Long, PodPointSession> sessions = new ConcurrentHashMap<>();

    public Optional<ChatAccount> find(long chatId) {
        return Optional.ofNullable(ChatAccount.findById(chatId));
    }

    public boolean isLinked(long chatId) {
        return find(chatId).isPresent();
    }

    /**
     * Saves (or replaces) the chat's account after a successful sign-in, and caches its session.
     */
    @Transactional
    public ChatAccount link(long chatId, long telegramUserId, PodPointSession session) {
        ChatAccount a = ChatAccount.findById(chatId);
        Instant now = Instant.now();
        if (a == null) {
            a = new ChatAccount();
            a.chatId = chatId;
            a.linkedAt = now;
        }
        a.telegramUserId = telegramUserId;
        a.emailEnc = cipher.encrypt(session.email(), ChatAccount.aad("email", chatId));
        a.passwordEnc = cipher.encrypt(session.password(), ChatAccount.aad("password", chatId));
        a.refreshTokenEnc = cipher.encrypt(session.refreshToken(), ChatAccount.aad("refresh_token", chatId));
        a.podpointUserId = session.userId();
        a.apiGeneration = session.generation() == null ? null : session.generation().wire();
        a.generationCheckedAt = session.generationCheckedAt();
        a.status = ChatAccount.Status.LINKED;
        a.chatActive = true;
        a.updatedAt = now;
        a.persist();
        watch(chatId, session);
        sessions.put(chatId, session);
        Log.infof("Chat %d linked a Pod Point account", chatId);
        return a;
    }

    /** Deletes the chat's account and (through foreign keys) every stored row about it. */
    @Transactional
    public boolean unlink(long chatId) {
        sessions.remove(chatId);
        boolean deleted = ChatAccount.deleteById(chatId);
        if (deleted) {
            Log.infof("Chat %d unlinked its Pod Point account", chatId);
        }
        return deleted;
    }

    /** The decrypted credentials of a chat. */
    public Optional<Credentials> credentials(long chatId) {
        return find(chatId).map(this::decrypt);
    }

    Credentials decrypt(ChatAccount a) {
        return new Credentials(
                cipher.decrypt(a.emailEnc, ChatAccount.aad("email", a.chatId)),
                cipher.decrypt(a.passwordEnc, ChatAccount.aad("password", a.chatId)),
                cipher.decrypt(a.refreshTokenEnc, ChatAccount.aad("refresh_token", a.chatId)),
                a.podpointUserId);
    }

    /**
     * The chat's Pod Point session: cached, or resumed from the stored refresh token without a new sign-in.
     */
    public Optional<PodPointSession> session(long chatId) {
        PodPointSession cached = sessions.get(chatId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return find(chatId).map(a -> sessions.computeIfAbsent(chatId, id -> {
            Credentials c = decrypt(a);
            PodPointSession s = podPoint.resume(c.email(), c.password(), c.refreshToken(), c.podpointUserId());
            s.restoreGeneration(dev.podbot.podpoint.ApiGeneration.parse(a.apiGeneration), a.generationCheckedAt);
            watch(chatId, s);
            return s;
        }));
    }

    /** Pod Point no longer accepts the saved sign-in: pause polling until the user runs /login. */
    @Transactional
    public void markAuthFailed(long chatId) {
        sessions.remove(chatId);
        ChatAccount a = ChatAccount.findById(chatId);
        if (a != null && a.status != ChatAccount.Status.AUTH_FAILED) {
            a.status = ChatAccount.Status.AUTH_FAILED;
            a.updatedAt = Instant.now();
        }
    }

    /** The user blocked the bot (Telegram 403): stop polling and sending until they write again. */
    @Transactional
    public void markChatUnreachable(long chatId) {
        ChatAccount a = ChatAccount.findById(chatId);
        if (a != null && a.chatActive) {
            a.chatActive = false;
            a.updatedAt = Instant.now();
            Log.infof("Chat %d blocked the bot; polling paused", chatId);
        }
    }

    /** The user wrote again: the chat is reachable. */
    @Transactional
    public void markChatActive(long chatId) {
        ChatAccount a = ChatAccount.findById(chatId);
        if (a != null && !a.chatActive) {
            a.chatActive = true;
            a.updatedAt = Instant.now();
        }
    }

    /** Chats whose accounts should be polled. */
    public List<Long> pollableChatIds() {
        return ChatAccount.getEntityManager()
                .createQuery("select a.chatId from ChatAccount a where a.status = :s and a.chatActive = true order by a.chatId",
                        Long.class)
                .setParameter("s", ChatAccount.Status.LINKED).getResultList();
    }

    /** Drops a cached session (e.g. after Pod Point rejected it). */
    public void forgetSession(long chatId) {
        sessions.remove(chatId);
    }

    private void watch(long chatId, PodPointSession session) {
        session.onTokensChanged(s -> saveRefreshToken(chatId, s.refreshToken(), s.userId()));
        session.onGenerationChanged(s -> saveGeneration(chatId, s));
    }

    /** Stores the account's discovered API generation (in its own transaction: discovery runs mid-command). */
    void saveGeneration(long chatId, PodPointSession session) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ChatAccount a = ChatAccount.findById(chatId);
                if (a != null) {
                    a.apiGeneration = session.generation() == null ? null : session.generation().wire();
                    a.generationCheckedAt = session.generationCheckedAt();
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not save the API generation of chat %d (%s)", chatId, e.getClass().getSimpleName());
        }
    }

    void saveRefreshToken(long chatId, String refreshToken, String userId) {
        if (refreshToken == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ChatAccount a = ChatAccount.findById(chatId);
                if (a != null) {
                    a.refreshTokenEnc = cipher.encrypt(refreshToken, ChatAccount.aad("refresh_token", chatId));
                    if (userId != null) {
                        a.podpointUserId = userId;
                    }
                    a.updatedAt = Instant.now();
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not save the new Pod Point token of chat %d (%s)", chatId, e.getClass().getSimpleName());
        }
    }
}
