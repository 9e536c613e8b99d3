-- Audience groups: named viewer segments resolved by ordered rules, with exactly one default group.
-- Portable SQL: runs unchanged on H2 2.2 (regular mode) and PostgreSQL 17.

create table audience_group (
  id            uuid          not null primary key,
  name          varchar(100)  not null,
  description   varchar(1000),
  position      integer       not null,
  -- 'Y' on the default group, null on every other: the unique key allows exactly one default
  default_marker char(1),
  -- the ordered rules as JSON (AudienceRule records); always read and written whole
  rules_json    varchar(1000000) not null,
  version       bigint        not null,
  created_at    timestamp with time zone not null,
  created_by    varchar(200)  not null,
  updated_at    timestamp with time zone not null,
  updated_by    varchar(200)  not null,
  constraint uk_audience_group_name unique (name),
  constraint uk_audience_group_default unique (default_marker),
  constraint ck_audience_group_default check (default_marker is null or default_marker = 'Y')
);
create index ix_audience_group_position on audience_group (position, id);

-- One row whose version is the ETag of the resolution order (bumped on create, delete, reorder).
create table audience_group_order (
  id          integer not null primary key,
  version     bigint  not null,
  changed_at  timestamp with time zone not null
);

insert into audience_group_order (id, version, changed_at) values (1, 0, current_timestamp);
insert into audience_group (id, name, description, position, default_marker, rules_json, version,
                            created_at, created_by, updated_at, updated_by)
values ('00000000-0000-0000-0000-000000000001', 'Everyone', 'Viewers no other group matches.',
        2147483647, 'Y', '[]', 0, current_timestamp, 'system', current_timestamp, 'system');
