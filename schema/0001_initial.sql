-- vmst schema, first version: designed for the whole product, not only the foundation.
--
-- Conventions
--   * Primary keys are 64-bit time-sortable ids ((unix_ms << 16) | sequence), assigned by the application,
--     so the API can render them as decimal strings and clients can sort them.
--   * Every *_at column is INTEGER milliseconds since the Unix epoch, UTC. NULL means "never" / "not set".
--   * Booleans are INTEGER 0/1.
--   * A NULL accounts.domain means a local account; remote rows carry the actor's host (with port if any).
--   * JSON columns hold small, always-read-together lists (profile fields, scopes) that are never queried into.

-- ---------------------------------------------------------------------------------------------------------
-- Accounts: local and remote actors
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE accounts (
  id                   INTEGER PRIMARY KEY,
  username             TEXT    NOT NULL,
  domain               TEXT,                       -- NULL for local accounts
  actor_type           TEXT    NOT NULL DEFAULT 'Person'
                       CHECK (actor_type IN ('Person', 'Service', 'Group', 'Organization', 'Application')),
  display_name         TEXT    NOT NULL DEFAULT '',
  note                 TEXT    NOT NULL DEFAULT '', -- HTML as shown to clients
  note_source          TEXT    NOT NULL DEFAULT '', -- plain text the local user typed
  uri                  TEXT    NOT NULL UNIQUE,     -- ActivityPub actor id
  url                  TEXT,                        -- profile page
  inbox_url            TEXT    NOT NULL DEFAULT '',
  outbox_url           TEXT    NOT NULL DEFAULT '',
  shared_inbox_url     TEXT    NOT NULL DEFAULT '',
  followers_url        TEXT    NOT NULL DEFAULT '',
  following_url        TEXT    NOT NULL DEFAULT '',
  featured_url         TEXT    NOT NULL DEFAULT '',
  public_key_id        TEXT    NOT NULL DEFAULT '', -- keyId, usually uri#main-key
  public_key_pem       TEXT    NOT NULL DEFAULT '',
  private_key_pem      TEXT,                        -- local accounts only
  avatar_media_id      INTEGER,                     -- local upload (media_attachments.id)
  avatar_remote_url    TEXT,
  header_media_id      INTEGER,
  header_remote_url    TEXT,
  fields               TEXT    NOT NULL DEFAULT '[]', -- [{"name","value"(HTML),"verified_at"}]
  also_known_as        TEXT    NOT NULL DEFAULT '[]', -- actor uris
  moved_to_account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  locked               INTEGER NOT NULL DEFAULT 0,  -- manuallyApprovesFollowers
  bot                  INTEGER NOT NULL DEFAULT 0,
  discoverable         INTEGER NOT NULL DEFAULT 0,
  indexable            INTEGER NOT NULL DEFAULT 0,
  hide_collections     INTEGER NOT NULL DEFAULT 0,
  memorial             INTEGER NOT NULL DEFAULT 0,
  silenced_at          INTEGER,
  suspended_at         INTEGER,
  sensitized_at        INTEGER,
  gone_at              INTEGER,                     -- the remote actor answered 410
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  last_fetched_at      INTEGER,                     -- remote actors: when we last refreshed them
  CHECK (domain IS NOT NULL OR private_key_pem IS NOT NULL OR actor_type = 'Application')
);
-- Handles are case-insensitive and unique per domain; local accounts share the '' domain slot.
CREATE UNIQUE INDEX accounts_handle ON accounts (lower(username), coalesce(lower(domain), ''));
CREATE INDEX accounts_domain ON accounts (domain) WHERE domain IS NOT NULL;
CREATE INDEX accounts_public_key_id ON accounts (public_key_id) WHERE public_key_id <> '';

-- Counters kept apart so that hot updates do not rewrite the wide account row.
CREATE TABLE account_stats (
  account_id       INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  statuses_count   INTEGER NOT NULL DEFAULT 0,
  following_count  INTEGER NOT NULL DEFAULT 0,
  followers_count  INTEGER NOT NULL DEFAULT 0,
  last_status_at   INTEGER
);

