// @ts-check
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  EventQueue,
  eventFor,
  newEventId,
  parseRetryAfter,
  retryDelayMs,
  uuidFromBytes,
} from "./delivery-events.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const tracking = { experimentId: "x-1", armId: "arm-1", audienceGroupId: "g-1" };

/** @param {number} n */
function impression(n) {
  return eventFor("IMPRESSION", tracking, "viewer-1", { eventId: `e-${n}` });
}

/** A 200 report accepting every event of the batch. @param {import("./delivery-events.js").DeliveryEvent[]} batch */
function acceptAll(batch) {
  return {
    status: 200,
    body: {
      accepted: batch.length,
      duplicates: 0,
      rejected: 0,
      outcomes: batch.map((e) => ({ eventId: e.eventId, status: "ACCEPTED" })),
    },
  };
}

describe("event ids", () => {
  it("are version 4 UUIDs whatever the random bytes", () => {
    expect(uuidFromBytes(new Uint8Array(16))).toBe("00000000-0000-4000-8000-000000000000");
    expect(uuidFromBytes(new Uint8Array(16).fill(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
  });

  it("come out different from the platform generator", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newEventId()));
    expect(ids.size).toBe(10_000);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
    }
  });

  it("repeat exactly for the same seeded bytes, so a simulator run can be replayed", () => {
    let counter = 0;
    const seeded = (/** @type {number} */ n) => Uint8Array.from({ length: n }, () => counter++ % 256);
    const first = newEventId(seeded);
    counter = 0;
    expect(newEventId(seeded)).toBe(first);
    expect(first).toBe("00010203-0405-4607-8809-0a0b0c0d0e0f");
  });

  it("refuse a wrong number of bytes", () => {
    expect(() => uuidFromBytes(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe("eventFor", () => {
  it("copies the tracking ids and stamps the time", () => {
    const at = new Date("2026-12-02T10:00:00Z");
    expect(eventFor("CLICK", tracking, "v", { eventId: "id-1", occurredAt: at })).toEqual({
      eventId: "id-1",
      type: "CLICK",
      experimentId: "x-1",
      armId: "arm-1",
      audienceGroupId: "g-1",
      viewerId: "v",
      occurredAt: "2026-12-02T10:00:00.000Z",
    });
  });

  it("leaves the arm out for a held-out viewer and adds watched seconds to plays only", () => {
    const held = { experimentId: "x-1", audienceGroupId: "g-1" };
    const play = eventFor("PLAY", held, "v", { watchedSeconds: 61.6 });
    expect(play).not.toHaveProperty("armId");
    expect(play.watchedSeconds).toBe(62);
    expect(eventFor("IMPRESSION", held, "v")).not.toHaveProperty("watchedSeconds");
    expect(eventFor("IMPRESSION", held, "v").eventId).toMatch(UUID_V4);
  });
});

describe("retry timing", () => {
  it("follows Retry-After when the server sent one, else doubles from the base", () => {
    expect(retryDelayMs(1, 3, 500, 30_000)).toBe(3000);
    expect(retryDelayMs(1, undefined, 500, 30_000)).toBe(500);
    expect(retryDelayMs(2, undefined, 500, 30_000)).toBe(1000);
    expect(retryDelayMs(4, undefined, 500, 30_000)).toBe(4000);
    expect(retryDelayMs(20, undefined, 500, 30_000)).toBe(30_000);
    expect(retryDelayMs(1, 120, 500, 30_000)).toBe(30_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-02T10:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 02 Dec 2026 10:00:05 GMT", now)).toBe(5);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("EventQueue", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds events until the flush delay and sends them as one batch", async () => {
    const send = vi.fn(async (/** @type {any[]} */ batch) => acceptAll(batch));
    const queue = new EventQueue({ send, flushDelayMs: 1000 });
    queue.add(impression(1));
    queue.add(impression(2));
    await vi.advanceTimersByTimeAsync(999);
    expect(send).not.toHaveBeenCalled();
    expect(queue.stats.waiting).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].map((/** @type {any} */ e) => e.eventId)).toEqual(["e-1", "e-2"]);
    expect(queue.stats).toMatchObject({ waiting: 0, sent: 2, accepted: 2, failed: 0 });
  });

  it("sends a full batch at once and splits larger queues, one request at a time", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const sizes = /** @type {number[]} */ ([]);
    const send = vi.fn(async (/** @type {any[]} */ batch) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      sizes.push(batch.length);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      return acceptAll(batch);
    });
    const queue = new EventQueue({ send, maxBatch: 3, flushDelayMs: 60_000 });
    for (let i = 0; i < 7; i++) {
      queue.add(impression(i));
    }
    const done = queue.flush();
    await vi.runAllTimersAsync();
    await done;
    expect(sizes).toEqual([3, 3, 1]);
    expect(mostInFlight).toBe(1);
    expect(queue.stats).toMatchObject({ waiting: 0, sent: 7, accepted: 7 });
  });

  it("resends the same event ids after a 503, waiting as Retry-After says", async () => {
    const attempts = /** @type {string[][]} */ ([]);
    const send = vi.fn(async (/** @type {any[]} */ batch) => {
      attempts.push(batch.map((e) => e.eventId));
      return attempts.length === 1 ? { status: 503, retryAfterSeconds: 2 } : acceptAll(batch);
    });
    const queue = new EventQueue({ send, flushDelayMs: 10 });
    queue.add(impression(1));
    queue.add(impression(2));
    await vi.advanceTimersByTimeAsync(10);
    expect(attempts).toHaveLength(1);
    expect(queue.stats).toMatchObject({ waiting: 2, retries: 1 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([
      ["e-1", "e-2"],
      ["e-1", "e-2"],
    ]);
    expect(queue.stats).toMatchObject({ waiting: 0, sent: 2, accepted: 2, retries: 1, failed: 0 });
  });

  it("retries a lost answer with backoff and counts what the server had already kept as duplicates", async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new TypeError("network down"))
      .mockResolvedValueOnce({ status: 0 })
      .mockResolvedValueOnce({
        status: 200,
        body: {
          accepted: 0,
          duplicates: 1,
          rejected: 0,
          outcomes: [{ eventId: "e-1", status: "DUPLICATE" }],
        },
      });
    const queue = new EventQueue({ send, flushDelayMs: 0, baseBackoffMs: 100 });
    queue.add(impression(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(queue.stats).toMatchObject({ sent: 1, accepted: 0, duplicates: 1, retries: 2 });
  });

  it("gives up after maxAttempts and never retries a 400", async () => {
    const unavailable = vi.fn(async () => ({ status: 503 }));
    const queue = new EventQueue({ send: unavailable, flushDelayMs: 0, maxAttempts: 3, baseBackoffMs: 10 });
    queue.add(impression(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(unavailable).toHaveBeenCalledTimes(3);
    expect(queue.stats).toMatchObject({ waiting: 0, failed: 1, sent: 0 });
    expect(queue.stats.lastError).toContain("HTTP 503");

    const malformed = vi.fn(async () => ({ status: 400 }));
    const strict = new EventQueue({ send: malformed, flushDelayMs: 0 });
    strict.add(impression(2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(malformed).toHaveBeenCalledTimes(1);
    expect(strict.stats).toMatchObject({ failed: 1, retries: 0 });
  });

  it("reports rejected events with the server's reason", async () => {
    const send = vi.fn(async () => ({
      status: 200,
      body: {
        accepted: 0,
        duplicates: 0,
        rejected: 1,
        outcomes: [{ eventId: "e-1", status: "REJECTED", reason: "experiment is DECIDED, not running" }],
      },
    }));
    const queue = new EventQueue({ send, flushDelayMs: 0 });
    queue.add(impression(1));
    await queue.flush();
    expect(queue.stats).toMatchObject({ rejected: 1, sent: 1 });
    expect(queue.stats.lastError).toBe("rejected: experiment is DECIDED, not running");
  });

  it("keeps events added while a batch is in flight for the next batch", async () => {
    /** @type {(value: any) => void} */
    let release = () => {};
    const batches = /** @type {string[][]} */ ([]);
    const send = vi.fn((/** @type {any[]} */ batch) => {
      batches.push(batch.map((e) => e.eventId));
      return batches.length === 1 ? new Promise((r) => (release = () => r(acceptAll(batch)))) : Promise.resolve(acceptAll(batch));
    });
    const queue = new EventQueue({ send, flushDelayMs: 0 });
    queue.add(impression(1));
    await vi.advanceTimersByTimeAsync(0);
    queue.add(impression(2));
    expect(queue.stats.waiting).toBe(2);
    release(undefined);
    await queue.flush();
    expect(batches).toEqual([["e-1"], ["e-2"]]);
    expect(queue.stats).toMatchObject({ waiting: 0, accepted: 2 });
  });

  it("tells its listener about every change", async () => {
    const seen = /** @type {number[]} */ ([]);
    const queue = new EventQueue({
      send: async (batch) => acceptAll(batch),
      flushDelayMs: 0,
      onChange: (s) => seen.push(s.waiting),
    });
    queue.add(impression(1));
    await queue.flush();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(0);
  });
});
