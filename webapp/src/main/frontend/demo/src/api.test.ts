import { describe, expect, it, vi } from "vitest";
import { DeliveryClient, assetUrl, feedQuery, marqueeBase, pickRendition, srcSet, type FeedRendition } from "./api";
import { PROFILES } from "./profiles";

const renditions: FeedRendition[] = [
  { url: "/assets/aa.jpg", width: 640, height: 360, format: "JPEG" },
  { url: "/assets/bb.jpg", width: 320, height: 180, format: "JPEG" },
];

describe("marqueeBase", () => {
  it("is where Marquee is served, whatever the context path", () => {
    expect(marqueeBase("http://localhost:8080/demo/")).toBe("http://localhost:8080/");
    expect(marqueeBase("http://localhost:8080/demo")).toBe("http://localhost:8080/");
    expect(marqueeBase("http://localhost:8080/demo/index.html?x=1")).toBe("http://localhost:8080/");
    expect(marqueeBase("http://127.0.0.1:8180/marquee/demo/")).toBe("http://127.0.0.1:8180/marquee/");
    expect(marqueeBase("http://localhost:5173/")).toBe("http://localhost:5173/");
  });
});

describe("asset URLs", () => {
  it("resolve paths against the base and leave absolute (CDN) URLs alone", () => {
    expect(assetUrl("http://h/marquee/", "/assets/aa.jpg")).toBe("http://h/marquee/assets/aa.jpg");
    expect(assetUrl("http://h/", "/assets/aa.jpg")).toBe("http://h/assets/aa.jpg");
    expect(assetUrl("http://h/", "https://cdn.example.com/assets/aa.jpg")).toBe("https://cdn.example.com/assets/aa.jpg");
    expect(assetUrl("http://h/", "//cdn.example.com/a.jpg")).toBe("//cdn.example.com/a.jpg");
  });

  it("list every rendition narrowest first for srcset", () => {
    expect(srcSet("http://h/", renditions)).toBe("http://h/assets/bb.jpg 320w, http://h/assets/aa.jpg 640w");
  });

  it("pick the narrowest rendition that fills the tile, else the widest", () => {
    expect(pickRendition(renditions, 300)?.width).toBe(320);
    expect(pickRendition(renditions, 321)?.width).toBe(640);
    expect(pickRendition(renditions, 2000)?.width).toBe(640);
    expect(pickRendition([], 100)).toBeUndefined();
  });
});

describe("feedQuery", () => {
  it("sends the profile's context with the viewer id, one affinity parameter per tag", () => {
    const romance = PROFILES.find((p) => p.key === "romance-fan")!;
    const q = feedQuery("home-featured", romance, "demo-romance-fan-0123456789ab");
    expect(q.get("row")).toBe("home-featured");
    expect(q.get("viewerId")).toBe("demo-romance-fan-0123456789ab");
    expect(q.get("profileType")).toBe("ADULT");
    expect(q.get("country")).toBe("GB");
    expect(q.get("language")).toBe("en-GB");
    expect(q.get("deviceClass")).toBe("WEB");
    expect(q.getAll("affinity")).toEqual(["THEME:romance=0.9", "EMOTION:tenderness=0.6"]);
  });

  it("leaves out what a profile does not know", () => {
    const newcomer = PROFILES.find((p) => p.key === "newcomer")!;
    expect(feedQuery("comedy", newcomer, "v").getAll("affinity")).toEqual([]);
  });
});

describe("DeliveryClient", () => {
  it("sends the app key and reads rows", async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ rows: [{ name: "comedy", title: "Comedy", entryCount: 3 }] })));
    const client = new DeliveryClient("http://h/marquee/", "mk_test", fetchImpl as unknown as typeof fetch);
    expect(await client.rows()).toEqual([{ name: "comedy", title: "Comedy", entryCount: 3 }]);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [URL, RequestInit];
    expect(url.toString()).toBe("http://h/marquee/api/v1/delivery/rows");
    expect((init.headers as Record<string, string>).Authorization).toBe("ApiKey mk_test");
  });

  it("reports a problem's title and detail", async () => {
    const fetchImpl = vi.fn(
      async () =>
        new Response(JSON.stringify({ title: "Too many requests", detail: "slow down" }), {
          status: 429,
          headers: { "Content-Type": "application/problem+json" },
        }),
    );
    const client = new DeliveryClient("http://h/", "k", fetchImpl as unknown as typeof fetch);
    await expect(client.rows()).rejects.toMatchObject({ status: 429, message: "429 Too many requests: slow down" });
  });

  it("posts events as one batch and passes Retry-After on", async () => {
    const fetchImpl = vi.fn(async () => new Response("", { status: 503, headers: { "Retry-After": "3" } }));
    const client = new DeliveryClient("http://h/", "k", fetchImpl as unknown as typeof fetch);
    const result = await client.sendEvents([]);
    expect(result).toEqual({ status: 503, retryAfterSeconds: 3, body: undefined });
    const [, init] = fetchImpl.mock.calls[0] as unknown as [URL, RequestInit];
    expect(init.method).toBe("POST");
    expect(init.keepalive).toBe(true);
    expect(JSON.parse(init.body as string)).toEqual({ events: [] });
  });
});
