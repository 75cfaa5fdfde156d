package dev.podbot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountServiceTest {

    @Inject
    AccountService accounts;

    @Inject
    CredentialCipher cipher;

    @Inject
    EntityManager em;

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
    }

    static PodPointSession session(String email, String password, String refresh, String userId) {
        PodPointSession s = new PodPointSession(email, password);
        s.updateTokens("id-token", refresh, Instant.now().plusSeconds(3600));
        s.userId(userId);
        return s;
    }

    @Test
    void linkStoresOnlyCiphertextAndDecryptsPerRow() {
        accounts.link(101, 7, session("ann@example.com", "Sup3r-secret", "rt-abc", "555"));

        List<?> rows = em.createNativeQuery("select email_enc, password_enc, refresh_token_enc from chat_account")
                .getResultList();
        assertThat(rows).hasSize(1);
        String raw = java.util.Arrays.deepToString((Object[]) rows.get(0));
        assertThat(raw).doesNotContain("ann@example.com").doesNotContain("Sup3r-secret").doesNotContain("rt-abc")
                .contains("v1:" + cipher.primaryKeyId());

        Credentials c = accounts.credentials(101).orElseThrow();
        assertThat(c.email()).isEqualTo("ann@example.com");
        assertThat(c.password()).isEqualTo("Sup3r-secret");
        assertThat(c.refreshToken()).isEqualTo("rt-abc");
        assertThat(c.podpointUserId()).isEqualTo("555");
        assertThat(c.toString()).doesNotContain("ann@").doesNotContain("Sup3r");
        assertThat(accounts.find(101).orElseThrow().toString()).doesNotContain("v1:");
    }

    @Test
    void newTokensAreSavedEncrypted() {
        PodPointSession s = session("bob@example.com", "pw-bob-1", "rt-1", "9");
        accounts.link(102, 8, s);
        s.updateTokens("id-2", "rt-2", Instant.now().plusSeconds(3600));
        assertThat(accounts.credentials(102).orElseThrow().refreshToken()).isEqualTo("rt-2");
    }

    @Test
    void statusChangesDrivePollability() {
        accounts.link(103, 9, session("c@example.com", "pw", "rt", "1"));
        accounts.link(104, 10, session("d@example.com", "pw", "rt", "2"));
        assertThat(accounts.pollableChatIds()).containsExactly(103L, 104L);

        accounts.markAuthFailed(103);
        accounts.markChatUnreachable(104);
        assertThat(accounts.pollableChatIds()).isEmpty();

        accounts.markChatActive(104);
        assertThat(accounts.pollableChatIds()).containsExactly(104L);

        accounts.link(103, 9, session("c@example.com", "pw2", "rt", "1"));
        assertThat(accounts.pollableChatIds()).containsExactly(103L, 104L);
    }

    @Test
    void unlinkDeletesTheRow() {
        accounts.link(105, 11, session("e@example.com", "pw", "rt", "1"));
        assertThat(accounts.unlink(105)).isTrue();
        assertThat(accounts.find(105)).isEmpty();
        assertThat(accounts.unlink(105)).isFalse();
    }

    @Test
    void aChatSeenActiveCostsNoDatabaseWorkUntilItsStateChangesHere() {
        accounts.link(106, 12, session("f@example.com", "pw", "rt", "1"));
        assertThat(accounts.knownLinkedAndActive(106)).as("a link is not trusted before it is read back").isFalse();
        accounts.markChatActive(106); // reads the row: linked and active
        assertThat(accounts.knownLinkedAndActive(106)).isTrue();

        // another instance's outbox got a 403 and marked the chat inactive: this instance does not read the row
        // again for a while (the reply path stays free of database work), so it does not write it either...
        setActive(106, false);
        accounts.markChatActive(106);
        assertThat(active(106)).isFalse();
        // ...but Telegram's "the user unblocked the bot" is always read and written
        accounts.reactivate(106);
        assertThat(active(106)).isTrue();

        // a change made by this instance is seen at once
        accounts.markChatUnreachable(106);
        assertThat(accounts.knownLinkedAndActive(106)).isFalse();
        accounts.markChatActive(106);
        assertThat(active(106)).isTrue();
        assertThat(accounts.knownLinkedAndActive(106)).isTrue();
        accounts.markAuthFailed(106);
        assertThat(accounts.knownLinkedAndActive(106)).isFalse();
        accounts.markChatActive(106); // read: not linked any more, so nothing is remembered
        assertThat(accounts.knownLinkedAndActive(106)).isFalse();
    }

    void setActive(long chat, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.<ChatAccount>findById(chat).chatActive = active);
    }

    boolean active(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> ChatAccount.<ChatAccount>findById(chat).chatActive);
    }
}
