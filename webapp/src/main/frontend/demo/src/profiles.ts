/**
 * The viewer profiles a visitor can pick: each is what a streaming app would know about one
 * viewer (profile type, country, language, tag affinities from viewing history), sent to the feed
 * with a pseudonymous viewer id. Which audience group a profile lands in is Marquee's decision
 * (the demo's groups: Kids by profile type, Romance fans and Comedy fans by affinity, else the
 * default group); the page only shows what the feed answered.
 */
import { uuidFromBytes, cryptoRandomBytes } from "../../shared/delivery-events.js";

export type ProfileType = "ADULT" | "TEEN" | "KIDS";

export interface Profile {
  key: string;
  label: string;
  description: string;
  context: {
    profileType: ProfileType;
    country?: string;
    language?: string;
    affinities: Record<string, number>;
  };
}

export const PROFILES: readonly Profile[] = [
  {
    key: "romance-fan",
    label: "Romance fan",
    description: "An adult in the UK who mostly watches romances.",
    context: {
      profileType: "ADULT",
      country: "GB",
      language: "en-GB",
      affinities: { "THEME:romance": 0.9, "EMOTION:tenderness": 0.6 },
    },
  },
  {
    key: "comedy-fan",
    label: "Comedy fan",
    description: "An adult in the US who mostly watches comedies.",
    context: {
      profileType: "ADULT",
      country: "US",
      language: "en-US",
      affinities: { "THEME:comedy": 0.9, "EMOTION:laughter": 0.7 },
    },
  },
  {
    key: "kids",
    label: "Kids",
    description: "A kids profile: guardrails keep mature titles and artwork away.",
    context: { profileType: "KIDS", country: "GB", language: "en-GB", affinities: { "THEME:family": 0.8 } },
  },
  {
    key: "teen",
    label: "Teen",
    description: "A teenager who likes horror, which the teen guardrails hold back.",
    context: { profileType: "TEEN", country: "US", language: "en-US", affinities: { "THEME:horror": 0.7 } },
  },
  {
    key: "german-adult",
    label: "German adult",
    description: "An adult in Germany: localised titles, crime and noir.",
    context: { profileType: "ADULT", country: "DE", language: "de-DE", affinities: { "THEME:crime": 0.6 } },
  },
  {
    key: "newcomer",
    label: "Newcomer",
    description: "An adult with no viewing history yet (the default audience group).",
    context: { profileType: "ADULT", country: "US", language: "en-US", affinities: {} },
  },
];

/** Minimal storage interface (window.localStorage in the page, a map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const VIEWER_ID = /^demo-[a-z-]+-[0-9a-f]{12}$/;

/** A fresh viewer id for the profile, e.g. `demo-romance-fan-3f9a0c1d2e4b`. */
export function newViewerId(profile: Profile, randomBytes: (n: number) => Uint8Array = cryptoRandomBytes): string {
  const hex = uuidFromBytes(randomBytes(16)).replace(/-/g, "");
  return `demo-${profile.key}-${hex.slice(0, 12)}`;
}

/**
 * The viewer id this browser uses for the profile: kept in storage so that the viewer stays in
 * the same experiment arm across visits (assignment is sticky per viewer id), made on first use.
 */
export function viewerIdFor(profile: Profile, store: KeyValueStore, randomBytes?: (n: number) => Uint8Array): string {
  const key = `marquee.demo.viewer.${profile.key}`;
  const known = store.getItem(key);
  if (known !== null && VIEWER_ID.test(known) && known.startsWith(`demo-${profile.key}-`)) {
    return known;
  }
  const id = newViewerId(profile, randomBytes);
  store.setItem(key, id);
  return id;
}

/** Replaces the stored viewer id: "become someone else" to land in another arm, perhaps. */
export function renewViewerId(profile: Profile, store: KeyValueStore, randomBytes?: (n: number) => Uint8Array): string {
  const id = newViewerId(profile, randomBytes);
  store.setItem(`marquee.demo.viewer.${profile.key}`, id);
  return id;
}

/** Storage that works where localStorage is unavailable (private modes, blocked cookies). */
export function browserStore(): KeyValueStore {
  try {
    const probe = "marquee.demo.probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}
