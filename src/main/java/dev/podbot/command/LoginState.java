package dev.podbot.command;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A /login conversation in progress. The e-mail, password and 2FA challenge are stored only encrypted
 * ({@link dev.podbot.account.CredentialCipher}) and bound to this row by associated data; {@link #toString()}
 * shows none of them.
 */
@Entity
@Table(name = "login_state")
public class LoginState extends PanacheEntityBase {

    public enum Stage {
        /** The bot asked for the e-mail. */
        EMAIL,
        /** The bot asked for the password. */
        PASSWORD,
        /** Pod Point texted a 2FA code; the bot waits for it. */
        CODE
    }

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 16)
    public Stage stage;

    @Column(name = "email_enc", length = 1024)
    public String emailEnc;

    @Column(name = "password_enc", length = 1024)
    public String passwordEnc;

    @Column(name = "mfa_enc", length = 4096)
    public String mfaEnc;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Associated data for one encrypted column of this row. */
    public static String aad(String column, long chatId) {
        return "login_state." + column + ":" + chatId;
    }

    @Override
    public String toString() {
        return "LoginState[chat=" + chatId + ", stage=" + stage + "]";
    }
}
