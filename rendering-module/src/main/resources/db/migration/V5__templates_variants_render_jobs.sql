-- Templates: a head row per name and one immutable row per version (definition as canonical JSON).
create table render_template (
  id              uuid          not null primary key,
  name            varchar(100)  not null,
  description     varchar(1000),
  status          varchar(16)   not null,
  latest_version  integer       not null,
  created_at      timestamp with time zone not null,
  created_by      varchar(200)  not null,
  updated_at      timestamp with time zone not null,
  updated_by      varchar(200)  not null,
  version         bigint        not null,
  constraint uk_render_template_name unique (name)
);

create table render_template_version (
  id               uuid          not null primary key,
  template_id      uuid          not null,
  version_number   integer       not null,
  definition       varchar(1000000) not null,
  definition_hash  char(64)      not null,
  created_at       timestamp with time zone not null,
  created_by       varchar(200)  not null,
  constraint uk_render_template_version unique (template_id, version_number),
  constraint fk_render_template_version_template foreign key (template_id) references render_template (id)
);

-- Variants: one per (source image, tag region, template version, texts); identity_key makes
-- rendering idempotent. Rendition bytes live in the asset store under content_hash.
create table variant (
  id                   uuid          not null primary key,
  identity_key         char(64)      not null,
  entry_id             uuid          not null,
  source_image_id      uuid          not null,
  tag_id               uuid,
  region_x             double precision,
  region_y             double precision,
  region_width         double precision,
  region_height        double precision,
  template_version_id  uuid          not null,
  texts                varchar(4000) not null,
  job_id               uuid,
  created_at           timestamp with time zone not null,
  constraint uk_variant_identity unique (identity_key),
  constraint fk_variant_entry foreign key (entry_id) references catalog_entry (id) on delete cascade,
  constraint fk_variant_image foreign key (source_image_id) references source_image (id) on delete cascade,
  constraint fk_variant_template_version foreign key (template_version_id) references render_template_version (id)
);
create index ix_variant_entry on variant (entry_id, created_at, id);

create table variant_rendition (
  variant_id    uuid          not null,
  ordinal       integer       not null,
  label         varchar(20)   not null,
  width         integer       not null,
  height        integer       not null,
  format        varchar(8)    not null,
  content_hash  char(64)      not null,
  byte_size     bigint        not null,
  primary key (variant_id, ordinal),
  constraint fk_variant_rendition_variant foreign key (variant_id) references variant (id) on delete cascade
);

-- Render jobs: the planned items (JSON) and progress counters, updated after every item.
create table render_job (
  id           uuid          not null primary key,
  entry_id     uuid          not null,
  state        varchar(16)   not null,
  items        varchar(1000000) not null,
  total        integer       not null,
  rendered     integer       not null,
  skipped      integer       not null,
  failed       integer       not null,
  interrupted  boolean       not null,
  node         varchar(200)  not null,
  created_at   timestamp with time zone not null,
  created_by   varchar(200)  not null,
  started_at   timestamp with time zone,
  finished_at  timestamp with time zone,
  version      bigint        not null,
  constraint fk_render_job_entry foreign key (entry_id) references catalog_entry (id) on delete cascade
);
create index ix_render_job_state on render_job (node, state);

create table render_job_failure (
  job_id            uuid          not null,
  ordinal           integer       not null,
  source_image_id   uuid          not null,
  tag_id            uuid,
  template_name     varchar(100)  not null,
  template_version  integer       not null,
  reason            varchar(1000) not null,
  primary key (job_id, ordinal),
  constraint fk_render_job_failure_job foreign key (job_id) references render_job (id) on delete cascade
);
