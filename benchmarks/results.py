#!/usr/bin/env python3
"""The full results call over HTTP for an experiment with 10 arms x 20 audience groups.

Sets up through the API an entry with 10 rendered variants (2 source images x 5 templates), 20
audience groups and a running experiment showing all 10 variants to all 20 groups, then ingests
events for every (arm, group) over the last 6 days (so the sequential test replays 6 daily looks
per cell), then times GET /api/v1/experiments/{id}/results on one keep-alive connection: WARMUP
calls, then TIMED calls. In the same run it times GET /api/v1/experiments/{id} (the same
authentication and HTTP path without the statistics) as the baseline.

Usage: results.py BASE ADMIN_PASSWORD TESTDATA_DIR [TIMED] [WARMUP]
"""
import base64, http.client, json, random, sys, time, urllib.parse
from datetime import datetime, timedelta, timezone
from marquee_api import Marquee, new_run

base, password, testdata = sys.argv[1], sys.argv[2], sys.argv[3]
timed = int(sys.argv[4]) if len(sys.argv) > 4 else 200
warmup = int(sys.argv[5]) if len(sys.argv) > 5 else 50
api = Marquee(base, password)
run = new_run()

entry, variants = api.entry_with_variants(run, testdata, ["rocket.jpg", "chelsea.png"], 5)
groups = api.groups(run, 20)
experiment = api.running_experiment(run, entry, variants, groups)
key = api.delivery_key(run)
arms = [a["id"] for a in experiment["arms"]]

rnd = random.Random(7)
now = datetime.now(timezone.utc)
events, sent = [], 0
for a, arm in enumerate(arms):
    for g, group in enumerate(groups):
        for v in range(30):
            viewer = f"viewer-{run}-{a}-{g}-{v}"
            for i in range(rnd.randint(1, 4)):
                at = (now - timedelta(days=rnd.randrange(6), minutes=rnd.randrange(600))).isoformat()
                click = rnd.random() < 0.05 + 0.01 * a
                events.append({"eventId": f"{run}-{a}-{g}-{v}-{i}", "type": "CLICK" if click else "IMPRESSION",
                               "experimentId": experiment["id"], "armId": arm, "audienceGroupId": group,
                               "viewerId": viewer, "occurredAt": at})
for i in range(0, len(events), 1000):
    report, _ = api.send_events(key, json.dumps({"events": events[i:i + 1000]}).encode())
    sent += report["accepted"]
assert sent == len(events), (sent, len(events))

url = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
auth = {"Authorization": api.basic}


def get(path):
    t0 = time.perf_counter()
    conn.request("GET", path, headers=auth)
    r = conn.getresponse()
    body = r.read()
    t1 = time.perf_counter()
    if r.status != 200:
        raise SystemExit(f"GET {path}: HTTP {r.status} {body[:300]!r}")
    return (t1 - t0) * 1000, body


def measure(path):
    for _ in range(warmup):
        get(path)
    ms = sorted(get(path)[0] for _ in range(timed))
    return ms, f"p50 {ms[len(ms) // 2]:.1f} ms, p90 {ms[int(len(ms) * 0.9)]:.1f} ms, " \
               f"p99 {ms[int(len(ms) * 0.99)]:.1f} ms, min {ms[0]:.1f} ms, max {ms[-1]:.1f} ms"


results_path = f"/api/v1/experiments/{experiment['id']}/results"
body = json.loads(get(results_path)[1])
assert len(body["groups"]) == 20 and all(len(g["arms"]) == 10 for g in body["groups"])
assert sum(a["impressions"] + a["clicks"] for a in body["pooled"]["arms"]) == len(events)
print(f"{len(events)} events over 6 days in 10 arms x 20 groups; response {len(get(results_path)[1]):,} bytes")
_, summary = measure(results_path)
print(f"GET .../results ({timed} calls after {warmup}): {summary}")
_, baseline = measure(f"/api/v1/experiments/{experiment['id']}")
print(f"baseline GET /api/v1/experiments/{{id}} (same authentication, no statistics): {baseline}")
api.call("POST", f"/api/v1/experiments/{experiment['id']}/stop", b"")
