-- Outcomes per allocation period, so that results can weight periods instead of pooling them: a
-- bandit moves traffic between arms over time, and if conversion rates drift over time too
-- (weekends, a trailer launch) pooled per-arm rates mix different periods in different
-- proportions per arm (Simpson's paradox). A viewer belongs to the period of their assignment, or
-- of their first event when the app assigned them; null for viewers counted before this migration.
alter table experiment_viewer_counts add column period integer;

create table experiment_period_outcomes (
  experiment_id      uuid    not null,
  period             integer not null,
  arm_id             uuid    not null,
  audience_group_id  uuid    not null,
  viewers_exposed    bigint  not null,
  viewers_clicked    bigint  not null,
  viewers_played     bigint  not null,
  viewers_qualified  bigint  not null,
  primary key (experiment_id, period, arm_id, audience_group_id),
  constraint fk_period_outcomes_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