-- Local login identities. Every user has exactly one local account.
CREATE TABLE users (
  id               INTEGER PRIMARY KEY,
  account_id       INTEGER NOT NULL UNIQUE REFERENCES accounts(id) ON DELETE CASCADE,
  email            TEXT    NOT NULL COLLATE NOCASE UNIQUE,
  password_hash    TEXT    NOT NULL,                 -- argon2id encoded string
  role             TEXT    NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin')),
  approved         INTEGER NOT NULL DEFAULT 1,
  confirmed_at     INTEGER,
  disabled         INTEGER NOT NULL DEFAULT 0,
  locale           TEXT    NOT NULL DEFAULT 'en',
  sign_up_reason   TEXT    NOT NULL DEFAULT '',
  settings         TEXT    NOT NULL DEFAULT '{}',    -- posting defaults and client preferences
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  last_sign_in_at  INTEGER
);

-- Browser sessions of the web UI.
CREATE TABLE web_sessions (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash    TEXT    NOT NULL UNIQUE,
  user_agent    TEXT    NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);

-- ---------------------------------------------------------------------------------------------------------
-- OAuth
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE oauth_applications (
  id                INTEGER PRIMARY KEY,
  name              TEXT    NOT NULL,
  website           TEXT,
  redirect_uris     TEXT    NOT NULL,               -- newline separated, stored verbatim
  scopes            TEXT    NOT NULL,               -- space separated
  client_id         TEXT    NOT NULL UNIQUE,
  client_secret     TEXT    NOT NULL,
  owner_account_id  INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  created_at        INTEGER NOT NULL
);

CREATE TABLE oauth_authorization_codes (
  id                     INTEGER PRIMARY KEY,
  application_id         INTEGER NOT NULL REFERENCES oauth_applications(id) ON DELETE CASCADE,
  user_id                INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash              TEXT    NOT NULL UNIQUE,
  redirect_uri           TEXT    NOT NULL,
  scopes                 TEXT    NOT NULL,
  code_challenge         TEXT,
  code_challenge_method  TEXT,
  created_at             INTEGER NOT NULL,
  expires_at             INTEGER NOT NULL,
  used_at                INTEGER
);

CREATE TABLE oauth_access_tokens (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER REFERENCES oauth_applications(id) ON DELETE CASCADE,
  user_id         INTEGER REFERENCES users(id) ON DELETE CASCADE,  -- NULL for client_credentials tokens
  token_hash      TEXT    NOT NULL UNIQUE,                         -- SHA-256 of the bearer token
  scopes          TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  last_used_at    INTEGER,
  revoked_at      INTEGER
);
CREATE INDEX oauth_access_tokens_user ON oauth_access_tokens (user_id);

-- ---------------------------------------------------------------------------------------------------------
-- Statuses and what hangs off them
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE conversations (
  id          INTEGER PRIMARY KEY,
  uri         TEXT UNIQUE,                          -- AP `context`/`conversation`, when the origin sent one
  created_at  INTEGER NOT NULL
);

