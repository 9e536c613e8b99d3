-- Catalog entries, engagement tags, audit log and inbound webhook bookkeeping.
-- Portable SQL: runs unchanged on H2 2.2 (regular mode) and PostgreSQL 17.

create table catalog_entry (
  id                    uuid          not null primary key,
  external_id           varchar(200)  not null,
  kind                  varchar(16)   not null,
  parent_id             uuid,
  title                 varchar(500)  not null,
  sort_title            varchar(500)  not null,
  synopsis              varchar(4000),
  maturity_scheme       varchar(32),
  maturity_value        varchar(32),
  maturity_minimum_age  integer,
  release_year          integer,
  status                varchar(16)   not null,
  version               bigint        not null,
  created_at            timestamp with time zone not null,
  created_by            varchar(200)  not null,
  updated_at            timestamp with time zone not null,
  updated_by            varchar(200)  not null,
  constraint uk_catalog_entry_external_id unique (external_id),
  -- children block deletion of their parent; the service reports it as a conflict first
  constraint fk_catalog_entry_parent foreign key (parent_id) references catalog_entry (id) on delete restrict
);
-- keyset sorts: (status, sort key, id)
create index ix_catalog_entry_title on catalog_entry (status, sort_title, id);
create index ix_catalog_entry_updated on catalog_entry (status, updated_at, id);
create index ix_catalog_entry_parent on catalog_entry (parent_id);
create index ix_catalog_entry_kind on catalog_entry (kind);
create index ix_catalog_entry_maturity on catalog_entry (maturity_scheme, maturity_value);

create table catalog_entry_localized_title (
  entry_id      uuid         not null,
  language_tag  varchar(35)  not null,
  title         varchar(500) not null,
  primary key (entry_id, language_tag),
  constraint fk_localized_title_entry foreign key (entry_id) references catalog_entry (id) on delete cascade
);

create table catalog_entry_genre (
  entry_id  uuid        not null,
  position  integer     not null,
  genre     varchar(50) not null,
  primary key (entry_id, position),
  constraint fk_genre_entry foreign key (entry_id) references catalog_entry (id) on delete cascade
);
create index ix_catalog_entry_genre on catalog_entry_genre (genre, entry_id);

create table catalog_entry_cast (
  entry_id        uuid         not null,
  position        integer      not null,
  person          varchar(200) not null,
  character_name  varchar(200),
  role            varchar(50),
  primary key (entry_id, position),
  constraint fk_cast_entry foreign key (entry_id) references catalog_entry (id) on delete cascade
);

create table engagement_tag (
  id                uuid          not null primary key,
  kind              varchar(20)   not null,
  tag_value         varchar(200)  not null,
  normalized_value  varchar(200)  not null,
  created_at        timestamp with time zone not null,
  created_by        varchar(200)  not null,
  constraint uk_engagement_tag_kind_value unique (kind, normalized_value)
);
create index ix_engagement_tag_value on engagement_tag (normalized_value, id);

create table entry_tag (
  id         uuid          not null primary key,
  entry_id   uuid          not null,
  tag_id     uuid          not null,
  weight     double precision,
  source     varchar(16)   not null,
  tagged_by  varchar(200)  not null,
  tagged_at  timestamp with time zone not null,
  constraint uk_entry_tag unique (entry_id, tag_id),
  constraint fk_entry_tag_entry foreign key (entry_id) references catalog_entry (id) on delete cascade,
  constraint fk_entry_tag_tag foreign key (tag_id) references engagement_tag (id) on delete cascade
);
create index ix_entry_tag_tag on entry_tag (tag_id, entry_id);

create table audit_event (
  id           uuid           not null primary key,
  occurred_at  timestamp with time zone not null,
  actor        varchar(200)   not null,
  action       varchar(40)    not null,
  target_type  varchar(40)    not null,
  target_id    varchar(200)   not null,
  summary      varchar(1000)  not null,
  details      varchar(1000000)
);
create index ix_audit_event_occurred on audit_event (occurred_at, id);
create index ix_audit_event_target on audit_event (target_type, target_id, occurred_at);
create index ix_audit_event_actor on audit_event (actor, occurred_at);

create table inbound_webhook_delivery (
  source       varchar(64)   not null,
  webhook_id   varchar(200)  not null,
  received_at  timestamp with time zone not null,
  primary key (source, webhook_id)
);
