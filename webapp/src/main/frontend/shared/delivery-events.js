// @ts-check
/**
 * Client side of the delivery API's event ingestion (`POST /api/v1/delivery/events`), shared by the
 * /demo page and the traffic simulator: client-generated event ids, batching, and retries that
 * resend the same ids so that the server's idempotent ingestion never counts an event twice.
 */

/** @typedef {"IMPRESSION" | "CLICK" | "PLAY"} EventType */

/**
 * The ids a feed item's `tracking` carries; copied into every event about that artwork.
 * @typedef {{experimentId: string, armId?: string, audienceGroupId: string}} Tracking
 */

/**
 * One event as the API takes it.
 * @typedef {{
 *   eventId: string,
 *   type: EventType,
 *   experimentId: string,
 *   armId?: string,
 *   audienceGroupId: string,
 *   viewerId: string,
 *   occurredAt: string,
 *   watchedSeconds?: number
 * }} DeliveryEvent
 */

/**
 * What a transport reports for one request: the HTTP status (0 when no answer arrived), the
 * `Retry-After` seconds if any, and the parsed JSON body of a 200.
 * @typedef {{status: number, retryAfterSeconds?: number, body?: any}} SendResult
 */

/**
 * Counts a queue keeps for display and progress lines.
 * @typedef {{
 *   waiting: number,
 *   sent: number,
 *   accepted: number,
 *   duplicates: number,
 *   rejected: number,
 *   failed: number,
 *   retries: number,
 *   lastError: string | null
 * }} QueueStats
 */

/** The most events the API takes in one request. */
export const MAX_EVENTS_PER_REQUEST = 1000;

/** Statuses after which the same batch is sent again: no answer, timeouts, rate limit, overload. */
const RETRYABLE = new Set([0, 408, 425, 429, 500, 502, 503, 504]);

/**
 * Formats 16 random bytes as an RFC 9562 version 4 UUID (the version and variant bits are set
 * here, so any source of random bytes will do).
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function uuidFromBytes(bytes) {
  if (bytes.length !== 16) {
    throw new RangeError(`a UUID needs 16 bytes, got ${bytes.length}`);
  }
  const b = Uint8Array.from(bytes);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Random bytes from the platform's CSPRNG. `crypto.getRandomValues` exists in every browser, also
 * on plain-HTTP pages where `crypto.randomUUID` does not, and in Node 20.
 * @param {number} n
 * @returns {Uint8Array}
 */
export function cryptoRandomBytes(n) {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * A new event id. The simulator passes its seeded generator so that a run can be replayed.
 * @param {(n: number) => Uint8Array} [randomBytes]
 * @returns {string}
 */
export function newEventId(randomBytes = cryptoRandomBytes) {
  return uuidFromBytes(randomBytes(16));
}

/**
 * An event about the artwork a feed item served.
 * @param {EventType} type
 * @param {Tracking} tracking the item's `tracking`
 * @param {string} viewerId the viewer id sent to the feed
 * @param {{eventId?: string, occurredAt?: Date, watchedSeconds?: number}} [extra]
 * @returns {DeliveryEvent}
 */
export function eventFor(type, tracking, viewerId, extra = {}) {
  /** @type {DeliveryEvent} */
  const event = {
    eventId: extra.eventId ?? newEventId(),
    type,
    experimentId: tracking.experimentId,
    audienceGroupId: tracking.audienceGroupId,
    viewerId,
    occurredAt: (extra.occurredAt ?? new Date()).toISOString(),
  };
  if (tracking.armId) {
    event.armId = tracking.armId;
  }
  if (type === "PLAY") {
    event.watchedSeconds = Math.max(0, Math.round(extra.watchedSeconds ?? 0));
  }
  return event;
}

/**
 * The wait before attempt `attempt + 1` of a batch: the server's `Retry-After` when it sent one,
 * else exponential backoff from `baseMs`, at most `maxMs`.
 * @param {number} attempt attempts made so far (1 after the first failure)
 * @param {number | undefined} retryAfterSeconds
 * @param {number} baseMs
 * @param {number} maxMs
 */
export function retryDelayMs(attempt, retryAfterSeconds, baseMs, maxMs) {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.min(retryAfterSeconds * 1000, maxMs);
  }
  return Math.min(baseMs * 2 ** (attempt - 1), maxMs);
}

