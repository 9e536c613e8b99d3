#!/usr/bin/env python3
"""Event ingestion under load, then an exact count check.

Sets up a real experiment through the API (entry, uploaded source image, two rendered variants,
audience group, running experiment, delivery app and key), then sends BATCHES batches of 1,000
events (95% impressions, 5% clicks, 200,000 viewers) from CLIENTS concurrent clients as fast as the
server answers, and resends every 20th batch once (a client retry: it must count nothing).
Afterwards the experiment's results must hold exactly the impressions that were sent.

Usage: ingest.py BASE ADMIN_PASSWORD TESTDATA_DIR [BATCHES] [CLIENTS]
"""
import base64, concurrent.futures, json, random, sys, threading, time, urllib.error, urllib.request, uuid
from datetime import datetime, timezone

base, password, testdata = sys.argv[1], sys.argv[2], sys.argv[3]
batches = int(sys.argv[4]) if len(sys.argv) > 4 else 400
clients = int(sys.argv[5]) if len(sys.argv) > 5 else 4
basic = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
run = uuid.uuid4().hex[:8]


def call(method, path, body=None, content_type="application/json", headers=None):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", basic)
    if data is not None:
        req.add_header("Content-Type", content_type)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req, timeout=120) as r:
        text = r.read()
        return json.loads(text) if text else None


entry = call("POST", "/api/v1/entries", {"externalId": f"ingest-{run}", "kind": "MOVIE", "title": "Ingest"})
with open(f"{testdata}/rocket.jpg", "rb") as f:
    call("POST", f"/api/v1/entries/{entry['id']}/images", f.read(), "image/jpeg")
templates = []
for aspect, size in (("16:9", (640, 360)), ("1:1", (400, 400))):
    name = f"ingest-{run}-{aspect.replace(':', 'x')}"
    call("POST", "/api/v1/templates", {"name": name, "definition": {
        "crop": {"strategy": "SMART"}, "aspectRatio": aspect,
        "sizes": [{"width": size[0], "height": size[1]}], "format": {"type": "JPEG", "quality": 85}}})
    templates.append(name)
call("POST", f"/api/v1/entries/{entry['id']}/render-jobs", {"templates": templates})
for _ in range(300):
    variants = call("GET", f"/api/v1/entries/{entry['id']}/variants")["items"]
    if len(variants) == 2:
        break
    time.sleep(0.5)
group = call("POST", "/api/v1/audience-groups", {"name": f"Ingest {run}", "rules": [{"apps": [f"ingest-{run}"]}]})
experiment = call("POST", "/api/v1/experiments", {
    "entryId": entry["id"], "name": f"Ingest {run}", "audienceGroupIds": [group["id"]], "coverage": 1.0,
    "primaryMetric": "CLICK_THROUGH",
    "arms": [{"name": "Control", "variantId": variants[0]["id"], "control": True, "weight": 0.5},
             {"name": "Square", "variantId": variants[1]["id"], "control": False, "weight": 0.5}]})
call("POST", f"/api/v1/experiments/{experiment['id']}/start", b"")
app = call("POST", "/api/v1/delivery-apps", {"name": f"Ingest {run}", "allowedOrigins": [], "enabled": True,
                                             "rateLimit": {"requestsPerSecond": 100000, "burst": 100000}})
key = call("POST", f"/api/v1/delivery-apps/{app['id']}/keys", {"label": "ingest"})["key"]
arms = [a["id"] for a in experiment["arms"]]


def batch_body(n):
    rnd = random.Random(n)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    events = []
    for i in range(1000):
        viewer = rnd.randrange(200_000)
        events.append({"eventId": f"{run}-{n}-{i}", "type": "CLICK" if i % 20 == 19 else "IMPRESSION",
                       "experimentId": experiment["id"], "armId": arms[viewer % 2],
                       "audienceGroupId": group["id"], "viewerId": f"viewer-{viewer}", "occurredAt": now})
    return json.dumps({"events": events}).encode()


busy = [0]


def send(n):
    body = batch_body(n)
    t0 = time.perf_counter()
    while True:  # a well-behaved client: 503 means "nothing changed, send it again"
        req = urllib.request.Request(base + "/api/v1/delivery/events", data=body, method="POST")
        req.add_header("Content-Type", "application/json")
        req.add_header("X-Api-Key", key)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                report = json.loads(r.read())
            break
        except urllib.error.HTTPError as e:
            if e.code != 503:
                sys.exit(f"batch {n}: HTTP {e.code} {e.read().decode(errors='replace')}")
            busy[0] += 1
            time.sleep(float(e.headers.get("Retry-After", "1")))
    return report["accepted"], report["duplicates"], report["rejected"], time.perf_counter() - t0


work = list(range(batches)) + list(range(0, batches, 20))  # every 20th batch is sent twice
lock = threading.Lock()
totals = {"accepted": 0, "duplicates": 0, "rejected": 0}
latencies = []
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    for accepted, duplicates, rejected, seconds in pool.map(send, work):
        with lock:
            totals["accepted"] += accepted
            totals["duplicates"] += duplicates
            totals["rejected"] += rejected
            latencies.append(seconds)
elapsed = time.perf_counter() - start
sent = len(work) * 1000
latencies.sort()
print(f"sent {sent} events in {len(work)} batches of 1,000 ({batches * 1000} distinct) "
      f"from {clients} clients in {elapsed:.1f} s = {sent / elapsed:,.0f} events/s "
      f"({totals['accepted'] / elapsed:,.0f} accepted/s)")
print(f"batch latency p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
      f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms")
print(f"server report: {totals}; 503 answers retried: {busy[0]}")
results = call("GET", f"/api/v1/experiments/{experiment['id']}/results")
impressions = sum(a["impressions"] for a in results["pooled"]["arms"])
expected = batches * 950
print(f"impressions in the results: {impressions} (sent once each: {expected}) -> "
      + ("EXACT" if impressions == expected and totals["accepted"] == batches * 1000 else "MISMATCH"))
call("POST", f"/api/v1/experiments/{experiment['id']}/stop", b"")
sys.exit(0 if impressions == expected else 1)
