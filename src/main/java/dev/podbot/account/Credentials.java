package dev.podbot.account;

/** Decrypted Pod Point credentials, held only in memory. {@code toString} never shows them. */
public record Credentials(String email, String password, String refreshToken, String podpointUserId) {
    @Override
    public String toString() {
        return "Credentials[redacted]";
    }
}
