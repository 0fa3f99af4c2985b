-- A reject_media block deletes the copies already made of the domain's media in batches once the block is
-- committed (services/domain_media_clear). The flag stays set until the last batch, so a clear cut short is
-- finished later.
ALTER TABLE domain_blocks ADD COLUMN media_clear_pending INTEGER NOT NULL DEFAULT 0;
