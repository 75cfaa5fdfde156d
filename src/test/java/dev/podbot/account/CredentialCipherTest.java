package dev.podbot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void roundTripsAndUsesTheVersionedFormat() {
        CredentialCipher c = new CredentialCipher(newKey(), List.of());
        String stored = c.encrypt("hunter2", "chat_account.password:42");
        assertThat(stored).startsWith("v1:" + c.primaryKeyId() + ":").doesNotContain("hunter2");
        assertThat(c.decrypt(stored, "chat_account.password:42")).isEqualTo("hunter2");
    }

    @Test
    void usesAFreshNonceForEveryValue() {
        CredentialCipher c = new CredentialCipher(newKey(), List.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(c.encrypt("same", "aad"))).isTrue();
        }
    }

    @Test
    void aCiphertextCopiedToAnotherRowDoesNotDecrypt() {
        CredentialCipher c = new CredentialCipher(newKey(), List.of());
        String stored = c.encrypt("secret", ChatAccount.aad("password", 1));
        assertThatThrownBy(() -> c.decrypt(stored, ChatAccount.aad("password", 2)))
                .isInstanceOf(CredentialCipher.DecryptionException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> c.decrypt(stored, ChatAccount.aad("email", 1)))
                .isInstanceOf(CredentialCipher.DecryptionException.class);
    }

    @Test
    void tamperedCiphertextIsRejected() {
        CredentialCipher c = new CredentialCipher(newKey(), List.of());
        String stored = c.encrypt("secret", "aad");
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] raw = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));
        raw[raw.length - 20] ^= 0x01; // flip one bit of the ciphertext body
        String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThatThrownBy(() -> c.decrypt(tampered, "aad")).isInstanceOf(CredentialCipher.DecryptionException.class);
        assertThatThrownBy(() -> c.decrypt("garbage", "aad")).isInstanceOf(CredentialCipher.DecryptionException.class);
        assertThatThrownBy(() -> c.decrypt("v1:abc:%%%", "aad")).isInstanceOf(CredentialCipher.DecryptionException.class);
    }

    @Test
    void oldKeysStillDecryptAndTheNewestKeyEncrypts() {
        String oldKey = newKey();
        CredentialCipher before = new CredentialCipher(oldKey, List.of());
        String stored = before.encrypt("pw", "aad");

        CredentialCipher after = new CredentialCipher(newKey(), List.of(oldKey));
        assertThat(after.decrypt(stored, "aad")).isEqualTo("pw");
        assertThat(after.needsRotation(stored)).isTrue();
        String rotated = after.encrypt("pw", "aad");
        assertThat(CredentialCipher.keyIdOf(rotated)).isEqualTo(after.primaryKeyId());
        assertThat(after.needsRotation(rotated)).isFalse();

        CredentialCipher withoutOld = new CredentialCipher(newKey(), List.of());
        assertThatThrownBy(() -> withoutOld.decrypt(stored, "aad"))
                .isInstanceOf(CredentialCipher.DecryptionException.class)
                .hasMessageContaining("BOT_OLD_ENCRYPTION_KEYS");
    }

    @Test
    void invalidKeysAreRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> new CredentialCipher(null, List.of()))
                .isInstanceOf(CredentialCipher.InvalidKeyException.class)
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new CredentialCipher("not base64!", List.of()))
                .hasMessageContaining("openssl rand -base64 32");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new CredentialCipher(shortKey, List.of()))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void aKeyOf64HexDigitsIsTheSameKeyAsItsBase64() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String hex = HexFormat.of().formatHex(raw);
        CredentialCipher fromHex = new CredentialCipher(hex, List.of());
        CredentialCipher fromBase64 = new CredentialCipher(Base64.getEncoder().encodeToString(raw), List.of());
        assertThat(fromHex.primaryKeyId()).isEqualTo(fromBase64.primaryKeyId());
        assertThat(fromBase64.decrypt(fromHex.encrypt("secret", "aad"), "aad")).isEqualTo("secret");
        assertThat(new CredentialCipher(newKey(), List.of(hex.toUpperCase())).keyIds()).hasSize(2);
        assertThat(CredentialCipher.keyProblems(hex, List.of())).isEmpty();
        assertThat(CredentialCipher.keyProblems(hex.substring(2), List.of())).singleElement().asString()
                .contains("32 bytes").doesNotContain(hex.substring(2));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String key = newKey();
        assertThat(new CredentialCipher(key, List.of()).toString()).doesNotContain(key);
    }
}
