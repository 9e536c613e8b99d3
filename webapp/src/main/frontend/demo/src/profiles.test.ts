import { describe, expect, it } from "vitest";
import { PROFILES, newViewerId, renewViewerId, viewerIdFor, type KeyValueStore } from "./profiles";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const kids = PROFILES.find((p) => p.key === "kids")!;

describe("viewer ids", () => {
  it("name the profile and carry 48 random bits", () => {
    expect(newViewerId(kids, (n) => new Uint8Array(n).fill(0xab))).toBe("demo-kids-abababababab");
    const ids = new Set(Array.from({ length: 2000 }, () => newViewerId(kids)));
    expect(ids.size).toBe(2000);
  });

  it("stay the same for a profile in one browser, so assignment stays sticky", () => {
    const store = memoryStore();
    const first = viewerIdFor(kids, store);
    expect(viewerIdFor(kids, store)).toBe(first);
    expect(store.data.get("marquee.demo.viewer.kids")).toBe(first);
    expect(viewerIdFor(PROFILES[0], store)).not.toBe(first);
  });

  it("are made again when the stored one is not a demo viewer id of that profile", () => {
    const store = memoryStore();
    store.setItem("marquee.demo.viewer.kids", "demo-teen-abababababab");
    expect(viewerIdFor(kids, store)).toMatch(/^demo-kids-[0-9a-f]{12}$/);
    store.setItem("marquee.demo.viewer.kids", "<script>");
    expect(viewerIdFor(kids, store)).toMatch(/^demo-kids-[0-9a-f]{12}$/);
  });

  it("can be renewed to become another viewer", () => {
    const store = memoryStore();
    const first = viewerIdFor(kids, store);
    const second = renewViewerId(kids, store);
    expect(second).not.toBe(first);
    expect(viewerIdFor(kids, store)).toBe(second);
  });
});

describe("profiles", () => {
  it("have unique keys and valid contexts", () => {
    expect(new Set(PROFILES.map((p) => p.key)).size).toBe(PROFILES.length);
    for (const p of PROFILES) {
      expect(p.key).toMatch(/^[a-z-]+$/);
      for (const score of Object.values(p.context.affinities)) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });
});
