-- A poll's end is acted on once (notifications to voters and author, the final Update to remote servers): the
-- background check picks polls that ended and have no `closed_at` yet, then sets it. The partial index keeps that
-- check to the polls still waiting.
ALTER TABLE polls ADD COLUMN closed_at INTEGER;
CREATE INDEX polls_waiting_to_close ON polls (expires_at) WHERE closed_at IS NULL AND expires_at IS NOT NULL;
CREATE INDEX poll_votes_account ON poll_votes (account_id, poll_id);
