"""Seeds a running Marquee (PostgreSQL) for benchmarks/feed.sh, through the API wherever the API
is how a user would do it, and in SQL where 10,000 entries would take hours over HTTP:

  API   10,000 entries (bulk import), guardrail policy, two templates, one source image per
        seed entry (the test images), tagged regions, render jobs (real variants), the seed
        entries' default artwork (promotion proposed, approved by a second person, published),
        20 audience groups, 200 experiments created and started, a delivery app and its key
  SQL   every other entry gets what a render job would have produced for it: a source image
        with the same bytes as one seed image (an entry may reuse a file), the same tagged
        regions on its own tags, and variants whose rows are exactly those the renderer writes:
        fresh ids, the identity key by the renderer's formula (VariantInputs.identityKey; the
        templates draw no text, so the pixels, and therefore the rendition hashes, are the seed's,
        and those files are in the asset store). Then default artwork (a published promotion and
        artwork version 1 per entry), winners for some audience groups, and one delivery_change
        row per segment so that the feed's snapshot is rebuilt.

Bulk SQL rows are not in the audit log (they stand for history before the benchmark).
Usage: python3 feed_seed.py BASE_URL ADMIN_PASSWORD PG_PORT IMAGES_DIR OUT_DIR
"""
import base64
import glob
import http.client
import json
import os
import random
import subprocess
import sys
import time
import urllib.parse

base, admin_password, pg_port, images_dir, out = sys.argv[1:6]
ENTRIES = int(os.environ.get("FEED_ENTRIES", "10000"))
GROUPS = int(os.environ.get("FEED_GROUPS", "20"))
EXPERIMENTS = int(os.environ.get("FEED_EXPERIMENTS", "200"))
PREFIX = "feed"
PUBLISHER = ("bench-publisher", "bench-Publisher-1")
rng = random.Random(20261202)
url = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def call(method, path, body=None, user=("admin", admin_password), content_type="application/json",
         headers=None, expect=(200, 201)):
    global conn
    h = {"Authorization": "Basic " + base64.b64encode(f"{user[0]}:{user[1]}".encode()).decode()}
    if body is not None:
        h["Content-Type"] = content_type
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body)
    h.update(headers or {})
    for attempt in range(3):
        try:
            conn.request(method, "/api/v1" + path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
            break
        except (http.client.HTTPException, OSError):
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
            if attempt == 2:
                raise
    if r.status not in expect:
        raise SystemExit(f"{method} {path}: HTTP {r.status} {data[:500]!r}")
    return (json.loads(data) if data else None), r


def sql(statement):
    """Runs SQL with psql (Debian's postgresql-client) and returns the rows as lists of strings."""
    res = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "marquee", "-d", "postgres", "-X", "-q",
         "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", "\t"],
        input=statement, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit("psql failed: " + res.stderr)
    return [line.split("\t") for line in res.stdout.splitlines() if line]


def step(text):
    print(f"[seed {time.strftime('%H:%M:%S')}] {text}", flush=True)


# --- catalog --------------------------------------------------------------------------------
step(f"importing {ENTRIES} entries")
csv = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gen_entries.py"),
                      str(ENTRIES), PREFIX], capture_output=True, text=True, check=True).stdout
report, _ = call("POST", "/imports/entries", csv, content_type="text/csv")
assert report["failed"] == 0, report
entries = sql(f"select id, external_id from catalog_entry where external_id like '{PREFIX}-%'"
              " order by external_id")
entry_ids = [e[0] for e in entries]
assert len(entry_ids) == ENTRIES, len(entry_ids)

# --- guardrails: kids and teens never see horror; a cast member's likeness is off-limits in DE --
_, r = call("GET", "/guardrails")
call("PUT", "/guardrails", {
    "maturityFlags": [{"tag": "THEME:horror", "blockedFor": ["KIDS", "TEEN"]}],
    "ageLimits": {"kids": 7, "teen": 16},
    "regionRules": [{"countries": ["DE", "AT"], "cast": "Actor 7", "note": "benchmark"}]},
    headers={"If-Match": r.getheader("ETag")})

