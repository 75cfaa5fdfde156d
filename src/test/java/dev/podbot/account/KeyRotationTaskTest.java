package dev.podbot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rows written under an older key are re-encrypted to the newest key; the test profile configures
 * an old key in BOT_OLD_ENCRYPTION_KEYS (see application.properties, %test).
 */
@QuarkusTest
class KeyRotationTaskTest {

    static final String OLD_KEY = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE=";

    @Inject
    KeyRotationTask task;

    @Inject
    CredentialCipher cipher;

    @Inject
    AccountService accounts;

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
    }

    @Test
    void reencryptsOldKeyRowsWithTheNewestKey() {
        CredentialCipher old = new CredentialCipher(OLD_KEY, List.of());
        assertThat(cipher.keyIds()).contains(old.primaryKeyId());
        QuarkusTransaction.requiringNew().run(() -> {
            ChatAccount a = new ChatAccount();
            a.chatId = 900L;
            a.telegramUserId = 1L;
            a.emailEnc = old.encrypt("old@example.com", ChatAccount.aad("email", 900));
            a.passwordEnc = old.encrypt("old-pw", ChatAccount.aad("password", 900));
            a.refreshTokenEnc = old.encrypt("old-rt", ChatAccount.aad("refresh_token", 900));
            a.linkedAt = Instant.now();
            a.updatedAt = Instant.now();
            a.persist();
        });

        assertThat(task.rotate()).isEqualTo(1);

        ChatAccount after = QuarkusTransaction.requiringNew().call(() -> ChatAccount.findById(900L));
        assertThat(CredentialCipher.keyIdOf(after.emailEnc)).isEqualTo(cipher.primaryKeyId());
        assertThat(CredentialCipher.keyIdOf(after.passwordEnc)).isEqualTo(cipher.primaryKeyId());
        assertThat(CredentialCipher.keyIdOf(after.refreshTokenEnc)).isEqualTo(cipher.primaryKeyId());
        Credentials c = accounts.credentials(900).orElseThrow();
        assertThat(c.email()).isEqualTo("old@example.com");
        assertThat(c.password()).isEqualTo("old-pw");
        assertThat(task.rotate()).isZero();
    }
}
