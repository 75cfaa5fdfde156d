-- One Telegram chat linked to one Pod Point account. Credentials are AES-256-GCM ciphertexts
-- ("v1:<kid>:<base64url>"), never plaintext. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE chat_account (
    chat_id           BIGINT        NOT NULL PRIMARY KEY,
    telegram_user_id  BIGINT        NOT NULL,
    email_enc         VARCHAR(1024) NOT NULL,
    password_enc      VARCHAR(1024) NOT NULL,
    refresh_token_enc VARCHAR(4096),
    podpoint_user_id  VARCHAR(64),
    status            VARCHAR(16)   NOT NULL,
    chat_active       BOOLEAN       NOT NULL,
    linked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL
);

CREATE INDEX chat_account_status_idx ON chat_account (status, chat_active);
