-- A /login conversation in progress (guided login and SMS 2FA), so it survives a restart.
-- The e-mail, password and 2FA challenge are AES-256-GCM ciphertexts bound to the row, never plaintext.
-- A row lives about ten minutes; it is deleted on success, /cancel, /logout and expiry.
-- No foreign key: a login starts before the chat has an account. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE login_state (
    chat_id      BIGINT        NOT NULL PRIMARY KEY,
    user_id      BIGINT        NOT NULL,
    stage        VARCHAR(16)   NOT NULL,
    email_enc    VARCHAR(1024),
    password_enc VARCHAR(1024),
    mfa_enc      VARCHAR(4096),
    attempts     INTEGER       NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX login_state_expires_idx ON login_state (expires_at);
