// @ts-check
/**
 * One simulated viewer's visit: read the persona's rows from the feed, report an impression for
 * every artwork an experiment served, and click (and perhaps play) by the persona's hidden
 * preference for the artwork's framing.
 */
import { eventFor, newEventId } from "../shared/delivery-events.js";
import { PERSONAS, clickProbability, feedQuery } from "./personas.js";
import { bytesFrom, viewerStream, weighted } from "./random.js";

/** @typedef {import("./personas.js").Persona} Persona */
/** @typedef {import("../shared/delivery-events.js").DeliveryEvent} DeliveryEvent */
/** @typedef {{status: string, entryId?: string, title?: string, source?: string, variantId?: string, tracking?: {experimentId: string, armId?: string, audienceGroupId: string}}} FeedItem */
/** @typedef {{audienceGroup: {id: string, name: string}, heldOut: boolean, items: FeedItem[]}} Feed */

/**
 * What the visit did with one experiment's artwork, for the simulator's tallies.
 * @typedef {{experimentId: string, armId: string | undefined, entryId: string, clicked: boolean, played: boolean}} Exposure
 */

const DEVICES = [
  { weight: 0.5, value: "TV" },
  { weight: 0.35, value: "MOBILE" },
  { weight: 0.15, value: "WEB" },
];

/**
 * FNV-1a of a string, to give each (viewer, entry) its own random stream.
 * @param {string} s
 */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Who viewer `index` of a run is: persona, id and device, from the viewer's own stream.
 * @param {number} seed
 * @param {number} index
 */
export function viewerOf(seed, index) {
  const random = viewerStream(seed, index);
  const persona = weighted(
    random,
    PERSONAS.map((p) => ({ weight: p.share, value: p })),
  );
  const deviceClass = weighted(random, DEVICES);
  return {
    index,
    persona,
    deviceClass,
    viewerId: `sim-${seed}-${String(index).padStart(6, "0")}`,
  };
}

/**
 * The viewer's hidden reaction to one entry's artwork. Drawn from a stream of (seed, viewer,
 * entry) alone, so what the server served before cannot shift it.
 * @param {number} seed
 * @param {number} index
 * @param {string} entryId
 */
export function reactionDraws(seed, index, entryId) {
  const random = viewerStream((seed ^ fnv1a(entryId)) >>> 0, index);
  return { click: random(), play: random(), seconds: 300 + Math.floor(random() * 5100) };
}

/**
 * Plays one viewer.
 * @param {{
 *   seed: number,
 *   index: number,
 *   fetchFeed: (query: URLSearchParams) => Promise<Feed>,
 *   framingOf: (item: FeedItem) => string | null,
 *   emit: (event: DeliveryEvent) => void,
 *   now?: () => Date
 * }} visit
 * @returns {Promise<{viewer: ReturnType<typeof viewerOf>, exposures: Exposure[], group: string | null}>}
 */
export async function playViewer({ seed, index, fetchFeed, framingOf, emit, now = () => new Date() }) {
  const viewer = viewerOf(seed, index);
  const idBytes = bytesFrom(viewerStream((seed ^ 0x5bd1e995) >>> 0, index));
  /** @type {Map<string, Exposure>} */
  const exposures = new Map();
  let group = null;
  for (const row of viewer.persona.rows) {
    const feed = await fetchFeed(feedQuery(viewer.persona, viewer.viewerId, row, viewer.deviceClass));
    group = feed.audienceGroup?.name ?? group;
    for (const item of feed.items) {
      if (item.status !== "OK" || !item.tracking || !item.entryId) {
        continue;
      }
      const key = `${item.tracking.experimentId}/${item.entryId}`;
      if (exposures.has(key)) {
        continue; // one impression and one reaction per artwork and visit, however many rows show it
      }
      const at = now();
      emit(eventFor("IMPRESSION", item.tracking, viewer.viewerId, { eventId: newEventId(idBytes), occurredAt: at }));
      const draws = reactionDraws(seed, index, item.entryId);
      const clicked = draws.click < clickProbability(viewer.persona, framingOf(item));
      const played = clicked && draws.play < viewer.persona.playGivenClick;
      if (clicked) {
        emit(eventFor("CLICK", item.tracking, viewer.viewerId, { eventId: newEventId(idBytes), occurredAt: at }));
      }
      if (played) {
        emit(
          eventFor("PLAY", item.tracking, viewer.viewerId, {
            eventId: newEventId(idBytes),
            occurredAt: at,
            watchedSeconds: draws.seconds,
          }),
        );
      }
      exposures.set(key, {
        experimentId: item.tracking.experimentId,
        armId: item.tracking.armId,
        entryId: item.entryId,
        clicked,
        played,
      });
    }
  }
  return { viewer, exposures: [...exposures.values()], group };
}
