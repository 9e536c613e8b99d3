"""Summarises a Java Flight Recorder file of the feed under load: what allocates (sampled
allocation weight by class and by allocating frame) and where the CPU samples are (leaf methods,
and the feed's own steps and the layers around them). Starting a recording deoptimises the
server, so its CPU shares describe a slowed server; profile_summary.py, on an async-profiler
profile, tells where the CPU goes.
Usage: python3 jfr_summary.py recording.jfr [top]"""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25


def events(kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", kind, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(e):
    st = e["values"].get("stackTrace") or {}
    return [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}"
            for f in st.get("frames", [])]


# Inclusive buckets: a sample counts for the first (outermost-listed) bucket whose frame it contains.
BUCKETS = [
    ("feed: writing the JSON (FeedJson)", "dev.marquee.experiment.feed.web.FeedJson.write"),
    ("feed: ETag (checksums)", "dev.marquee.experiment.feed.web.FeedResponse.etag"),
    ("feed: enrolment database calls", "dev.marquee.experiment.feed.ExposureRecorder"),
    ("feed: enrolment (sticky cache, hashing)", "dev.marquee.experiment.feed.FeedEnrolment.assign"),
    ("feed: viewer key (HMAC)", "dev.marquee.experiment.enrolment.ViewerKeys.keyOf"),
    ("feed: audience resolution", "dev.marquee.experiment.audience.rules.AudienceResolver.resolve"),
    ("feed: viewer facts", "dev.marquee.experiment.audience.ViewerFactsReader.read"),
    ("feed: resolution chain (FeedService)", "dev.marquee.experiment.feed.FeedService.answer"),
    ("feed: request parsing", "dev.marquee.experiment.feed.web.FeedRequestParser.fromQuery"),
    ("delivery: API key filter", "dev.marquee.delivery.access"),
    ("JAX-RS (RESTEasy) outside the resource", "org.jboss.resteasy"),
    ("servlet filters and security outside JAX-RS", "io.undertow.servlet"),
    ("Undertow core (HTTP parsing, I/O)", "io.undertow"),
    ("XNIO / NIO", "org.xnio"),
]


def bucket_of(fs):
    for name, prefix in BUCKETS:
        if any(f.startswith(prefix) for f in fs):
            return name
    return None


samples = events("jdk.ExecutionSample")
n = len(samples)
leaf = collections.Counter()
inclusive = collections.Counter()
buckets = collections.Counter()
threads = collections.Counter()
for e in samples:
    fs = frames(e)
    if not fs:
        continue
    leaf[fs[0]] += 1
    for f in set(fs):
        if f.startswith("dev.marquee."):
            inclusive[f] += 1
    buckets[bucket_of(fs) or "other (JIT/GC threads are not sampled here)"] += 1
    threads[(e["values"].get("sampledThread") or {}).get("javaName", "?").rstrip("0123456789")] += 1

print(f"CPU: {n} execution samples (Java threads only)")
print("\nby thread pool:")
for t, c in threads.most_common(8):
    print(f"  {100 * c / n:5.1f}%  {t}")
print("\nby step (each sample counted once, first matching step in this order):")
for b, c in sorted(buckets.items(), key=lambda x: -x[1]):
    print(f"  {100 * c / n:5.1f}%  {b}")
print(f"\ntop {top} leaf methods (self time):")
for m, c in leaf.most_common(top):
    print(f"  {100 * c / n:5.1f}%  {m}")
print(f"\ntop {top} Marquee methods (inclusive):")
for m, c in inclusive.most_common(top):
    print(f"  {100 * c / n:5.1f}%  {m}")

alloc = events("jdk.ObjectAllocationSample")
total = sum(e["values"]["weight"] for e in alloc) or 1
by_class = collections.Counter()
by_frame = collections.Counter()
by_bucket = collections.Counter()
for e in alloc:
    w = e["values"]["weight"]
    by_class[e["values"]["objectClass"]["name"].replace("/", ".")] += w
    fs = frames(e)
    own = next((f for f in fs if f.startswith("dev.marquee.")), None)
    by_frame[(fs[0] if fs else "?") + (f"  <- {own}" if own and own != fs[0] else "")] += w
    by_bucket[bucket_of(fs) or "other"] += w
print(f"\nallocation: {len(alloc)} samples, {total / 2**30:.1f} GiB sampled weight")
print("\nby step:")
for b, w in sorted(by_bucket.items(), key=lambda x: -x[1]):
    print(f"  {100 * w / total:5.1f}%  {b}")
print(f"\ntop {top} classes:")
for c, w in by_class.most_common(top):
    print(f"  {100 * w / total:5.1f}%  {c}")
print(f"\ntop {top} allocating frames (<- nearest Marquee frame):")
for f, w in by_frame.most_common(top):
    print(f"  {100 * w / total:5.1f}%  {f}")
