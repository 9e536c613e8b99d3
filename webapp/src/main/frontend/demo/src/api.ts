/**
 * The parts of Marquee's delivery API the demo page uses (docs/openapi.yaml: getDeliveryFeed,
 * listDeliveryRows, ingestDeliveryEvents) and the demo's own configuration (/demo/config.json).
 */
import { parseRetryAfter, type DeliveryEvent, type SendResult, type Tracking } from "../../shared/delivery-events.js";
import type { Profile } from "./profiles";

export type FeedSource = "EXPERIMENT" | "AUDIENCE_WINNER" | "DEFAULT" | "FALLBACK";
export type FeedStatus = "OK" | "NOT_FOUND" | "ARCHIVED" | "BLOCKED" | "NO_ARTWORK";

export interface FeedRendition {
  url: string;
  width: number;
  height: number;
  format: "JPEG" | "PNG" | "WEBP";
}

export interface FeedItem {
  requested: string;
  entryId?: string;
  externalId?: string;
  title?: string;
  status: FeedStatus;
  source?: FeedSource;
  variantId?: string;
  renditions?: FeedRendition[];
  tracking?: Tracking;
}

export interface Feed {
  audienceGroup: { id: string; name: string };
  heldOut: boolean;
  items: FeedItem[];
}

export interface DeliveryRow {
  name: string;
  title: string;
  entryCount: number;
}

/** An arm of a demo experiment, as /demo/config.json describes it for the curious. */
export interface DemoArm {
  id: string;
  name: string;
  variantId: string;
  control: boolean;
  framing: string | null;
}

export interface DemoExperiment {
  id: string;
  name: string;
  entryTitle: string;
  audienceGroup: string;
  state: string;
  winningArm: string | null;
  arms: DemoArm[];
}

/** What /demo/config.json answers: whether the demo is ready and, once it is, its app key. */
export interface DemoConfig {
  state: "PREPARING" | "READY" | "FAILED";
  message: string;
  progress: { done: number; total: number } | null;
  apiKey?: string;
  experiments: DemoExperiment[];
}

/** Thrown for answers the page cannot use; `status` 0 means no answer arrived. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The URL Marquee is served under, from the page's own address: the demo lives at
 * `<base>demo/`, so everything before the last `/demo` segment is the base (with a trailing
 * slash). Under Vite's dev server the page is at the root, which is then the base.
 */
export function marqueeBase(pageHref: string): string {
  const url = new URL(pageHref);
  const path = url.pathname;
  const at = path.search(/\/demo(\/[^/]*)?$/);
  const basePath = at >= 0 ? path.slice(0, at + 1) : path.slice(0, path.lastIndexOf("/") + 1);
  return `${url.origin}${basePath}`;
}

/**
 * A rendition URL as the browser should load it. Marquee answers `/assets/…` relative to where it
 * is served (or an absolute URL when a CDN base is configured), so a path is resolved against the
 * base rather than the host's root.
 */
export function assetUrl(base: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) {
    return url;
  }
  return new URL(url.replace(/^\/+/, ""), base).toString();
}

/** `srcset` of an item's renditions, narrowest first. */
export function srcSet(base: string, renditions: FeedRendition[]): string {
  return [...renditions]
    .sort((a, b) => a.width - b.width)
    .map((r) => `${assetUrl(base, r.url)} ${r.width}w`)
    .join(", ");
}

/** The narrowest rendition at least `cssWidth` wide, else the widest (the `src` fallback). */
export function pickRendition(renditions: FeedRendition[], cssWidth: number): FeedRendition | undefined {
  const sorted = [...renditions].sort((a, b) => a.width - b.width);
  return sorted.find((r) => r.width >= cssWidth) ?? sorted.at(-1);
}

/** The feed query for one row and one viewer (getDeliveryFeed's parameters). */
export function feedQuery(row: string, profile: Profile, viewerId: string): URLSearchParams {
  const q = new URLSearchParams();
  q.set("row", row);
  q.set("viewerId", viewerId);
  q.set("profileType", profile.context.profileType);
  if (profile.context.country) q.set("country", profile.context.country);
  if (profile.context.language) q.set("language", profile.context.language);
  q.set("deviceClass", "WEB");
  for (const [tag, score] of Object.entries(profile.context.affinities)) {
    q.append("affinity", `${tag}=${score}`);
  }
  return q;
}

/** Calls the delivery API with the demo app's key. */
export class DeliveryClient {
  constructor(
    readonly base: string,
    private readonly apiKey: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async rows(): Promise<DeliveryRow[]> {
    const body = await this.getJson("api/v1/delivery/rows");
    return (body.rows ?? []) as DeliveryRow[];
  }

  async feed(row: string, profile: Profile, viewerId: string): Promise<Feed> {
    return (await this.getJson(`api/v1/delivery/feed?${feedQuery(row, profile, viewerId)}`)) as Feed;
  }

  /** The transport of the page's EventQueue; `keepalive` lets a batch outlive the page. */
  async sendEvents(events: DeliveryEvent[]): Promise<SendResult> {
    const response = await this.fetchImpl(new URL("api/v1/delivery/events", this.base), {
      method: "POST",
      headers: { ...this.headers(), "Content-Type": "application/json" },
      body: JSON.stringify({ events }),
      keepalive: true,
    });
    return {
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
      body: response.status === 200 ? await response.json() : undefined,
    };
  }

  private headers(): Record<string, string> {
    return { Authorization: `ApiKey ${this.apiKey}`, Accept: "application/json" };
  }

  private async getJson(path: string): Promise<any> {
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.base), { headers: this.headers() });
    } catch (e) {
      throw new ApiError(0, `Marquee did not answer (${String(e)})`);
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemDetail(response));
    }
    return response.json();
  }
}

/** Reads the demo configuration; 404 means this server runs without the demo. */
export async function fetchDemoConfig(base: string, fetchImpl: typeof fetch = fetch): Promise<DemoConfig> {
  let response: Response;
  try {
    response = await fetchImpl(new URL("demo/config.json", base), { cache: "no-store" });
  } catch (e) {
    throw new ApiError(0, `Marquee did not answer (${String(e)})`);
  }
  if (response.status === 404) {
    throw new ApiError(
      404,
      "This Marquee runs without its demo (it is on only in the embedded mode with MARQUEE_DEMO_ENABLED=true).",
    );
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemDetail(response));
  }
  return (await response.json()) as DemoConfig;
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const problem = await response.json();
    return `${response.status} ${problem.title ?? ""}${problem.detail ? `: ${problem.detail}` : ""}`.trim();
  } catch {
    return `HTTP ${response.status}`;
  }
}
