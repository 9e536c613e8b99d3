-- The global holdout: one settings row (share 0 = off). Viewers it holds out are counted under
-- the reserved arm id 00000000-0000-0000-0000-000000000000 in the per-viewer and aggregate
-- event tables, next to the experiment's real arms, so "enrolled vs holdout" needs no new table.
create table global_holdout (
  id          integer          not null primary key,
  share       double precision not null,
  version     bigint           not null,
  updated_at  timestamp with time zone not null,
  updated_by  varchar(200)     not null,
  constraint ck_global_holdout_share check (share >= 0 and share <= 0.5)
);

insert into global_holdout (id, share, version, updated_at, updated_by)
values (1, 0, 0, current_timestamp, 'system');
