-- Pod Home (issue 9): each account's API generation, stored with the account and rediscovered at least daily.
ALTER TABLE chat_account ADD COLUMN api_generation VARCHAR(8);
ALTER TABLE chat_account ADD COLUMN generation_checked_at TIMESTAMP WITH TIME ZONE;

-- The charge scan (issue 10): when the last successful scan ran, and on which generation, so the next scan can
-- overlap it and a change of generation announces nothing twice.
ALTER TABLE poll_state ADD COLUMN scanned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE poll_state ADD COLUMN api_generation VARCHAR(8);
