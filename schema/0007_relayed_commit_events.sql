-- Changes committed by another process (the admin CLI) that the running server's live streams should hear of.
-- The CLI writes a row in the same transaction as the change; the server reads and deletes rows about once a second.
CREATE TABLE relayed_commit_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  payload     TEXT NOT NULL,   -- JSON: kind, status_id, notification_id, account_ids, tags
  created_at  INTEGER NOT NULL
);