# --- templates: no text overlay, so a variant's pixels depend only on image, region, template --
step("templates, source images, regions, render jobs")
call("POST", "/templates", {
    "name": "hero-16x9", "description": "Home-page hero rows",
    "definition": {"crop": {"strategy": "REGION", "padding": 0.25, "zoom": 0.6,
                            "placement": "RULE_OF_THIRDS"},
                   "aspectRatio": "16:9",
                   "sizes": [{"width": 1280, "height": 720}, {"width": 640, "height": 360},
                             {"width": 342, "height": 192}],
                   "format": {"type": "JPEG", "quality": 85}, "background": "#101010",
                   "overlays": [{"type": "SCRIM", "edge": "BOTTOM", "extent": 0.45,
                                 "color": "#000000C0"}]}})
call("POST", "/templates", {
    "name": "poster-2x3", "description": "Poster rows",
    "definition": {"crop": {"strategy": "REGION", "padding": 0.4, "zoom": 0.5, "placement": "CENTER"},
                   "aspectRatio": "2:3",
                   "sizes": [{"width": 600, "height": 900}, {"width": 400, "height": 600},
                             {"width": 200, "height": 300}],
                   "format": {"type": "WEBP", "quality": 80}, "background": "#101010",
                   "overlays": [{"type": "BADGE", "label": "NEW", "anchor": "TOP_RIGHT",
                                 "font": "DejaVu Sans Bold", "size": 0.04, "color": "#FFFFFF",
                                 "fill": "#E50914"}]}})

images = sorted(p for p in glob.glob(os.path.join(images_dir, "*"))
                if p.lower().endswith((".jpg", ".jpeg", ".png", ".webp")))
assert images, f"no JPEG/PNG/WebP images in {images_dir}"
seeds = []  # (ordinal, entry id, image id)
for i, path in enumerate(images):
    entry = entry_ids[i]
    with open(path, "rb") as f:
        image, _ = call("POST", f"/entries/{entry}/images", f.read(),
                        content_type="application/octet-stream")
    tags, _ = call("GET", f"/entries/{entry}/tags")
    for t in tags["items"]:
        rect = ({"x": 0.35, "y": 0.1, "width": 0.25, "height": 0.35} if t["kind"] == "CAST"
                else {"x": 0.1, "y": 0.2, "width": 0.6, "height": 0.6})
        call("PUT", f"/images/{image['id']}/regions/{t['tagId']}", {"rect": rect})
    _, r = call("POST", f"/entries/{entry}/render-jobs", {}, expect=(202,))
    job = urllib.parse.urlsplit(r.getheader("Location")).path.removeprefix("/api/v1")
    for _ in range(600):
        state, _ = call("GET", job)
        if state["state"] not in ("QUEUED", "RUNNING"):
            break
        time.sleep(0.5)
    assert state["state"] == "SUCCEEDED" and state["rendered"] == 6, state
    seeds.append((i, entry, image["id"]))
step(f"{len(seeds)} seed entries rendered, 6 variants each")

# The renderer's identity key, recomputed in SQL; checked against the seed variants first. The
# renderer revision (VariantInputs.RENDERER_REVISION) is found by trying each: the seed must not
# need editing when the engine's revision changes.
IDENTITY = """encode(sha256(convert_to(
  'marquee-variant/{revision}' || chr(10) || {hash} || chr(10) || coalesce({tag}::text, '-') || chr(10) ||
  case when {v}.region_x is null then '-' else
    to_char({v}.region_x, 'FM0.000000') || ',' || to_char({v}.region_y, 'FM0.000000') || ',' ||
    to_char({v}.region_width, 'FM0.000000') || ',' || to_char({v}.region_height, 'FM0.000000') end
  || chr(10) || rt.name || '@' || tv.version_number || chr(10) || tv.definition_hash || chr(10) ||
  {texts}, 'UTF8')), 'hex')"""
