#!/usr/bin/env python3
"""Event ingestion under sustained load, then an exact count check.

Sets up a real experiment through the API (entry, uploaded source image, two rendered variants,
audience group, running experiment, delivery app and key), encodes BATCHES batches of 1,000 events
(95% impressions, 5% clicks, 200,000 viewers) before the clock starts, then sends them from CLIENTS
concurrent clients as fast as the server answers, every 20th batch twice (a client retry: it must
count nothing). Throughput is reported overall and per 5-second window (sustained, not a burst).
Afterwards the results must hold exactly what was sent: impressions, clicks, distinct viewers and
viewers who clicked, per arm.

Usage: ingest.py BASE ADMIN_PASSWORD TESTDATA_DIR [BATCHES] [CLIENTS]
"""
import concurrent.futures, json, random, sys, threading, time
from datetime import datetime, timezone
from marquee_api import Marquee, new_run

base, password, testdata = sys.argv[1], sys.argv[2], sys.argv[3]
batches = int(sys.argv[4]) if len(sys.argv) > 4 else 400
clients = int(sys.argv[5]) if len(sys.argv) > 5 else 4
api = Marquee(base, password)
run = new_run()

entry, variants = api.entry_with_variants(run, testdata, ["rocket.jpg"], 2)
group = api.groups(run, 1)[0]
experiment = api.running_experiment(run, entry, variants, [group])
key = api.delivery_key(run)
arms = [a["id"] for a in experiment["arms"]]

# expected counts per arm: impressions, clicks, viewers, viewers who clicked
expected = {a: [0, 0, set(), set()] for a in arms}
now = datetime.now(timezone.utc).isoformat(timespec="seconds")
bodies = []
for n in range(batches):
    rnd = random.Random(n)
    events = []
    for i in range(1000):
        viewer = rnd.randrange(200_000)
        arm = arms[viewer % 2]
        click = i % 20 == 19
        e = expected[arm]
        e[1 if click else 0] += 1
        e[2].add(viewer)
        if click:
            e[3].add(viewer)
        events.append({"eventId": f"{run}-{n}-{i}", "type": "CLICK" if click else "IMPRESSION",
                       "experimentId": experiment["id"], "armId": arm, "audienceGroupId": group,
                       "viewerId": f"viewer-{viewer}", "occurredAt": now})
    bodies.append(json.dumps({"events": events}).encode())

work = list(range(batches)) + list(range(0, batches, 20))  # every 20th batch is sent twice
random.Random(1).shuffle(work)
lock = threading.Lock()
totals = {"accepted": 0, "duplicates": 0, "rejected": 0, "503": 0}
latencies, done_at = [], []


def send(n):
    t0 = time.perf_counter()
    report, busy = api.send_events(key, bodies[n])
    t1 = time.perf_counter()
    with lock:
        for k in ("accepted", "duplicates", "rejected"):
            totals[k] += report[k]
        totals["503"] += busy
        latencies.append(t1 - t0)
        done_at.append(t1)


start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    list(pool.map(send, work))
elapsed = time.perf_counter() - start
sent = len(work) * 1000
latencies.sort()
windows = {}
for t in done_at:
    windows[int((t - start) // 5)] = windows.get(int((t - start) // 5), 0) + 1000
full = [v / 5 for k, v in sorted(windows.items()) if (k + 1) * 5 <= elapsed]
print(f"sent {sent} events in {len(work)} batches of 1,000 ({batches * 1000} distinct) "
      f"from {clients} clients in {elapsed:.1f} s = {sent / elapsed:,.0f} events/s "
      f"({totals['accepted'] / elapsed:,.0f} accepted/s)")
if full:
    print(f"per 5 s window: min {min(full):,.0f}, median {sorted(full)[len(full) // 2]:,.0f}, "
          f"max {max(full):,.0f} events/s over {len(full)} full windows")
    print("each 5 s window, in order (events/s): " + ", ".join(f"{w:,.0f}" for w in full))
print(f"batch latency p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
      f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms")
print(f"server report: {totals}")
results = api.call("GET", f"/api/v1/experiments/{experiment['id']}/results")
ok = totals["accepted"] == batches * 1000 and totals["duplicates"] == (len(work) - batches) * 1000
for a in results["pooled"]["arms"]:
    e = expected[a["armId"]]
    got = (a["impressions"], a["clicks"], a["viewers"], a["conversions"])
    want = (e[0], e[1], len(e[2]), len(e[3]))
    ok = ok and got == want
    print(f"arm {a['armName']}: impressions, clicks, viewers, viewers who clicked = {got}"
          f" (sent: {want})")
print("counts: " + ("EXACT" if ok else "MISMATCH"))
api.call("POST", f"/api/v1/experiments/{experiment['id']}/stop", b"")
sys.exit(0 if ok else 1)
