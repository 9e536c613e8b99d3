-- Delivery apps (front-end apps calling /api/v1/delivery) and their API keys.
-- Portable SQL: runs unchanged on H2 2.2 (regular mode) and PostgreSQL 17.

create table delivery_app (
  id                   uuid           not null primary key,
  name                 varchar(100)   not null,
  description          varchar(1000),
  rate_per_second      integer        not null,
  rate_burst           integer        not null,
  enabled              boolean        not null,
  version              bigint         not null,
  created_at           timestamp with time zone not null,
  created_by           varchar(200)   not null,
  updated_at           timestamp with time zone not null,
  updated_by           varchar(200)   not null,
  constraint uk_delivery_app_name unique (name)
);

create table delivery_app_origin (
  app_id    uuid          not null,
  position  integer       not null,
  origin    varchar(300)  not null,
  primary key (app_id, position),
  constraint fk_delivery_app_origin_app foreign key (app_id) references delivery_app (id) on delete cascade
);

-- Only the SHA-256 of a key is stored; key_id is the public part of the key that finds this row.
create table delivery_api_key (
  key_id       varchar(32)    not null primary key,
  app_id       uuid           not null,
  secret_hash  varchar(64)    not null,
  label        varchar(100),
  created_at   timestamp with time zone not null,
  created_by   varchar(200)   not null,
  expires_at   timestamp with time zone,
  revoked_at   timestamp with time zone,
  revoked_by   varchar(200),
  last_used_at timestamp with time zone,
  version      bigint         not null,
  constraint fk_delivery_api_key_app foreign key (app_id) references delivery_app (id) on delete cascade
);
create index ix_delivery_api_key_app on delivery_api_key (app_id, created_at);
