import { describe, expect, it } from "vitest";
import type { FeedItem } from "./api";
import { ImpressionLog, eventForItem } from "./tracking";

const enrolled: FeedItem = {
  requested: "pd-his-girl-friday-1940",
  entryId: "e1",
  status: "OK",
  source: "EXPERIMENT",
  variantId: "v1",
  tracking: { experimentId: "x1", armId: "a1", audienceGroupId: "g1" },
};
const winner: FeedItem = { requested: "r", entryId: "e2", status: "OK", source: "AUDIENCE_WINNER", variantId: "v2" };

describe("eventForItem", () => {
  it("makes events only for artwork an experiment served", () => {
    const click = eventForItem("CLICK", enrolled, "viewer");
    expect(click).toMatchObject({ type: "CLICK", experimentId: "x1", armId: "a1", audienceGroupId: "g1", viewerId: "viewer" });
    expect(eventForItem("CLICK", winner, "viewer")).toBeNull();
    expect(eventForItem("IMPRESSION", { ...enrolled, status: "NO_ARTWORK" }, "viewer")).toBeNull();
  });

  it("gives every event its own id", () => {
    const a = eventForItem("IMPRESSION", enrolled, "viewer")!;
    const b = eventForItem("IMPRESSION", enrolled, "viewer")!;
    expect(a.eventId).not.toBe(b.eventId);
  });
});

describe("ImpressionLog", () => {
  it("counts a tile once per answer, also when it scrolls in and out again", () => {
    const log = new ImpressionLog();
    expect(log.firstView("romance", 0, enrolled)).toBe(true);
    expect(log.firstView("romance", 0, enrolled)).toBe(false);
    expect(log.firstView("comedy", 2, enrolled)).toBe(true);
    expect(log.firstView("romance", 0, { ...enrolled, variantId: "v9" })).toBe(true);
    log.clear();
    expect(log.firstView("romance", 0, enrolled)).toBe(true);
  });
});
