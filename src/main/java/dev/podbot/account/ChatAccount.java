package dev.podbot.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One Telegram chat linked to one Pod Point account. The e-mail, password and refresh token are stored only
 * encrypted ({@link CredentialCipher}), bound to this row by associated data. {@link #toString()} shows no
 * credential, not even encrypted.
 */
@Entity
@Table(name = "chat_account")
public class ChatAccount extends PanacheEntityBase {

    public enum Status {
        /** Signed in; polled for notifications. */
        LINKED,
        /** Pod Point stopped accepting the saved sign-in; polling paused until /login. */
        AUTH_FAILED
    }

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Column(name = "telegram_user_id", nullable = false)
    public Long telegramUserId;

    @Column(name = "email_enc", nullable = false, length = 1024)
    public String emailEnc;

    @Column(name = "password_enc", nullable = false, length = 1024)
    public String passwordEnc;

    @Column(name = "refresh_token_enc", length = 4096)
    public String refreshTokenEnc;

    @Column(name = "podpoint_user_id", length = 64)
    public String podpointUserId;

    /** "home" or "legacy" (API doc §10.19); null until discovered. */
    @Column(name = "api_generation", length = 8)
    public String apiGeneration;

    @Column(name = "generation_checked_at")
    public Instant generationCheckedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public Status status = Status.LINKED;

    /** False once Telegram said the user blocked the bot (403); true again when they write. */
    @Column(name = "chat_active", nullable = false)
    public boolean chatActive = true;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    /** Associated data for one encrypted column of this row. */
    public static String aad(String column, long chatId) {
        return "chat_account." + column + ":" + chatId;
    }

    public boolean pollable() {
        return status == Status.LINKED && chatActive;
    }

    @Override
    public String toString() {
        return "ChatAccount[chat=" + chatId + ", status=" + status + ", active=" + chatActive + "]";
    }
}
