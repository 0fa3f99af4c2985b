-- Grouped notifications (Mastodon 4.3): favourites and boosts of one status, and follows, that arrive within a
-- few hours of each other share a group key; other notifications have none and form a group of their own.
ALTER TABLE notifications ADD COLUMN group_key TEXT;
CREATE INDEX notifications_group ON notifications (account_id, group_key, id) WHERE group_key IS NOT NULL;

-- Scheduled statuses (the table is in 0001) are listed per account.
CREATE INDEX scheduled_statuses_account ON scheduled_statuses (account_id, id);

-- Uploads waiting for their scheduled status: no other post may take them, and they stay until it is published.
ALTER TABLE media_attachments ADD COLUMN scheduled_status_id INTEGER
  REFERENCES scheduled_statuses(id) ON DELETE SET NULL;
CREATE INDEX media_attachments_scheduled ON media_attachments (scheduled_status_id)
  WHERE scheduled_status_id IS NOT NULL;
