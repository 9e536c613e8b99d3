-- Source images: metadata here, bytes in the asset store under content_hash (SHA-256 hex).
create table source_image (
  id             uuid          not null primary key,
  entry_id       uuid          not null,
  content_hash   char(64)      not null,
  format         varchar(8)    not null,
  width          integer       not null,
  height         integer       not null,
  byte_size      bigint        not null,
  original_name  varchar(255),
  uploaded_by    varchar(200)  not null,
  uploaded_at    timestamp with time zone not null,
  version        bigint        not null,
  constraint uk_source_image_content unique (entry_id, content_hash),
  constraint fk_source_image_entry foreign key (entry_id) references catalog_entry (id) on delete cascade,
  constraint ck_source_image_size check (width > 0 and height > 0 and byte_size > 0)
);
create index ix_source_image_hash on source_image (content_hash);