CREATE TABLE statuses (
  id                      INTEGER PRIMARY KEY,
  uri                     TEXT    NOT NULL UNIQUE,  -- ActivityPub object id (Announce id for reblogs)
  url                     TEXT,
  account_id              INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  local                   INTEGER NOT NULL DEFAULT 0,
  in_reply_to_id          INTEGER REFERENCES statuses(id) ON DELETE SET NULL,
  in_reply_to_account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  in_reply_to_uri         TEXT,                     -- kept when the parent is not (yet) known
  reblog_of_id            INTEGER REFERENCES statuses(id) ON DELETE CASCADE,
  quote_of_id             INTEGER REFERENCES statuses(id) ON DELETE SET NULL,
  conversation_id         INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
  application_id          INTEGER REFERENCES oauth_applications(id) ON DELETE SET NULL,
  visibility              TEXT    NOT NULL DEFAULT 'public'
                          CHECK (visibility IN ('public', 'unlisted', 'private', 'direct')),
  text                    TEXT    NOT NULL DEFAULT '', -- source as typed (local statuses)
  content                 TEXT    NOT NULL DEFAULT '', -- rendered, sanitised HTML
  spoiler_text            TEXT    NOT NULL DEFAULT '',
  sensitive               INTEGER NOT NULL DEFAULT 0,
  language                TEXT,
  content_type            TEXT    NOT NULL DEFAULT 'text/plain',
  created_at              INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL,
  edited_at               INTEGER,
  deleted_at              INTEGER                    -- kept briefly as a tombstone for federation
);
CREATE INDEX statuses_account ON statuses (account_id, id);
CREATE INDEX statuses_reply ON statuses (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;
CREATE INDEX statuses_reply_uri ON statuses (in_reply_to_uri) WHERE in_reply_to_uri IS NOT NULL;
CREATE INDEX statuses_reblog ON statuses (reblog_of_id, account_id) WHERE reblog_of_id IS NOT NULL;
CREATE INDEX statuses_conversation ON statuses (conversation_id);
CREATE INDEX statuses_local_public ON statuses (id) WHERE local = 1 AND visibility = 'public' AND reblog_of_id IS NULL;

CREATE TABLE status_stats (
  status_id         INTEGER PRIMARY KEY REFERENCES statuses(id) ON DELETE CASCADE,
  replies_count     INTEGER NOT NULL DEFAULT 0,
  reblogs_count     INTEGER NOT NULL DEFAULT 0,
  favourites_count  INTEGER NOT NULL DEFAULT 0
);

-- Earlier versions of a status, newest last; the current version lives in statuses.
CREATE TABLE status_edits (
  id            INTEGER PRIMARY KEY,
  status_id     INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  text          TEXT    NOT NULL DEFAULT '',
  content       TEXT    NOT NULL DEFAULT '',
  spoiler_text  TEXT    NOT NULL DEFAULT '',
  sensitive     INTEGER NOT NULL DEFAULT 0,
  media_ids     TEXT    NOT NULL DEFAULT '[]',
  poll_options  TEXT,
  created_at    INTEGER NOT NULL
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  silent      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (status_id, account_id)
);
CREATE INDEX mentions_account ON mentions (account_id, status_id);

CREATE TABLE tags (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL COLLATE NOCASE UNIQUE,
  display_name    TEXT    NOT NULL DEFAULT '',
  usable          INTEGER NOT NULL DEFAULT 1,
  listable        INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  last_status_at  INTEGER
);

CREATE TABLE status_tags (
  status_id  INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (status_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX status_tags_tag ON status_tags (tag_id, status_id);

CREATE TABLE tag_follows (
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE featured_tags (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  UNIQUE (account_id, tag_id)
);

CREATE TABLE polls (
  id              INTEGER PRIMARY KEY,
  status_id       INTEGER NOT NULL UNIQUE REFERENCES statuses(id) ON DELETE CASCADE,
  account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  options         TEXT    NOT NULL,                 -- ["title", ...]
  votes_counts    TEXT    NOT NULL DEFAULT '[]',    -- [n, ...] in option order
  multiple        INTEGER NOT NULL DEFAULT 0,
  hide_totals     INTEGER NOT NULL DEFAULT 0,
  votes_count     INTEGER NOT NULL DEFAULT 0,
  voters_count    INTEGER,
  expires_at      INTEGER,
  last_fetched_at INTEGER,
  created_at      INTEGER NOT NULL
);

CREATE TABLE poll_votes (
  id          INTEGER PRIMARY KEY,
  poll_id     INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  choice      INTEGER NOT NULL,
  uri         TEXT,
  created_at  INTEGER NOT NULL,
  UNIQUE (poll_id, account_id, choice)
);

CREATE TABLE media_attachments (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id          INTEGER REFERENCES statuses(id) ON DELETE SET NULL, -- NULL until attached
  position           INTEGER NOT NULL DEFAULT 0,
  type               TEXT    NOT NULL DEFAULT 'unknown'
                     CHECK (type IN ('image', 'gifv', 'video', 'audio', 'unknown')),
  state              TEXT    NOT NULL DEFAULT 'ready' CHECK (state IN ('processing', 'ready', 'failed')),
  file_path          TEXT,                          -- relative to data_dir/media
  file_content_type  TEXT,
  file_size          INTEGER,
  thumbnail_path     TEXT,
  remote_url         TEXT,                          -- origin URL of remote media
  cached             INTEGER NOT NULL DEFAULT 0,    -- remote media copied locally
  description        TEXT,
  blurhash           TEXT,
  meta               TEXT    NOT NULL DEFAULT '{}', -- sizes, aspect, duration
  focus_x            REAL    NOT NULL DEFAULT 0,
  focus_y            REAL    NOT NULL DEFAULT 0,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX media_attachments_status ON media_attachments (status_id, position) WHERE status_id IS NOT NULL;
CREATE INDEX media_attachments_unattached ON media_attachments (created_at) WHERE status_id IS NULL;

CREATE TABLE preview_cards (
  id             INTEGER PRIMARY KEY,
  url            TEXT    NOT NULL UNIQUE,
  title          TEXT    NOT NULL DEFAULT '',
  description    TEXT    NOT NULL DEFAULT '',
  type           TEXT    NOT NULL DEFAULT 'link',
  author_name    TEXT    NOT NULL DEFAULT '',
  author_url     TEXT    NOT NULL DEFAULT '',
  provider_name  TEXT    NOT NULL DEFAULT '',
  provider_url   TEXT    NOT NULL DEFAULT '',
  image_media_id INTEGER REFERENCES media_attachments(id) ON DELETE SET NULL,
  width          INTEGER NOT NULL DEFAULT 0,
  height         INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE status_preview_cards (
  status_id        INTEGER PRIMARY KEY REFERENCES statuses(id) ON DELETE CASCADE,
  preview_card_id  INTEGER NOT NULL REFERENCES preview_cards(id) ON DELETE CASCADE
);

-- Full-text search over local (and, later, indexable remote) statuses; rowid = statuses.id.
CREATE VIRTUAL TABLE statuses_fts USING fts5 (plain_text, tokenize = 'unicode61 remove_diacritics 2');

-- Client retries of POST /api/v1/statuses with the same Idempotency-Key get the first status back.
CREATE TABLE idempotency_keys (
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key         TEXT    NOT NULL,
  status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, key)
) WITHOUT ROWID;

CREATE TABLE scheduled_statuses (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  scheduled_at  INTEGER NOT NULL,
  params        TEXT    NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX scheduled_statuses_due ON scheduled_statuses (scheduled_at);

-- ---------------------------------------------------------------------------------------------------------
-- Social graph and per-user actions
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE follows (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uri                TEXT UNIQUE,                   -- the Follow activity id
  show_reblogs       INTEGER NOT NULL DEFAULT 1,
  notify             INTEGER NOT NULL DEFAULT 0,
  languages          TEXT,                          -- JSON array or NULL for all
  created_at         INTEGER NOT NULL,
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follows_target ON follows (target_account_id, account_id);

CREATE TABLE follow_requests (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uri                TEXT UNIQUE,
  show_reblogs       INTEGER NOT NULL DEFAULT 1,
  notify             INTEGER NOT NULL DEFAULT 0,
  languages          TEXT,
  created_at         INTEGER NOT NULL,
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follow_requests_target ON follow_requests (target_account_id, id);

CREATE TABLE favourites (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  uri         TEXT UNIQUE,
  created_at  INTEGER NOT NULL,
  UNIQUE (account_id, status_id)
);
CREATE INDEX favourites_status ON favourites (status_id);

CREATE TABLE bookmarks (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  UNIQUE (account_id, status_id)
);

CREATE TABLE status_pins (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  UNIQUE (account_id, status_id)
);

-- Muted threads.
CREATE TABLE conversation_mutes (
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, conversation_id)
) WITHOUT ROWID;

CREATE TABLE blocks (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uri                TEXT UNIQUE,
  created_at         INTEGER NOT NULL,
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX blocks_target ON blocks (target_account_id);

CREATE TABLE mutes (
  id                  INTEGER PRIMARY KEY,
  account_id          INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  hide_notifications  INTEGER NOT NULL DEFAULT 1,
  expires_at          INTEGER,
  created_at          INTEGER NOT NULL,
  UNIQUE (account_id, target_account_id)
);

-- A user hiding a whole remote server for themselves (not an admin domain block).
CREATE TABLE account_domain_blocks (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  domain      TEXT    NOT NULL COLLATE NOCASE,
  created_at  INTEGER NOT NULL,
  UNIQUE (account_id, domain)
);

-- Private notes on other accounts (Relationship.note) and endorsements (featured accounts).
CREATE TABLE account_notes (
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  comment            TEXT    NOT NULL,
  PRIMARY KEY (account_id, target_account_id)
) WITHOUT ROWID;

CREATE TABLE account_endorsements (
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at         INTEGER NOT NULL,
  PRIMARY KEY (account_id, target_account_id)
) WITHOUT ROWID;

-- ---------------------------------------------------------------------------------------------------------
-- Timelines, notifications, lists, filters, markers
-- ---------------------------------------------------------------------------------------------------------
-- Home timelines, filled on write: one row per (reader, status or reblog wrapper).
CREATE TABLE home_feed (
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, status_id)
) WITHOUT ROWID;
CREATE INDEX home_feed_status ON home_feed (status_id);

CREATE TABLE notifications (
  id               INTEGER PRIMARY KEY,
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, -- recipient
  from_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  type             TEXT    NOT NULL CHECK (type IN ('mention', 'status', 'reblog', 'follow', 'follow_request',
                     'favourite', 'poll', 'update', 'admin.sign_up', 'admin.report', 'severed_relationships',
                     'moderation_warning')),
  status_id        INTEGER REFERENCES statuses(id) ON DELETE CASCADE,
  report_id        INTEGER REFERENCES reports(id) ON DELETE CASCADE,
  created_at       INTEGER NOT NULL
);
CREATE INDEX notifications_account ON notifications (account_id, id);
CREATE INDEX notifications_status ON notifications (status_id) WHERE status_id IS NOT NULL;

CREATE TABLE lists (
  id              INTEGER PRIMARY KEY,
  account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title           TEXT    NOT NULL,
  replies_policy  TEXT    NOT NULL DEFAULT 'list' CHECK (replies_policy IN ('followed', 'list', 'none')),
  exclusive       INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL
);
CREATE INDEX lists_account ON lists (account_id);

CREATE TABLE list_accounts (
  list_id     INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (list_id, account_id)
) WITHOUT ROWID;
CREATE INDEX list_accounts_account ON list_accounts (account_id);

CREATE TABLE filters (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title       TEXT    NOT NULL,
  context     TEXT    NOT NULL DEFAULT '[]',        -- ["home","notifications","public","thread","account"]
  action      TEXT    NOT NULL DEFAULT 'warn' CHECK (action IN ('warn', 'hide', 'blur')),
  expires_at  INTEGER,
  created_at  INTEGER NOT NULL
);
CREATE INDEX filters_account ON filters (account_id);

CREATE TABLE filter_keywords (
  id          INTEGER PRIMARY KEY,
  filter_id   INTEGER NOT NULL REFERENCES filters(id) ON DELETE CASCADE,
  keyword     TEXT    NOT NULL,
  whole_word  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX filter_keywords_filter ON filter_keywords (filter_id);

CREATE TABLE filter_statuses (
  id         INTEGER PRIMARY KEY,
  filter_id  INTEGER NOT NULL REFERENCES filters(id) ON DELETE CASCADE,
  status_id  INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  UNIQUE (filter_id, status_id)
);

CREATE TABLE markers (
  account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  timeline      TEXT    NOT NULL CHECK (timeline IN ('home', 'notifications')),
  last_read_id  INTEGER NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    INTEGER NOT NULL,
  PRIMARY KEY (account_id, timeline)
) WITHOUT ROWID;

-- Direct-message conversations as each participant sees them.
CREATE TABLE account_conversations (
  id                  INTEGER PRIMARY KEY,
  account_id          INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id     INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  participant_ids     TEXT    NOT NULL DEFAULT '[]',
  last_status_id      INTEGER REFERENCES statuses(id) ON DELETE SET NULL,
  unread              INTEGER NOT NULL DEFAULT 0,
  updated_at          INTEGER NOT NULL,
  UNIQUE (account_id, conversation_id)
);

-- ---------------------------------------------------------------------------------------------------------
-- Custom emoji
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE custom_emojis (
  id                  INTEGER PRIMARY KEY,
  shortcode           TEXT    NOT NULL,
  domain              TEXT,                          -- NULL for local emoji
  uri                 TEXT,                          -- AP Emoji id for remote ones
  image_path          TEXT,                          -- relative to data_dir/media
  image_content_type  TEXT,
  image_remote_url    TEXT,
  category            TEXT,
  visible_in_picker   INTEGER NOT NULL DEFAULT 1,
  disabled            INTEGER NOT NULL DEFAULT 0,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE UNIQUE INDEX custom_emojis_shortcode ON custom_emojis (shortcode, coalesce(domain, ''));

-- ---------------------------------------------------------------------------------------------------------
-- Federation: known instances, moderation of domains, inbound and outbound queues
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE instances (
  domain                 TEXT    PRIMARY KEY COLLATE NOCASE,
  software               TEXT,
  software_version       TEXT,
  first_seen_at          INTEGER NOT NULL,
  last_success_at        INTEGER,
  last_failure_at        INTEGER,
  consecutive_failures   INTEGER NOT NULL DEFAULT 0,
  breaker_open_until     INTEGER,                    -- circuit breaker: fail fast until then
  failure_days           TEXT    NOT NULL DEFAULT '[]', -- distinct UTC days with failures since the last success
  unavailable_since      INTEGER,                    -- set after failures on 7 distinct days; skipped by fan-out
  nodeinfo_fetched_at    INTEGER
) WITHOUT ROWID;

CREATE TABLE domain_blocks (
  id               INTEGER PRIMARY KEY,
  domain           TEXT    NOT NULL COLLATE NOCASE UNIQUE, -- also matches subdomains
  severity         TEXT    NOT NULL DEFAULT 'suspend' CHECK (severity IN ('noop', 'silence', 'suspend')),
  reject_media     INTEGER NOT NULL DEFAULT 0,
  reject_reports   INTEGER NOT NULL DEFAULT 0,
  obfuscate        INTEGER NOT NULL DEFAULT 0,
  private_comment  TEXT    NOT NULL DEFAULT '',
  public_comment   TEXT    NOT NULL DEFAULT '',
  subscription_id  INTEGER REFERENCES blocklist_subscriptions(id) ON DELETE SET NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);

-- For allow-list ("limited federation") mode.
CREATE TABLE domain_allows (
  id          INTEGER PRIMARY KEY,
  domain      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
  created_at  INTEGER NOT NULL
);

-- Shared block lists (CSV in Mastodon's export format) pulled on a schedule.
CREATE TABLE blocklist_subscriptions (
  id               INTEGER PRIMARY KEY,
  url              TEXT    NOT NULL UNIQUE,
  etag             TEXT,
  last_fetched_at  INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL
);

-- Signed activities received at an inbox, stored before the 202 and processed in the background.
CREATE TABLE inbox_activities (
  id            INTEGER PRIMARY KEY,
  activity_uri  TEXT    UNIQUE,                      -- dedupes redeliveries
  actor_uri     TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  received_at   INTEGER NOT NULL,
  processed_at  INTEGER,
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT
);
CREATE INDEX inbox_activities_pending ON inbox_activities (id) WHERE processed_at IS NULL;

-- One outbound activity body, shared by every delivery job of its fan-out.
CREATE TABLE outbound_activities (
  id                 INTEGER PRIMARY KEY,
  sender_account_id  INTEGER REFERENCES accounts(id) ON DELETE CASCADE, -- signs the requests
  body               TEXT    NOT NULL,
  created_at         INTEGER NOT NULL
);

CREATE TABLE delivery_jobs (
  id                    INTEGER PRIMARY KEY,
  outbound_activity_id  INTEGER NOT NULL REFERENCES outbound_activities(id) ON DELETE CASCADE,
  inbox_url             TEXT    NOT NULL,
  host                  TEXT    NOT NULL COLLATE NOCASE,
  state                 TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'in_flight', 'done', 'dead')),
  attempts              INTEGER NOT NULL DEFAULT 0,
  next_attempt_at       INTEGER NOT NULL,
  last_status           INTEGER,                     -- last HTTP status, 0 for network errors
  last_error            TEXT,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE INDEX delivery_jobs_due ON delivery_jobs (next_attempt_at) WHERE state = 'queued';
CREATE INDEX delivery_jobs_host ON delivery_jobs (host, state);
CREATE INDEX delivery_jobs_activity ON delivery_jobs (outbound_activity_id);

-- Monotonic counters for metrics (delivered, failed, retried, dropped, status classes...).
CREATE TABLE counters (
  name   TEXT    PRIMARY KEY,
  value  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- ---------------------------------------------------------------------------------------------------------
-- Moderation
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE reports (
  id                          INTEGER PRIMARY KEY,
  account_id                  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, -- reporter
  target_account_id           INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  category                    TEXT    NOT NULL DEFAULT 'other'
                              CHECK (category IN ('spam', 'legal', 'violation', 'other')),
  comment                     TEXT    NOT NULL DEFAULT '',
  rule_ids                    TEXT    NOT NULL DEFAULT '[]',
  forwarded                   INTEGER NOT NULL DEFAULT 0,
  uri                         TEXT UNIQUE,           -- Flag activity id, both directions
  assigned_account_id         INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  action_taken_at             INTEGER,
  action_taken_by_account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  created_at                  INTEGER NOT NULL,
  updated_at                  INTEGER NOT NULL
);
CREATE INDEX reports_open ON reports (id) WHERE action_taken_at IS NULL;
CREATE INDEX reports_target ON reports (target_account_id);

CREATE TABLE report_statuses (
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  status_id  INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
  PRIMARY KEY (report_id, status_id)
) WITHOUT ROWID;

CREATE TABLE report_notes (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL, -- NULL when written from the CLI
  content     TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE account_warnings (
  id                 INTEGER PRIMARY KEY,
  target_account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  action             TEXT    NOT NULL CHECK (action IN ('none', 'disable', 'mark_statuses_as_sensitive',
                       'delete_statuses', 'sensitive', 'silence', 'suspend')),
  text               TEXT    NOT NULL DEFAULT '',
  report_id          INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  created_at         INTEGER NOT NULL
);

-- Who did what, for the admin audit trail (CLI actions have no account).
CREATE TABLE admin_action_logs (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  action       TEXT    NOT NULL,
  target_type  TEXT    NOT NULL,
  target_id    TEXT    NOT NULL,
  summary      TEXT    NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL
);

CREATE TABLE email_domain_blocks (
  id          INTEGER PRIMARY KEY,
  domain      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
  created_at  INTEGER NOT NULL
);

-- ---------------------------------------------------------------------------------------------------------
-- The instance itself: settings edited at run time, rules, pages, announcements
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE instance_settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,                         -- JSON
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE instance_rules (
  id          INTEGER PRIMARY KEY,
  position    INTEGER NOT NULL DEFAULT 0,
  text        TEXT    NOT NULL,
  hint        TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- Markdown pages: about, privacy policy, terms, AI policy, funding...
CREATE TABLE instance_pages (
  slug        TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  markdown    TEXT NOT NULL DEFAULT '',
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE announcements (
  id            INTEGER PRIMARY KEY,
  text          TEXT    NOT NULL,
  starts_at     INTEGER,
  ends_at       INTEGER,
  all_day       INTEGER NOT NULL DEFAULT 0,
  published_at  INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE announcement_dismissals (
  announcement_id  INTEGER NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (announcement_id, account_id)
) WITHOUT ROWID;
