-- Decisions: each experiment's decision rule (absent = the documented default) and the decision
-- that ended it, with the statistics snapshot behind it. Portable SQL (H2 2.2 and PostgreSQL 17).

create table experiment_decision_rule (
  experiment_id            uuid          not null primary key,
  kind                     varchar(16)   not null,
  alpha                    double precision not null,
  minimum_sample_per_arm   bigint        not null,
  probability_best         double precision not null,
  expected_loss            double precision not null,
  guardrail_alpha          double precision not null,
  evaluate_on_schedule     boolean       not null,
  version                  bigint        not null,
  updated_at               timestamp with time zone not null,
  updated_by               varchar(200)  not null,
  constraint fk_decision_rule_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
create index ix_decision_rule_scheduled on experiment_decision_rule (evaluate_on_schedule);

create table experiment_decision (
  -- one decision per experiment: a second, concurrent decide fails here (409)
  experiment_id        uuid           not null primary key,
  outcome              varchar(16)    not null,
  winning_arm_id       uuid,
  winning_variant_id   uuid,
  stopped_arm_ids      varchar(2000)  not null,
  explanation          varchar(2000)  not null,
  statistics           varchar(1000000) not null,
  decided_by           varchar(200)   not null,
  decided_at           timestamp with time zone not null,
  constraint fk_decision_experiment foreign key (experiment_id) references experiment (id) on delete cascade
);
