-- Bandit mode, per-group allocation periods and logged assignment probabilities.
-- Portable SQL (H2 2.2 and PostgreSQL 17): one column per statement.

-- Bandit settings (null for A/B experiments) and the next scheduled re-allocation, which nodes
-- claim with a conditional UPDATE so only one of them re-allocates each time.
alter table experiment add column bandit_minimum_share double precision;
alter table experiment add column bandit_minimum_sample bigint;
alter table experiment add column bandit_interval_seconds bigint;
alter table experiment add column bandit_top_two boolean;
alter table experiment add column next_reallocation_at timestamp with time zone;
create index ix_experiment_next_reallocation on experiment (next_reallocation_at);

-- A period either applies to every audience group of the experiment (null: starts, A/B weight
-- changes) or to one group (a bandit re-allocation). The period in force for a group is the
-- latest one that applies to it; period numbers stay unique per experiment.
alter table experiment_allocation_period add column audience_group_id uuid;

-- The probability with which the assigned arm was chosen (weight in force x coverage), logged
-- with the exposure and copied onto each raw event of the viewer, for inverse-propensity replay.
-- Null for rows written before this migration and for events of viewers never assigned here.
alter table experiment_assignment add column propensity double precision;
alter table experiment_event add column propensity double precision;
