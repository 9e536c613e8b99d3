-- Experiments on one catalog entry for one or more audience groups, their arms, allocation periods,
-- the running slots that keep one running experiment per (entry, audience group), and sticky
-- assignments keyed by a pseudonymous viewer key. Portable SQL (H2 2.2 and PostgreSQL 17).

create table experiment (
  id                      uuid          not null primary key,
  entry_id                uuid          not null,
  name                    varchar(200)  not null,
  state                   varchar(16)   not null,
  mode                    varchar(16)   not null,
  primary_metric          varchar(20)   not null,
  secondary_metric        varchar(20),
  qualified_play_seconds  integer,
  guardrail_metric        varchar(20),
  coverage                double precision not null,
  seed                    varchar(64)   not null,
  bucket_version          integer       not null,
  schedule_start          timestamp with time zone,
  schedule_end            timestamp with time zone,
  auto_publish            boolean       not null,
  version                 bigint        not null,
  created_at              timestamp with time zone not null,
  created_by              varchar(200)  not null,
  updated_at              timestamp with time zone not null,
  updated_by              varchar(200)  not null,
  started_at              timestamp with time zone,
  ended_at                timestamp with time zone,
  -- when it was paused: events up to the grace period after it are still accepted
  paused_at               timestamp with time zone,
  constraint fk_experiment_entry foreign key (entry_id) references catalog_entry (id) on delete restrict
);
create index ix_experiment_created on experiment (created_at, id);
create index ix_experiment_entry on experiment (entry_id, state);

create table experiment_arm (
  experiment_id  uuid          not null,
  position       integer       not null,
  arm_id         uuid          not null,
  name           varchar(100)  not null,
  -- the rendered variant; its existence is checked by the service once variants exist
  variant_id     uuid          not null,
  control        boolean       not null,
  weight         double precision not null,
  primary key (experiment_id, position),
  constraint uk_experiment_arm_id unique (arm_id),
  constraint fk_experiment_arm foreign key (experiment_id) references experiment (id) on delete cascade
);

create table experiment_audience_group (
  experiment_id      uuid not null,
  audience_group_id  uuid not null,
  primary key (experiment_id, audience_group_id),
  constraint fk_experiment_group_experiment foreign key (experiment_id) references experiment (id) on delete cascade,
  constraint fk_experiment_group_group foreign key (audience_group_id) references audience_group (id) on delete restrict
);
create index ix_experiment_audience_group on experiment_audience_group (audience_group_id);

-- The weights and coverage in force from each start, weight change or re-randomisation on.
create table experiment_allocation_period (
  experiment_id  uuid          not null,
  period         integer       not null,
  started_at     timestamp with time zone not null,
  coverage       double precision not null,
  weights        varchar(400)  not null,
  primary key (experiment_id, period),
  constraint fk_allocation_period_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);

-- At most one RUNNING or PAUSED experiment per (entry, audience group): the primary key is the
-- lock. Rows are inserted by start and deleted by stop, in the same transaction as the state change.
create table running_experiment_slot (
  entry_id           uuid not null,
  audience_group_id  uuid not null,
  experiment_id      uuid not null,
  claimed_at         timestamp with time zone not null,
  primary key (entry_id, audience_group_id),
  constraint fk_slot_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);

-- Sticky assignments. viewer_key is HMAC-SHA256(marquee.privacy.viewer-key, viewer id) in hex; the
-- raw viewer id is never stored. The first row per (experiment, viewer, bucket version) is also
-- the viewer's exposure record.
create table experiment_assignment (
  experiment_id      uuid         not null,
  viewer_key         varchar(64)  not null,
  bucket_version     integer      not null,
  arm_id             uuid         not null,
  audience_group_id  uuid         not null,
  period             integer      not null,
  assigned_at        timestamp with time zone not null,
  primary key (experiment_id, viewer_key, bucket_version),
  constraint fk_assignment_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
create index ix_experiment_assignment_viewer on experiment_assignment (viewer_key);

-- New assignments per allocation period and arm (incremented with each first assignment): the SRM
-- check compares them with the period's weights without scanning experiment_assignment.
create table experiment_period_counts (
  experiment_id  uuid    not null,
  period         integer not null,
  arm_id         uuid    not null,
  assignments    bigint  not null,
  primary key (experiment_id, period, arm_id),
  constraint fk_period_counts_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
