// @ts-check
import { describe, expect, it, vi } from "vitest";
import { PERSONAS, UNFRAMED, clickProbability, feedQuery } from "./personas.js";
import { bytesFrom, mulberry32, viewerStream, weighted } from "./random.js";
import { Tally, describeArtwork, firstConfig, getJson, parseArgs, personaForGroup } from "./traffic-simulator.js";
import { playViewer, reactionDraws, viewerOf } from "./viewer.js";

/** @typedef {import("./viewer.js").Feed} Feed */

describe("random streams", () => {
  it("repeat for the same seed and viewer and differ otherwise", () => {
    const a = viewerStream(1, 7);
    const b = viewerStream(1, 7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(viewerStream(2, 7)()).not.toBe(first[0]);
    expect(viewerStream(1, 8)()).not.toBe(first[0]);
  });

  it("are uniform enough for a simulation", () => {
    const random = mulberry32(42);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(random() * 10)]++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it("pick by weight", () => {
    const random = mulberry32(3);
    const counts = /** @type {Record<string, number>} */ ({ a: 0, b: 0 });
    for (let i = 0; i < 20_000; i++) counts[weighted(random, [{ weight: 3, value: "a" }, { weight: 1, value: "b" }])]++;
    expect(counts.a / 20_000).toBeCloseTo(0.75, 1);
  });

  it("give bytes for event ids", () => {
    const bytes = bytesFrom(mulberry32(9))(16);
    expect(bytes).toHaveLength(16);
    expect(bytesFrom(mulberry32(9))(16)).toEqual(bytes);
  });
});

describe("personas", () => {
  it("share the audience out completely", () => {
    expect(PERSONAS.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 10);
  });

  it("hide preferences that differ by audience group", () => {
    const romance = PERSONAS.find((p) => p.key === "romance-fan");
    const comedy = PERSONAS.find((p) => p.key === "comedy-fan");
    if (!romance || !comedy) throw new Error("personas missing");
    expect(clickProbability(romance, "THEME:romance")).toBeGreaterThan(2 * clickProbability(romance, null));
    expect(clickProbability(comedy, "THEME:comedy")).toBeGreaterThan(2 * clickProbability(comedy, null));
    expect(clickProbability(romance, "THEME:comedy")).toBeLessThan(clickProbability(romance, null));
    expect(clickProbability(romance, "SETTING:Paris")).toBe(romance.clickRate.other);
    expect(clickProbability(comedy, null)).toBe(comedy.clickRate[UNFRAMED]);
  });

  it("tell the feed what the demo's audience rules look at", () => {
    const romance = PERSONAS[0];
    const q = feedQuery(romance, "sim-1-000001", "romance", "TV");
    expect(q.get("profileType")).toBe("ADULT");
    expect(q.getAll("affinity")).toContain("THEME:romance=0.9");
    expect(personaForGroup("Romance fans")?.key).toBe("romance-fan");
    expect(personaForGroup("Comedy fans")?.key).toBe("comedy-fan");
    expect(personaForGroup("Kids")).toBeNull();
  });
});

/** A feed that always serves the given arm of one experiment for His Girl Friday. */
function feedServing(/** @type {string} */ armId) {
  return async () =>
    /** @type {Feed} */ ({
      audienceGroup: { id: "g", name: "Romance fans" },
      heldOut: false,
      items: [
        { status: "OK", entryId: "hgf", variantId: `v-${armId}`, source: "EXPERIMENT", tracking: { experimentId: "x", armId, audienceGroupId: "g" } },
        { status: "OK", entryId: "charade", variantId: "v-c", source: "FALLBACK" },
        { status: "BLOCKED", entryId: "notld" },
      ],
    });
}

describe("a simulated viewer", () => {
  it("is the same person in every run with the same seed", () => {
    expect(viewerOf(1, 5)).toEqual(viewerOf(1, 5));
    expect(viewerOf(1, 5).viewerId).toBe("sim-1-000005");
    expect(reactionDraws(1, 5, "hgf")).toEqual(reactionDraws(1, 5, "hgf"));
    expect(reactionDraws(1, 5, "hgf")).not.toEqual(reactionDraws(1, 5, "charade"));
  });

  it("reports one impression per experiment artwork and visit, with the tracking ids, and reacts once", async () => {
    const events = /** @type {any[]} */ ([]);
    const visit = await playViewer({
      seed: 1,
      index: 0,
      fetchFeed: feedServing("arm-romance"),
      framingOf: () => "THEME:romance",
      emit: (e) => events.push(e),
      now: () => new Date("2026-12-02T10:00:00Z"),
    });
    // the artwork is in both rows the persona reads: one impression per visit
    expect(visit.viewer.persona.rows.length).toBe(2);
    expect(events.filter((e) => e.type === "IMPRESSION")).toHaveLength(1);
    expect(events.every((e) => e.experimentId === "x" && e.armId === "arm-romance" && e.viewerId === visit.viewer.viewerId)).toBe(true);
    expect(events.filter((e) => e.type === "CLICK").length).toBeLessThanOrEqual(1);
    expect(visit.exposures).toHaveLength(1);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it("sends the same events (same ids) when replayed with the same seed", async () => {
    const run = async () => {
      const events = /** @type {any[]} */ ([]);
      await playViewer({ seed: 4, index: 11, fetchFeed: feedServing("a"), framingOf: () => null, emit: (e) => events.push(e), now: () => new Date(0) });
      return events;
    };
    expect(await run()).toEqual(await run());
  });

  it("clicks the preferred framing far more often, over many viewers", async () => {
    const rate = async (/** @type {string | null} */ framing) => {
      let clicked = 0;
      let exposed = 0;
      for (let index = 0; index < 3000; index++) {
        const visit = await playViewer({ seed: 7, index, fetchFeed: feedServing("a"), framingOf: () => framing, emit: () => {} });
        if (visit.viewer.persona.key !== "romance-fan") continue;
        exposed += visit.exposures.length;
        clicked += visit.exposures.filter((e) => e.clicked).length;
      }
      return clicked / exposed;
    };
    const romance = await rate("THEME:romance");
    const plain = await rate(null);
    expect(romance).toBeCloseTo(0.3, 1);
    expect(plain).toBeCloseTo(0.12, 1);
  });
});

describe("the command line", () => {
  it("has defaults and reads both option forms", () => {
    expect(parseArgs([], {})).toMatchObject({ base: "http://localhost:8080/", viewers: 5000, seed: 1, concurrency: 8, password: null });
    const o = parseArgs(["--base", "http://127.0.0.1:8780/marquee", "--viewers=200", "--seed", "9", "--keep-going"], { MARQUEE_ADMIN_PASSWORD: "pw" });
    expect(o).toMatchObject({ base: "http://127.0.0.1:8780/marquee/", viewers: 200, seed: 9, keepGoing: true, password: "pw" });
  });

  it("refuses what it cannot use", () => {
    expect(() => parseArgs(["--viewers", "0"])).toThrow(/--viewers must be a whole number/);
    expect(() => parseArgs(["--viewers", "many"])).toThrow(/--viewers/);
    expect(() => parseArgs(["--base", "ftp://x"])).toThrow(/http/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/unknown option --frobnicate/);
    expect(() => parseArgs(["--seed"])).toThrow(/needs a value/);
  });
});

describe("getJson", () => {
  it("retries a 429 after Retry-After and a lost answer, then returns the body", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(new Response("slow down", { status: 429, headers: { "Retry-After": "2" } }))
      .mockRejectedValueOnce(new TypeError("socket hang up"))
      .mockResolvedValueOnce(new Response(JSON.stringify({ ok: true })));
    const sleeps = /** @type {number[]} */ ([]);
    const body = await getJson("http://h/x", {}, { fetchImpl, sleep: async (ms) => void sleeps.push(ms) });
    expect(body).toEqual({ ok: true });
    expect(sleeps[0]).toBe(2000);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  it("does not retry a 401 and says what the server answered", async () => {
    const fetchImpl = vi.fn().mockResolvedValue(new Response('{"title":"Invalid API key"}', { status: 401 }));
    await expect(getJson("http://h/x", {}, { fetchImpl, sleep: async () => {} })).rejects.toThrow(/401 .*Invalid API key/);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});

describe("the tally", () => {
  const experiment = {
    id: "x",
    name: "HGF",
    entryId: "hgf",
    entryTitle: "His Girl Friday",
    audienceGroup: "Romance fans",
    state: "RUNNING",
    winningArm: null,
    arms: [
      { id: "a", name: "Title only", variantId: "va", control: true, framing: null },
      { id: "b", name: "Romance close-up", variantId: "vb", control: false, framing: "THEME:romance" },
    ],
  };

  it("counts viewers and clickers per arm", () => {
    const t = new Tally();
    t.add([{ experimentId: "x", armId: "a", entryId: "hgf", clicked: true, played: false }]);
    t.add([{ experimentId: "x", armId: "a", entryId: "hgf", clicked: false, played: false }]);
    t.add([]);
    expect(t.viewers).toBe(3);
    expect(t.line(experiment)).toBe("Romance fans: Title only 50.0% of 2 | Romance close-up   –   of 0");
  });

  it("names artwork by its arm", () => {
    expect(describeArtwork({ status: "OK", variantId: "vb", source: "AUDIENCE_WINNER" }, experiment)).toBe("“Romance close-up” (AUDIENCE_WINNER)");
    expect(describeArtwork(undefined, experiment)).toBe("not in the row");
  });
});

describe("waiting for Marquee", () => {
  const url = new URL("http://h/demo/config.json");
  const clock = () => "[0s]";

  it("waits while Marquee is still starting and says so once", async () => {
    const fetchImpl = vi
      .fn()
      .mockRejectedValueOnce(new TypeError("ECONNREFUSED"))
      .mockRejectedValueOnce(new TypeError("ECONNREFUSED"))
      .mockResolvedValueOnce(new Response(JSON.stringify({ state: "PREPARING", experiments: [] })));
    const lines = /** @type {string[]} */ ([]);
    const config = await firstConfig(url, (l) => lines.push(l), clock, { fetchImpl, sleep: async () => {} });
    expect(config.state).toBe("PREPARING");
    expect(lines).toEqual(["[0s] waiting for Marquee to answer at http://h/demo/config.json…"]);
  });

  it("stops at once on a server without the demo", async () => {
    const fetchImpl = vi.fn().mockResolvedValue(new Response("", { status: 404 }));
    await expect(firstConfig(url, () => {}, clock, { fetchImpl, sleep: async () => {} })).rejects.toThrow(/runs without its demo/);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("gives up when nothing answers in time", async () => {
    const fetchImpl = vi.fn().mockRejectedValue(new TypeError("ECONNREFUSED"));
    await expect(firstConfig(url, () => {}, clock, { fetchImpl, sleep: async () => {}, waitMs: 0 })).rejects.toThrow(/does not answer/);
  });
});