for revision in range(1, 10):
    check = sql(f"""select count(*), count(*) filter (where v.identity_key = {IDENTITY.format(
        revision=revision, hash='i.content_hash', tag='v.tag_id', v='v', texts='v.texts')})
      from variant v join source_image i on i.id = v.source_image_id
      join render_template_version tv on tv.id = v.template_version_id
      join render_template rt on rt.id = tv.template_id;""")
    if check[0][0] == check[0][1]:
        break
IDENTITY = IDENTITY.replace("{revision}", str(revision))
assert check[0][0] == check[0][1], f"identity key formula does not match the renderer: {check}"

# --- every other entry: what a render job would have stored for it --------------------------
step("cloning source images, regions and variants for every entry (SQL)")
seed_values = ",".join(f"({o}, '{e}'::uuid, '{img}'::uuid)" for o, e, img in seeds)
sql(f"""
begin;
create temp table seed (ord int, entry_id uuid, image_id uuid) on commit drop;
insert into seed values {seed_values};
create temp table clone_map on commit drop as
  select e.id as entry_id, e.title, s.entry_id as seed_entry, s.image_id as seed_image,
         gen_random_uuid() as image_id
  from catalog_entry e
  join seed s on s.ord = substr(e.external_id, {len(PREFIX) + 2})::int % {len(seeds)}
  where e.external_id like '{PREFIX}-%' and e.id not in (select entry_id from seed);
insert into source_image (id, entry_id, content_hash, format, width, height, byte_size,
                          original_name, uploaded_by, uploaded_at, version)
  select m.image_id, m.entry_id, i.content_hash, i.format, i.width, i.height, i.byte_size,
         i.original_name, i.uploaded_by, now(), 0
  from clone_map m join source_image i on i.id = m.seed_image;
-- each entry has one tag per kind (gen_entries.py: one THEME, one CAST)
create temp table tag_map on commit drop as
  select m.entry_id, m.image_id, m.seed_image, st.tag_id as seed_tag, st.id as seed_link,
         ct.tag_id as tag_id, ct.id as link
  from clone_map m
  join entry_tag st on st.entry_id = m.seed_entry
  join engagement_tag sk on sk.id = st.tag_id
  join entry_tag ct on ct.entry_id = m.entry_id
  join engagement_tag ck on ck.id = ct.tag_id and ck.kind = sk.kind;
insert into tagged_region (id, image_id, entry_tag_id, rect_x, rect_y, rect_width, rect_height,
                           origin, confidence, suggestion_id, updated_by, updated_at, version)
  select gen_random_uuid(), t.image_id, t.link, r.rect_x, r.rect_y, r.rect_width, r.rect_height,
         r.origin, r.confidence, null, r.updated_by, now(), 0
  from tag_map t join tagged_region r on r.image_id = t.seed_image and r.entry_tag_id = t.seed_link;
create temp table variant_map on commit drop as
  select gen_random_uuid() as id, v.id as seed_variant, m.entry_id, m.image_id,
         t.tag_id, v.region_x, v.region_y, v.region_width, v.region_height,
         v.template_version_id, '{{"title":' || to_json(m.title)::text || '}}' as texts,
         now() + (v.created_at - (select min(created_at) from variant)) as created_at
  from clone_map m join variant v on v.entry_id = m.seed_entry
  left join tag_map t on t.entry_id = m.entry_id and t.seed_tag = v.tag_id;
insert into variant (id, identity_key, entry_id, source_image_id, tag_id, region_x, region_y,
                     region_width, region_height, template_version_id, texts, job_id, created_at)
  select c.id, {IDENTITY.format(hash='i.content_hash', tag='c.tag_id', v='c', texts='c.texts')},
         c.entry_id, c.image_id, c.tag_id, c.region_x, c.region_y, c.region_width,
         c.region_height, c.template_version_id, c.texts, null, c.created_at
  from variant_map c
  join source_image i on i.id = c.image_id
  join render_template_version tv on tv.id = c.template_version_id
  join render_template rt on rt.id = tv.template_id;
insert into variant_rendition (variant_id, ordinal, label, width, height, format, content_hash,
                               byte_size)
  select c.id, r.ordinal, r.label, r.width, r.height, r.format, r.content_hash, r.byte_size
  from variant_map c join variant_rendition r on r.variant_id = c.seed_variant;
commit;
""")

