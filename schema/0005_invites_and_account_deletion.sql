-- Invitations: a code that lets someone sign up through POST /api/v1/accounts (invite_code) even when
-- instance.registrations is "closed", and skips approval. `max_uses` NULL means unlimited; `expires_at` NULL never.
-- Revoking one sets expires_at to the moment of revocation (Mastodon's Invite#expire!).
CREATE TABLE invites (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,
  max_uses    INTEGER,
  uses        INTEGER NOT NULL DEFAULT 0,
  expires_at  INTEGER,
  created_at  INTEGER NOT NULL
);
-- Which invite a user signed up with (kept for the admin's record when the invite goes).
ALTER TABLE users ADD COLUMN invite_id INTEGER REFERENCES invites(id) ON DELETE SET NULL;

-- A local account an admin deleted: its row stays, emptied and suspended, so that its name cannot be registered
-- again and its actor answers 410 Gone (Mastodon's "permanently suspended").
ALTER TABLE accounts ADD COLUMN deleted_at INTEGER;
