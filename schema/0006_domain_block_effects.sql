-- What domain blocks do to accounts and to the local users who lose follows.

-- Set on accounts a silencing domain block limited (as opposed to a moderator), so lifting the block lifts
-- exactly those silences.
ALTER TABLE accounts ADD COLUMN silenced_by_domain_block INTEGER NOT NULL DEFAULT 0;

-- Mastodon's relationship severance events: a block cut follows; each affected local user is told how many.
CREATE TABLE relationship_severance_events (
  id           INTEGER PRIMARY KEY,
  type         TEXT    NOT NULL CHECK (type IN ('domain_block', 'user_domain_block', 'account_suspension')),
  target_name  TEXT    NOT NULL,                     -- the domain or account the relationships were with
  purged       INTEGER NOT NULL DEFAULT 0,           -- the remote side's data was deleted too
  created_at   INTEGER NOT NULL
);

CREATE TABLE account_relationship_severance_events (
  id               INTEGER PRIMARY KEY,
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  event_id         INTEGER NOT NULL REFERENCES relationship_severance_events(id) ON DELETE CASCADE,
  followers_count  INTEGER NOT NULL DEFAULT 0,       -- followers the account lost
  following_count  INTEGER NOT NULL DEFAULT 0,       -- accounts it no longer follows
  UNIQUE (account_id, event_id)
);

ALTER TABLE notifications ADD COLUMN severance_event_id INTEGER
  REFERENCES account_relationship_severance_events(id) ON DELETE CASCADE;

-- Block list subscriptions: how to read the list, the most a subscribed block may do, and what the last fetch did.
ALTER TABLE blocklist_subscriptions ADD COLUMN format TEXT NOT NULL DEFAULT 'auto'
  CHECK (format IN ('auto', 'csv', 'json'));
ALTER TABLE blocklist_subscriptions ADD COLUMN severity_cap TEXT NOT NULL DEFAULT 'suspend'
  CHECK (severity_cap IN ('noop', 'silence', 'suspend'));
ALTER TABLE blocklist_subscriptions ADD COLUMN last_success_at INTEGER;
ALTER TABLE blocklist_subscriptions ADD COLUMN last_result TEXT;  -- "3 new, 1 updated, 20 unchanged, 1 removed..."
