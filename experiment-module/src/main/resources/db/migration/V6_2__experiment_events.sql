-- Event ingestion: raw events (idempotent by client event id, purged after the retention period),
-- per-viewer counters (for distinct-viewer counts and the delta method), and the aggregates that
-- results read. Portable SQL (H2 2.2 and PostgreSQL 17).

create table experiment_event (
  event_id           varchar(100) not null primary key,
  experiment_id      uuid         not null,
  arm_id             uuid         not null,
  audience_group_id  uuid         not null,
  viewer_key         varchar(64)  not null,
  event_type         varchar(16)  not null,
  watched_seconds    integer,
  occurred_at        timestamp with time zone not null,
  received_at        timestamp with time zone not null,
  constraint fk_event_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
create index ix_experiment_event_received on experiment_event (received_at);
create index ix_experiment_event_viewer on experiment_event (viewer_key);

-- One row per viewer and arm: their clicks (M) and impressions (D) feed the delta-method sums,
-- and the first transition of each counter from 0 counts the viewer as exposed/converted.
create table experiment_viewer_counts (
  experiment_id      uuid        not null,
  viewer_key         varchar(64) not null,
  arm_id             uuid        not null,
  audience_group_id  uuid        not null,
  impressions        bigint      not null,
  clicks             bigint      not null,
  plays              bigint      not null,
  qualified_plays    bigint      not null,
  primary key (experiment_id, viewer_key, arm_id),
  constraint fk_viewer_counts_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
create index ix_experiment_viewer_counts_viewer on experiment_viewer_counts (viewer_key);

-- Daily counts per arm and audience group (UTC day of the event).
create table experiment_daily_counts (
  experiment_id      uuid    not null,
  arm_id             uuid    not null,
  audience_group_id  uuid    not null,
  event_day          date    not null,
  impressions        bigint  not null,
  clicks             bigint  not null,
  plays              bigint  not null,
  qualified_plays    bigint  not null,
  viewers_exposed    bigint  not null,
  viewers_clicked    bigint  not null,
  viewers_played     bigint  not null,
  viewers_qualified  bigint  not null,
  primary key (experiment_id, arm_id, audience_group_id, event_day),
  constraint fk_daily_counts_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);

-- Per arm and group, over viewers: n, Σ M, Σ D, Σ M², Σ D², Σ M·D (M clicks, D impressions).
create table experiment_ratio_sums (
  experiment_id      uuid    not null,
  arm_id             uuid    not null,
  audience_group_id  uuid    not null,
  viewers            bigint  not null,
  sum_m              bigint  not null,
  sum_d              bigint  not null,
  sum_mm             bigint  not null,
  sum_dd             bigint  not null,
  sum_md             bigint  not null,
  primary key (experiment_id, arm_id, audience_group_id),
  constraint fk_ratio_sums_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
