-- A poll's end is acted on once (notifications to voters and author, the final Update to remote servers): the
-- background check picks polls that ended and have no `closed_at` yet, then sets it. `counts_changed_at` is the
-- first vote on a local poll not yet told to other servers: their Update waits a little so that a burst of votes
-- goes out as one. The partial indexes keep both checks to the polls still waiting.
ALTER TABLE polls ADD COLUMN closed_at INTEGER;
ALTER TABLE polls ADD COLUMN counts_changed_at INTEGER;
CREATE INDEX polls_waiting_to_close ON polls (expires_at) WHERE closed_at IS NULL AND expires_at IS NOT NULL;
CREATE INDEX polls_with_unsent_counts ON polls (counts_changed_at) WHERE counts_changed_at IS NOT NULL;
CREATE INDEX poll_votes_account ON poll_votes (account_id, poll_id);
