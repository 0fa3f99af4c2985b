-- GET /api/v1/favourites and /api/v1/bookmarks page one account's rows by row id (the Link cursor); without these
-- indexes SQLite would read every row of the account through the (account_id, status_id) key and sort them.
CREATE INDEX favourites_account ON favourites (account_id, id);
CREATE INDEX bookmarks_account ON bookmarks (account_id, id);