# the variants of each entry by role: (template, tag kind or None) -> variant id
variants = {}
for entry, template, kind, vid in sql("""
    select v.entry_id, rt.name, t.kind, v.id from variant v
    join render_template_version tv on tv.id = v.template_version_id
    join render_template rt on rt.id = tv.template_id
    left join engagement_tag t on t.id = v.tag_id"""):
    variants.setdefault(entry, {})[(template, kind or None)] = vid
assert len(variants) == ENTRIES and all(len(v) == 6 for v in variants.values()), len(variants)
step(f"{sum(len(v) for v in variants.values())} variants for {len(variants)} entries")


def default_variant(entry):
    return variants[entry][("hero-16x9", None)]


# --- default artwork: through the four-eyes workflow for the seed entries, SQL for the rest ----
step("default artwork")
call("POST", "/users", {"username": PUBLISHER[0], "password": PUBLISHER[1],
                        "roles": ["marquee-publisher"]})
for _, entry, _ in seeds:
    p, _ = call("POST", "/promotions", {"entryId": entry, "variantId": default_variant(entry),
                                        "reason": "Default artwork"})
    call("POST", f"/promotions/{p['id']}/approve", {"comment": "Checked"}, user=PUBLISHER,
         headers={"If-Match": '"0"'})
    p, _ = call("POST", f"/promotions/{p['id']}/publish", {}, user=PUBLISHER,
                headers={"If-Match": '"1"'})
    assert p["state"] == "PUBLISHED", p


def publish_sql(rows, reason):
    """Published promotions and artwork version 1, as PromotionService writes them."""
    values = ",".join(f"('{e}'::uuid, '{a}', '{v}'::uuid)" for e, a, v in rows)
    sql(f"""
begin;
create temp table pub on commit drop as
  select gen_random_uuid() as promotion_id, e as entry_id, a as audience_key, v as variant_id
  from (values {values}) x(e, a, v);
insert into promotion (id, entry_id, audience_key, variant_id, state, reason, publish_at,
  experiment_id, arm_id, statistics, auto_publish, proposed_by, proposed_at, reviewed_by,
  reviewed_at, review_comment, published_by, published_at, artwork_version, version)
  select promotion_id, entry_id, audience_key, variant_id, 'PUBLISHED', '{reason}', null, null,
         null, null, false, 'admin', now(), '{PUBLISHER[0]}', now(), 'Checked', '{PUBLISHER[0]}',
         now(), 1, 2
  from pub;
insert into artwork_version (id, entry_id, audience_key, version_number, variant_id, kind,
  promotion_id, restored_version, reason, published_by, published_at)
  select gen_random_uuid(), entry_id, audience_key, 1, variant_id, 'PUBLISH', promotion_id, null,
         '{reason}', '{PUBLISHER[0]}', now()
  from pub;
commit;
""")


seed_entries = {e for _, e, _ in seeds}
publish_sql([(e, "all", default_variant(e)) for e in entry_ids if e not in seed_entries],
            "Default artwork")