/**
 * Collects events and sends them in batches, one request at a time. A batch that gets no answer,
 * a 429 or a 5xx is sent again unchanged (same event ids) after `Retry-After` or an exponential
 * backoff; after `maxAttempts` its events count as failed. A 200 reports per event whether it was
 * accepted, a duplicate (an earlier attempt had arrived after all) or rejected.
 */
export class EventQueue {
  /**
   * @param {{
   *   send: (events: DeliveryEvent[]) => Promise<SendResult>,
   *   maxBatch?: number,
   *   flushDelayMs?: number,
   *   maxAttempts?: number,
   *   baseBackoffMs?: number,
   *   maxBackoffMs?: number,
   *   setTimer?: (fn: () => void, ms: number) => unknown,
   *   clearTimer?: (handle: any) => void,
   *   onChange?: (stats: QueueStats) => void
   * }} options
   */
  constructor(options) {
    this.send = options.send;
    this.maxBatch = Math.min(options.maxBatch ?? 100, MAX_EVENTS_PER_REQUEST);
    this.flushDelayMs = options.flushDelayMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseBackoffMs = options.baseBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle));
    this.onChange = options.onChange ?? (() => {});
    /** @type {DeliveryEvent[]} */
    this.pending = [];
    /** @type {unknown} */
    this.timer = null;
    /** @type {Promise<void> | null} */
    this.draining = null;
    this.inFlight = 0;
    /** @type {QueueStats} */
    this.counts = {
      waiting: 0,
      sent: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      failed: 0,
      retries: 0,
      lastError: null,
    };
  }

  /** @returns {QueueStats} a copy of the counts */
  get stats() {
    return { ...this.counts, waiting: this.pending.length + this.inFlight };
  }

  /**
   * Queues an event; it is sent within `flushDelayMs`, or at once when a batch is full.
   * @param {DeliveryEvent} event
   */
  add(event) {
    this.pending.push(event);
    if (this.pending.length >= this.maxBatch) {
      void this.flush();
    } else if (this.timer === null && this.draining === null) {
      this.timer = this.setTimer(() => {
        this.timer = null;
        void this.flush();
      }, this.flushDelayMs);
    }
    this.changed();
  }

  /**
   * Sends everything queued so far; resolves when the queue is empty (or every remaining batch
   * has failed for good).
   * @returns {Promise<void>}
   */
  flush() {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.draining === null) {
      this.draining = this.drain().finally(() => {
        this.draining = null;
        this.changed();
      });
    }
    return this.draining;
  }

  /** @private */
  async drain() {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      this.inFlight = batch.length;
      try {
        await this.deliver(batch);
      } finally {
        this.inFlight = 0;
      }
    }
  }

  /**
   * @private
   * @param {DeliveryEvent[]} batch
   */
  async deliver(batch) {
    for (let attempt = 1; ; attempt++) {
      /** @type {SendResult} */
      let result;
      try {
        result = await this.send(batch);
      } catch (e) {
        result = { status: 0, body: String(e) };
      }
      if (result.status === 200) {
        const body = result.body ?? {};
        this.counts.sent += batch.length;
        this.counts.accepted += Number(body.accepted ?? 0);
        this.counts.duplicates += Number(body.duplicates ?? 0);
        this.counts.rejected += Number(body.rejected ?? 0);
        const firstRejection = (body.outcomes ?? []).find(
          (/** @type {any} */ o) => o.status === "REJECTED",
        );
        if (firstRejection) {
          this.counts.lastError = `rejected: ${firstRejection.reason ?? "no reason given"}`;
        }
        this.changed();
        return;
      }
      const describe = result.status === 0 ? "no answer" : `HTTP ${result.status}`;
      if (!RETRYABLE.has(result.status) || attempt >= this.maxAttempts) {
        this.counts.failed += batch.length;
        this.counts.lastError = `${batch.length} events not sent (${describe})`;
        this.changed();
        return;
      }
      this.counts.retries++;
      this.counts.lastError = `retrying after ${describe}`;
      this.changed();
      const wait = retryDelayMs(attempt, result.retryAfterSeconds, this.baseBackoffMs, this.maxBackoffMs);
      await new Promise((resolve) => this.setTimer(() => resolve(undefined), wait));
    }
  }

  /** @private */
  changed() {
    this.onChange(this.stats);
  }
}

/**
 * Reads `Retry-After` (seconds; an HTTP date is turned into seconds from now).
 * @param {string | null} header
 * @param {number} [nowMs]
 * @returns {number | undefined}
 */
export function parseRetryAfter(header, nowMs = Date.now()) {
  if (header === null || header.trim() === "") {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
