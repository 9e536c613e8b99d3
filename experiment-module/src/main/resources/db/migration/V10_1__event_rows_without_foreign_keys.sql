-- Event ingestion writes one raw event and up to one per-viewer counter row per event; on
-- PostgreSQL the foreign-key check of each of those rows (a trigger per row) took a quarter of the
-- time of the inserts. The checks cannot fail: ingestion counts events only for experiments it
-- read as RUNNING or PAUSED in the same transaction, an experiment never returns to DRAFT, and only
-- DRAFT experiments can be deleted. The aggregate tables (a few rows per batch) keep theirs.
-- Portable SQL (H2 2.2 and PostgreSQL 17).
alter table experiment_event drop constraint fk_event_experiment;
alter table experiment_viewer_counts drop constraint fk_viewer_counts_experiment;
