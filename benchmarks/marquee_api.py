"""Shared by the benchmark clients: calls to Marquee's API and the set-up they need.

Everything is created through the public API as a user would: entries, uploaded source images,
templates, a render job, audience groups, experiments, a delivery app and its key.
"""
import base64, json, time, urllib.error, urllib.request, uuid


class Marquee:
    def __init__(self, base, password):
        self.base = base
        self.basic = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()

    def call(self, method, path, body=None, content_type="application/json", headers=None):
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", self.basic)
        if data is not None:
            req.add_header("Content-Type", content_type)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                text = r.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{method} {path}: HTTP {e.code} {e.read().decode(errors='replace')}")

    def entry_with_variants(self, run, testdata, images, templates):
        """An entry with len(images) x templates rendered variants (one small JPEG size each)."""
        entry = self.call("POST", "/api/v1/entries",
                          {"externalId": f"bench-{run}", "kind": "MOVIE", "title": f"Bench {run}"})
        for name in images:
            with open(f"{testdata}/{name}", "rb") as f:
                kind = "image/png" if name.endswith(".png") else "image/jpeg"
                self.call("POST", f"/api/v1/entries/{entry['id']}/images", f.read(), kind)
        names = []
        for t in range(templates):
            name = f"bench-{run}-{t}"
            self.call("POST", "/api/v1/templates", {"name": name, "definition": {
                "crop": {"strategy": "SMART"}, "aspectRatio": "16:9",
                "sizes": [{"width": 160 + 16 * t, "height": 90 + 9 * t}],
                "format": {"type": "JPEG", "quality": 80}}})
            names.append(name)
        self.call("POST", f"/api/v1/entries/{entry['id']}/render-jobs", {"templates": names})
        wanted = len(images) * templates
        for _ in range(600):
            variants = self.call("GET", f"/api/v1/entries/{entry['id']}/variants?limit=100")["items"]
            if len(variants) == wanted:
                return entry, [v["id"] for v in variants]
            time.sleep(0.5)
        raise SystemExit(f"render job did not produce {wanted} variants")

    def groups(self, run, n):
        return [self.call("POST", "/api/v1/audience-groups",
                          {"name": f"Bench {run} {g}", "rules": [{"apps": [f"bench-{run}-{g}"]}]})["id"]
                for g in range(n)]

    def running_experiment(self, run, entry, variants, groups):
        w = round(1.0 / len(variants), 6)
        arms = [{"name": f"Arm {i}", "variantId": v, "control": i == 0, "weight": w}
                for i, v in enumerate(variants)]
        arms[-1]["weight"] = round(1.0 - w * (len(variants) - 1), 6)
        x = self.call("POST", "/api/v1/experiments", {
            "entryId": entry["id"], "name": f"Bench {run}", "audienceGroupIds": groups,
            "coverage": 1.0, "primaryMetric": "CLICK_THROUGH", "arms": arms})
        self.call("POST", f"/api/v1/experiments/{x['id']}/start", b"")
        return x

    def delivery_key(self, run):
        app = self.call("POST", "/api/v1/delivery-apps", {
            "name": f"Bench {run}", "allowedOrigins": [], "enabled": True,
            "rateLimit": {"requestsPerSecond": 100000, "burst": 100000}})
        return self.call("POST", f"/api/v1/delivery-apps/{app['id']}/keys", {"label": "bench"})["key"]

    def send_events(self, key, body):
        """POSTs one encoded batch; a 503 (the server's "nothing changed, send it again") is resent.
        Returns (report, number of 503 answers)."""
        busy = 0
        while True:
            req = urllib.request.Request(self.base + "/api/v1/delivery/events", data=body, method="POST")
            req.add_header("Content-Type", "application/json")
            req.add_header("X-Api-Key", key)
            try:
                with urllib.request.urlopen(req, timeout=300) as r:
                    return json.loads(r.read()), busy
            except urllib.error.HTTPError as e:
                if e.code != 503:
                    raise SystemExit(f"events: HTTP {e.code} {e.read().decode(errors='replace')}")
                busy += 1
                time.sleep(float(e.headers.get("Retry-After", "1")))


def new_run():
    return uuid.uuid4().hex[:8]
