-- Regions proposed by region suggesters (face detection…) when an image was uploaded, and what an
-- editor decided about them.
create table region_suggestion (
  id               uuid              not null primary key,
  image_id         uuid              not null,
  kind             varchar(40)       not null,
  rect_x           double precision  not null,
  rect_y           double precision  not null,
  rect_width       double precision  not null,
  rect_height      double precision  not null,
  confidence       double precision  not null,
  detector         varchar(200)      not null,
  status           varchar(16)       not null,
  suggested_at     timestamp with time zone not null,
  decided_by       varchar(200),
  decided_at       timestamp with time zone,
  accepted_tag_id  uuid,
  version          bigint            not null,
  constraint fk_region_suggestion_image foreign key (image_id) references source_image (id) on delete cascade,
  constraint fk_region_suggestion_tag foreign key (accepted_tag_id) references engagement_tag (id) on delete set null
);
create index ix_region_suggestion_image on region_suggestion (image_id);
