-- Tagged regions: where on a source image one of the entry's engagement tags is (normalised 0..1
-- coordinates of the image as displayed). The region lives on the link image × entry tag, so removing
-- the image or the tag from the entry removes its regions.
create table tagged_region (
  id             uuid              not null primary key,
  image_id       uuid              not null,
  entry_tag_id   uuid              not null,
  rect_x         double precision  not null,
  rect_y         double precision  not null,
  rect_width     double precision  not null,
  rect_height    double precision  not null,
  origin         varchar(16)       not null,
  confidence     double precision,
  suggestion_id  uuid,
  updated_by     varchar(200)      not null,
  updated_at     timestamp with time zone not null,
  version        bigint            not null,
  constraint uk_tagged_region unique (image_id, entry_tag_id),
  constraint fk_tagged_region_image foreign key (image_id) references source_image (id) on delete cascade,
  constraint fk_tagged_region_entry_tag foreign key (entry_tag_id) references entry_tag (id) on delete cascade,
  constraint ck_tagged_region_rect check (rect_x >= 0 and rect_y >= 0 and rect_width > 0 and rect_height > 0
                                          and rect_x + rect_width <= 1.000001 and rect_y + rect_height <= 1.000001)
);
create index ix_tagged_region_entry_tag on tagged_region (entry_tag_id);
