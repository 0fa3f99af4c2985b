-- The delivery engine's queue, split in two lanes so that one large fan-out cannot starve the others.
--
-- Fresh lane: jobs waiting for their first attempt carry fair_order, a position in a start-time fair queue. A new
-- activity numbers its jobs from the current head of the lane (head, head+1, ...), so the jobs of every activity
-- waiting at the same time interleave one for one, whatever their sizes. Claims take the lowest fair_order first.
-- Timed lane: jobs waiting for a retry (or for a host's circuit breaker to close) have fair_order NULL and are
-- claimed by next_attempt_at once due.
ALTER TABLE delivery_jobs ADD COLUMN fair_order INTEGER;

DROP INDEX delivery_jobs_due;
CREATE INDEX delivery_jobs_timed ON delivery_jobs (next_attempt_at) WHERE state = 'queued' AND fair_order IS NULL;
CREATE INDEX delivery_jobs_fresh ON delivery_jobs (fair_order) WHERE state = 'queued' AND fair_order IS NOT NULL;
-- Pruning finished jobs after the retention period.
CREATE INDEX delivery_jobs_finished ON delivery_jobs (updated_at) WHERE state IN ('done', 'dead');

-- A 410 from a personal inbox marks its actor gone.
CREATE INDEX accounts_inbox_url ON accounts (inbox_url) WHERE domain IS NOT NULL;