# --- audience groups: ordered rules over profile type, country, device and tag affinities -----
step(f"{GROUPS} audience groups")
themes = ["romance", "horror", "comedy", "crime", "survival", "family", "adventure"]
group_defs = [
    ("Kids", [{"profileTypes": ["KIDS"]}]),
    ("Teens", [{"profileTypes": ["TEEN"]}]),
    ("Horror fans", [{"tagAffinities": [{"tag": "THEME:horror", "atLeast": 0.5}]}]),
    ("Romance fans in Germany", [{"countries": ["DE", "AT", "CH"],
                                  "tagAffinities": [{"tag": "THEME:romance", "atLeast": 0.4}]}]),
] + [(f"{t.capitalize()} fans", [{"tagAffinities": [{"tag": f"THEME:{t}", "atLeast": 0.5}]}])
     for t in themes if t != "horror"] + [
    ("German-speaking TVs", [{"countries": ["DE", "AT", "CH"], "deviceClasses": ["TV"]}]),
    ("German-speaking", [{"countries": ["DE", "AT", "CH"]}, {"languages": ["de"]}]),
    ("UK and Ireland", [{"countries": ["GB", "IE"]}]),
    ("France and Belgium", [{"countries": ["FR", "BE"]}, {"languages": ["fr"]}]),
    ("Brazil", [{"countries": ["BR"]}, {"languages": ["pt-BR"]}]),
    ("India", [{"countries": ["IN"]}]),
    ("Japan", [{"countries": ["JP"]}]),
    ("Spanish-speaking", [{"countries": ["ES", "MX", "AR"]}, {"languages": ["es"]}]),
    ("US mobile", [{"countries": ["US"], "deviceClasses": ["MOBILE", "TABLET"]}]),
    ("Living-room TVs", [{"deviceClasses": ["TV", "CONSOLE"]}]),
]
assert len(group_defs) >= GROUPS, len(group_defs)
group_ids = []
for name, rules in group_defs[:GROUPS]:
    g, _ = call("POST", "/audience-groups", {"name": name, "rules": rules})
    group_ids.append(g["id"])
groups, _ = call("GET", "/audience-groups?limit=100")
default_group = next(g["id"] for g in groups["items"] if g["default"])
all_groups = group_ids + [default_group]

# winners published for one audience group on a tenth of the entries (resolution step 2)
winners = rng.sample(entry_ids, ENTRIES // 10)
publish_sql([(e, rng.choice(group_ids), variants[e][("poster-2x3", None)]) for e in winners],
            "Audience winner")

# --- 200 running experiments: published artwork against the entry's theme-framed variant -----
step(f"{EXPERIMENTS} experiments")
for n, entry in enumerate(rng.sample(entry_ids, EXPERIMENTS)):
    targets = rng.sample(all_groups, rng.choice([1, 1, 2, 2, 3, 4]))
    treatment = variants[entry][("hero-16x9", rng.choice(["THEME", "CAST"]))]
    x, _ = call("POST", "/experiments", {
        "entryId": entry, "name": f"Benchmark experiment {n}", "audienceGroupIds": targets,
        "arms": [{"name": "Published artwork", "variantId": default_variant(entry),
                  "control": True, "weight": 0.5},
                 {"name": "Framed on a tag", "variantId": treatment, "control": False,
                  "weight": 0.5}],
        "coverage": rng.choice([1.0, 1.0, 0.8, 0.5]), "primaryMetric": "CLICK_THROUGH"})
    call("POST", f"/experiments/{x['id']}/start")
running = sql("select count(*) from experiment where state = 'RUNNING'")[0][0]
assert int(running) == EXPERIMENTS, running

# --- the app the load generator is -----------------------------------------------------------
app, _ = call("POST", "/delivery-apps", {
    "name": "Benchmark TV", "rateLimit": {"requestsPerSecond": 100000, "burst": 100000}})
key, _ = call("POST", f"/delivery-apps/{app['id']}/keys", {"label": "benchmark"})

# the SQL above bypassed the services that log changes: rebuild every part of the snapshot
# (VIEWERS stands for an erasure and only empties the sticky-assignment cache: not needed)
sql("insert into delivery_change (segment, changed_at) select s, now() from (values ('CATALOG'),"
    " ('VARIANTS'), ('ARTWORK'), ('AUDIENCES'), ('EXPERIMENTS'), ('GUARDRAILS'), ('ROWS')) x(s);")

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "entries.txt"), "w") as f:
    f.write("\n".join(entry_ids) + "\n")
with open(os.path.join(out, "key.txt"), "w") as f:
    f.write(key["key"] + "\n")
counts = sql("""select (select count(*) from catalog_entry), (select count(*) from variant),
  (select count(*) from variant_rendition), (select count(*) from artwork_version),
  (select count(*) from audience_group), (select count(*) from experiment where state='RUNNING'),
  (select count(*) from running_experiment_slot)""")[0]
step("seeded: entries={} variants={} renditions={} artwork_versions={} audience_groups={} "
     "running_experiments={} running_slots={}".format(*counts))
