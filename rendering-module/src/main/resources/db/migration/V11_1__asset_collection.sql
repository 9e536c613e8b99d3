-- Orphaned-asset collection: one row for the asset store. A node claims a round by moving
-- next_run_at forward with a conditional update, so with several nodes each round runs once; the
-- last round's outcome stays here for operators.
create table asset_collection (
  name               varchar(40)   not null primary key,
  next_run_at        timestamp with time zone not null,
  claimed_by         varchar(200),
  started_at         timestamp with time zone,
  finished_at        timestamp with time zone,
  examined           bigint,
  deleted            bigint,
  freed_bytes        bigint
);
insert into asset_collection (name, next_run_at)
  values ('assets', timestamp with time zone '1970-01-01 00:00:00+00:00');
