"""Summarises an async-profiler CPU profile of the feed (collapsed stacks, one "frame;frame;… count"
line per stack): the share of samples under each of the feed's steps and the layers around it
(inclusive, so the steps overlap: the servlet contains the resolution chain), and the hottest leaf
methods with the frames that called them. A step's frame can be missing from a profile when the
JIT compiled it into its caller (the share then moves to the caller), so the leaf list is the
surer guide; compare steps between profiles of equally warm servers only.
Usage: python3 profile_summary.py profile.txt [top]"""
import collections
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 20

# (label, a substring of a frame's name); a sample counts once for each step one of its frames is in
STEPS = [
    ("Undertow reading and parsing requests (I/O threads)", "HttpReadListener.handleEvent"),
    ("the feed servlet, everything it does", "FeedServlet.answered"),
    ("  parsing the query (FeedRequestParser)", "FeedRequestParser.fromQuery"),
    ("  API key check", "DeliveryKeyVerifier.verify"),
    ("  resolution chain (FeedService)", "FeedService.answer"),
    ("    snapshot map lookups", "ImmutableCollections$MapN.get"),
    ("    localized titles", "FeedEntry.titleIn"),
    ("    guardrail checks", "GuardrailRules.check"),
    ("    viewer facts and audience", "ViewerFactsReader.read"),
    ("    enrolment", "FeedEnrolment.assign"),
    ("  writing the JSON (FeedJson)", "FeedJson.write"),
    ("    copying fragments", "UTF8JsonGenerator.writeRaw"),
    ("    writing new fragments", "FeedJson.fragment"),
    ("  ETag", "FeedResponse.etag"),
    ("  sending the body", "JsonBody.writeTo"),
    ("guardrail block counting and flushing", "GuardrailBlockCounter"),
    ("garbage collection and the JIT (native threads)", "start_thread"),
]

stacks = []
for line in open(path):
    stack, _, count = line.rstrip("\n").rpartition(" ")
    if stack:
        stacks.append((stack.split(";"), int(count)))
total = sum(n for _, n in stacks)
print(f"CPU: {total} samples")
print("\nby step (inclusive):")
for label, frame in STEPS:
    n = sum(c for fs, c in stacks if any(frame in f for f in fs))
    print(f"  {100 * n / total:5.1f}%  {label}")

leaves = collections.Counter()
callers = collections.defaultdict(collections.Counter)
for fs, c in stacks:
    leaves[fs[-1]] += c
    callers[fs[-1]][" < ".join(reversed(fs[-4:-1]))] += c
print(f"\ntop {top} leaf methods (self time), with their most frequent callers:")
for leaf, c in leaves.most_common(top):
    caller, _ = callers[leaf].most_common(1)[0]
    print(f"  {100 * c / total:5.1f}%  {leaf.replace('/', '.')}  < {caller.replace('/', '.')[:160]}")
