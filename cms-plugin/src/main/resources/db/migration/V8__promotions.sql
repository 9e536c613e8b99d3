-- Publishing: promotions (proposals to show a variant as the artwork of an entry for an audience)
-- and the version history of each (entry, audience)'s published artwork. Portable SQL (H2 2.2 and
-- PostgreSQL 17).
--
-- audience_key is 'all' (every viewer) or an audience group id as text: a not-null key, so the
-- unique version number per (entry, audience) also holds for "all viewers" (unique constraints treat
-- NULLs as distinct). Variants and audience groups belong to higher modules and may be absent when
-- this plugin runs alone, so they are checked by the service, not by foreign keys.

create table promotion (
  id                 uuid           not null primary key,
  entry_id           uuid           not null,
  audience_key       varchar(36)    not null,
  variant_id         uuid           not null,
  state              varchar(16)    not null,
  reason             varchar(2000)  not null,
  publish_at         timestamp with time zone,
  experiment_id      uuid,
  arm_id             uuid,
  statistics         varchar(1000000),
  auto_publish       boolean        not null,
  proposed_by        varchar(200)   not null,
  proposed_at        timestamp with time zone not null,
  reviewed_by        varchar(200),
  reviewed_at        timestamp with time zone,
  review_comment     varchar(2000),
  published_by       varchar(200),
  published_at       timestamp with time zone,
  artwork_version    integer,
  version            bigint         not null,
  constraint fk_promotion_entry foreign key (entry_id) references catalog_entry (id) on delete cascade
);
create index ix_promotion_proposed on promotion (proposed_at, id);
create index ix_promotion_entry on promotion (entry_id, audience_key, state);
-- the scheduler's query: approved promotions whose publish time has come
create index ix_promotion_due on promotion (state, publish_at);
create index ix_promotion_experiment on promotion (experiment_id);

create table artwork_version (
  id                 uuid           not null primary key,
  entry_id           uuid           not null,
  audience_key       varchar(36)    not null,
  version_number     integer        not null,
  variant_id         uuid           not null,
  kind               varchar(16)    not null,
  promotion_id       uuid,
  restored_version   integer,
  reason             varchar(2000)  not null,
  published_by       varchar(200)   not null,
  published_at       timestamp with time zone not null,
  -- two publishes racing for the same next number: one commits, the other fails here (409)
  constraint uk_artwork_version unique (entry_id, audience_key, version_number),
  constraint fk_artwork_version_entry foreign key (entry_id) references catalog_entry (id) on delete cascade,
  constraint fk_artwork_version_promotion foreign key (promotion_id) references promotion (id) on delete cascade
);
