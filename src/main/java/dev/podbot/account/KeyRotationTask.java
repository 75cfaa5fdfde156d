package dev.podbot.account;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, re-encrypts every credential still under an older key (BOT_OLD_ENCRYPTION_KEYS) with the newest
 * key (BOT_ENCRYPTION_KEY). Once it has run, the old key can be removed from the configuration.
 */
@ApplicationScoped
public class KeyRotationTask {

    @Inject
    CredentialCipher cipher;

    /**
     * On a thread of its own: the first query pays for Hibernate's query parser (~0.4 s), which the start-up need
     * not wait for (credentials under an old key still decrypt meanwhile).
     */
    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::rotateAtStart, "podbot-key-rotation");
        t.setDaemon(true);
        t.start();
    }

    private void rotateAtStart() {
        try {
            int rotated = rotate();
            if (rotated > 0) {
                Log.infof("Re-encrypted the credentials of %d chat(s) with the newest key %s", rotated,
                        cipher.primaryKeyId());
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not re-encrypt credentials under older keys (%s); trying again at the next start",
                    e.getClass().getSimpleName());
        }
    }

    /** Re-encrypts old-key rows; returns how many rows changed. Rows that do not decrypt are left and reported. */
    public int rotate() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(
                () -> ChatAccount.getEntityManager()
                        .createQuery("select a.chatId from ChatAccount a order by a.chatId", Long.class).getResultList());
        int changed = 0;
        for (Long id : ids) {
            try {
                Boolean done = QuarkusTransaction.requiringNew().call(() -> rotateRow(id));
                if (Boolean.TRUE.equals(done)) {
                    changed++;
                }
            } catch (CredentialCipher.DecryptionException e) {
                Log.warnf("Chat %d: %s", id, e.getMessage());
            }
        }
        return changed;
    }

    private boolean rotateRow(long chatId) {
        ChatAccount a = ChatAccount.findById(chatId);
        if (a == null || !(cipher.needsRotation(a.emailEnc) || cipher.needsRotation(a.passwordEnc)
                || cipher.needsRotation(a.refreshTokenEnc))) {
            return false;
        }
        a.emailEnc = reencrypt(a.emailEnc, ChatAccount.aad("email", chatId));
        a.passwordEnc = reencrypt(a.passwordEnc, ChatAccount.aad("password", chatId));
        a.refreshTokenEnc = reencrypt(a.refreshTokenEnc, ChatAccount.aad("refresh_token", chatId));
        a.updatedAt = Instant.now();
        return true;
    }

    private String reencrypt(String stored, String aad) {
        return stored == null ? null : cipher.encrypt(cipher.decrypt(stored, aad), aad);
    }
}
