// @ts-check
/**
 * The simulated audience: who visits, what they tell the feed, and their hidden preferences. The
 * preferences are the simulator's secret: Marquee only sees impressions, clicks and plays, and its
 * experiments must find out from those that romance fans click a romance close-up and comedy fans
 * a comedy close-up more often than the title-only artwork.
 */

/**
 * @typedef {{
 *   key: string,
 *   share: number,
 *   profileType: "ADULT" | "TEEN" | "KIDS",
 *   country: string,
 *   language: string,
 *   affinities: Record<string, number>,
 *   rows: string[],
 *   clickRate: Record<string, number>,
 *   playGivenClick: number
 * }} Persona
 */

/** Artwork without a framing tag (the title-only control) is looked up under this key. */
export const UNFRAMED = "none";

/** @type {Persona[]} */
const AUDIENCE = [
  {
    key: "romance-fan",
    share: 0.35,
    profileType: "ADULT",
    country: "GB",
    language: "en-GB",
    affinities: { "THEME:romance": 0.9, "EMOTION:tenderness": 0.6 },
    rows: ["home-featured", "romance"],
    // romance fans go for a romantic close-up
    clickRate: { "THEME:romance": 0.3, "THEME:comedy": 0.09, [UNFRAMED]: 0.12, other: 0.1 },
    playGivenClick: 0.6,
  },
  {
    key: "comedy-fan",
    share: 0.35,
    profileType: "ADULT",
    country: "US",
    language: "en-US",
    affinities: { "THEME:comedy": 0.9, "EMOTION:laughter": 0.7 },
    rows: ["home-featured", "comedy"],
    // comedy fans go for the funny close-up
    clickRate: { "THEME:comedy": 0.28, "THEME:romance": 0.08, [UNFRAMED]: 0.12, other: 0.1 },
    playGivenClick: 0.6,
  },
  {
    key: "kids",
    share: 0.15,
    profileType: "KIDS",
    country: "GB",
    language: "en-GB",
    affinities: { "THEME:family": 0.8 },
    rows: ["family", "comedy"],
    clickRate: { other: 0.15 },
    playGivenClick: 0.7,
  },
  {
    key: "newcomer",
    share: 0.15,
    profileType: "ADULT",
    country: "DE",
    language: "de-DE",
    affinities: {},
    rows: ["home-featured", "crime"],
    clickRate: { other: 0.1 },
    playGivenClick: 0.5,
  },
];

/** The personas; their shares add up to 1. */
export const PERSONAS = Object.freeze(AUDIENCE);

/**
 * How likely the persona clicks artwork framed on `framing` (a tag, or null for none).
 * @param {Persona} persona
 * @param {string | null} framing
 */
export function clickProbability(persona, framing) {
  const rate = persona.clickRate[framing ?? UNFRAMED];
  return rate ?? persona.clickRate.other ?? 0;
}

/**
 * The feed query parameters that tell Marquee about a viewer of the persona.
 * @param {Persona} persona
 * @param {string} viewerId
 * @param {string} row
 * @param {string} deviceClass
 */
export function feedQuery(persona, viewerId, row, deviceClass) {
  const q = new URLSearchParams();
  q.set("row", row);
  q.set("viewerId", viewerId);
  q.set("profileType", persona.profileType);
  q.set("country", persona.country);
  q.set("language", persona.language);
  q.set("deviceClass", deviceClass);
  for (const [tag, score] of Object.entries(persona.affinities)) {
    q.append("affinity", `${tag}=${score}`);
  }
  return q;
}
