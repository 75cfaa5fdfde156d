package dev.podbot.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of credentials at rest. Each value gets a fresh 12-byte nonce, and associated data that
 * binds it to its row and column, so a ciphertext copied to another row does not decrypt. Stored text is
 * {@code v1:<kid>:<base64url(nonce ‖ ciphertext ‖ tag)>}, where {@code kid} names the key so keys can rotate:
 * the newest key encrypts, every configured key decrypts.
 *
 * <p>Nothing here ever logs or puts key material or plaintext into an exception message.
 */
public final class CredentialCipher {

    public static final String HOW_TO_MAKE_A_KEY = "Generate one with: openssl rand -base64 32";
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private final SecureRandom random = new SecureRandom();
    private final String primaryKid;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /**
     * @param primaryKeyBase64 the key that encrypts (32 bytes as Base64 or 64 hex digits)
     * @param oldKeysBase64    older keys that still decrypt
     * @throws InvalidKeyException when a key is missing or not 32 bytes of Base64 or hex
     */
    public CredentialCipher(String primaryKeyBase64, List<String> oldKeysBase64) {
        SecretKey primary = decodeKey(primaryKeyBase64, "BOT_ENCRYPTION_KEY");
        primaryKid = kid(primary);
        keys.put(primaryKid, primary);
        for (String old : oldKeysBase64 == null ? List.<String>of() : oldKeysBase64) {
            if (old == null || old.isBlank()) {
                continue;
            }
            SecretKey k = decodeKey(old, "BOT_OLD_ENCRYPTION_KEYS");
            keys.putIfAbsent(kid(k), k);
        }
    }

    /** A cipher with a random throwaway key (demo mode and tests). */
    public static CredentialCipher throwaway() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CredentialCipher(Base64.getEncoder().encodeToString(key), List.of());
    }

    public String primaryKeyId() {
        return primaryKid;
    }

    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    /** Encrypts a value for one row and column. Null stays null. */
    public String encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(primaryKid), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return VERSION + ":" + primaryKid + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Decrypts a stored value for the same row and column it was encrypted for.
     *
     * @throws DecryptionException when the value is malformed, its key is unknown, or it belongs to another row
     */
    public String decrypt(String stored, String associatedData) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new DecryptionException("Stored credential has an unknown format");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new DecryptionException("Stored credential was encrypted with key " + parts[1]
                    + ", which is not configured (add it to BOT_OLD_ENCRYPTION_KEYS)");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new DecryptionException("Stored credential is truncated");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] pt = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(pt, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DecryptionException("Stored credential does not decrypt for this row");
        }
    }

    /** The key id inside a stored value, or null when it is not ours. */
    public static String keyIdOf(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    /** True when the value was encrypted with an older key and should be re-encrypted. */
    public boolean needsRotation(String stored) {
        return stored != null && !primaryKid.equals(keyIdOf(stored));
    }

    /**
     * Every problem with the key settings, one line each (empty when both are usable), so start-up can report them
     * together with the other configuration problems.
     */
    public static List<String> keyProblems(String primaryKey, List<String> oldKeys) {
        List<String> problems = new ArrayList<>();
        try {
            decodeKey(primaryKey, "BOT_ENCRYPTION_KEY");
        } catch (InvalidKeyException e) {
            problems.add(e.getMessage());
        }
        for (String old : oldKeys == null ? List.<String>of() : oldKeys) {
            if (old == null || old.isBlank()) {
                continue;
            }
            try {
                decodeKey(old, "BOT_OLD_ENCRYPTION_KEYS");
            } catch (InvalidKeyException e) {
                problems.add(e.getMessage());
                break;
            }
        }
        return problems;
    }

    /** A key is 32 bytes, written as Base64 ({@code openssl rand -base64 32}) or 64 hex digits ({@code -hex 32}). */
    private static SecretKey decodeKey(String text, String setting) {
        if (text == null || text.isBlank()) {
            throw new InvalidKeyException(setting + " is not set. " + HOW_TO_MAKE_A_KEY);
        }
        String key = text.trim();
        byte[] raw;
        if (HEX_KEY.matcher(key).matches()) {
            raw = HexFormat.of().parseHex(key);
        } else {
            try {
                raw = Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyException(setting + " is neither Base64 nor 64 hex digits. " + HOW_TO_MAKE_A_KEY);
            }
        }
        if (raw.length != 32) {
            throw new InvalidKeyException(setting + " must be 32 bytes (it is " + raw.length + "). "
                    + HOW_TO_MAKE_A_KEY);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String kid(SecretKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }

    @Override
    public String toString() {
        return "CredentialCipher[primary=" + primaryKid + ", keys=" + keys.size() + "]";
    }

    /** A key setting is missing or malformed. */
    public static class InvalidKeyException extends IllegalStateException {
        public InvalidKeyException(String message) {
            super(message);
        }
    }

    /** A stored value cannot be decrypted. */
    public static class DecryptionException extends IllegalStateException {
        public DecryptionException(String message) {
            super(message);
        }
    }
}
