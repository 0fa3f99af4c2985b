-- A suspended domain's cached accounts, statuses and media are purged in batches once the block is committed
-- (services/domain_purge). The flag stays set until the last batch, so a purge cut short is finished later.
ALTER TABLE domain_blocks ADD COLUMN purge_pending INTEGER NOT NULL DEFAULT 0;
