/**
 * Which events the page sends about the artwork it shows. Only artwork served by an experiment
 * carries `tracking`; only such items produce events (the experiments count them). An item counts
 * as shown once per feed answer and row, when at least half of it is on screen.
 */
import { eventFor, type DeliveryEvent, type EventType } from "../../shared/delivery-events.js";
import type { FeedItem } from "./api";

/** The event about an item, or null when the item was not served by an experiment. */
export function eventForItem(
  type: EventType,
  item: FeedItem,
  viewerId: string,
  extra?: { watchedSeconds?: number; occurredAt?: Date; eventId?: string },
): DeliveryEvent | null {
  if (item.status !== "OK" || !item.tracking) {
    return null;
  }
  return eventFor(type, item.tracking, viewerId, extra);
}

/** Remembers which tiles of the current feed answers were reported as impressions. */
export class ImpressionLog {
  private readonly seen = new Set<string>();

  /** True the first time a tile (row, position, entry, variant) of the current answers is shown. */
  firstView(row: string, position: number, item: FeedItem): boolean {
    const key = `${row}\u0000${position}\u0000${item.entryId ?? item.requested}\u0000${item.variantId ?? ""}`;
    if (this.seen.has(key)) {
      return false;
    }
    this.seen.add(key);
    return true;
  }

  /** A new viewer or a reload: the next showing of every tile is a new impression. */
  clear(): void {
    this.seen.clear();
  }
}

/** Minimum share of a tile on screen for it to count as seen (IAB's 50% rule). */
export const VISIBLE_SHARE = 0.5;
