-- The delivery guardrail policy: one row holding the policy as a JSON document (flags, age limits,
-- region rules), replaced as a whole with optimistic locking.
create table guardrail_policy (
  id          integer        not null primary key,
  document    varchar(1000000) not null,
  version     bigint         not null,
  updated_at  timestamp with time zone not null,
  updated_by  varchar(200)   not null
);

insert into guardrail_policy (id, document, version, updated_at, updated_by)
values (1, '{"maturityFlags":[],"kidsAgeLimit":7,"teenAgeLimit":16,"regionRules":[]}', 0,
        current_timestamp, 'system');

-- What the guardrails withheld, per UTC day. block_key joins the nullable dimensions (variant,
-- experiment) into one non-null key; every node adds its counts with an upsert.
create table guardrail_block_count (
  block_day          date          not null,
  block_key          varchar(200)  not null,
  entry_id           uuid          not null,
  variant_id         uuid,
  experiment_id      uuid,
  audience_group_id  uuid          not null,
  block_source       varchar(16)   not null,
  block_rule         varchar(20)   not null,
  blocks             bigint        not null,
  primary key (block_day, block_key)
);
create index ix_guardrail_block_entry on guardrail_block_count (entry_id, block_day);
create index ix_guardrail_block_experiment on guardrail_block_count (experiment_id, block_day);

-- Named, ordered lists of entries the feed answers by name. Entry ids are not foreign keys: a row
-- keeps its order when an entry is deleted, and the feed reports the missing entry as NOT_FOUND.
create table feed_row (
  name        varchar(63)   not null primary key,
  title       varchar(200)  not null,
  version     bigint        not null,
  created_at  timestamp with time zone not null,
  created_by  varchar(200)  not null,
  updated_at  timestamp with time zone not null,
  updated_by  varchar(200)  not null
);

create table feed_row_entry (
  row_name  varchar(63)  not null,
  position  integer      not null,
  entry_id  uuid         not null,
  primary key (row_name, position),
  constraint fk_feed_row_entry_row foreign key (row_name) references feed_row (name) on delete cascade
);
