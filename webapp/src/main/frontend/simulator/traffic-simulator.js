#!/usr/bin/env node
// @ts-check
/**
 * Marquee's demo traffic simulator: plays thousands of viewers against the demo's delivery API
 * (feed reads, impressions, clicks, plays) whose hidden preferences differ by audience group, and
 * shows the demo experiments reaching their decisions and the feed changing.
 *
 *   node webapp/src/main/frontend/simulator/traffic-simulator.js --base http://localhost:8080 --viewers 5000
 *
 * `--help` lists the options. It needs only Node 20 (fetch, no packages).
 */
import { pathToFileURL } from "node:url";
import { EventQueue, parseRetryAfter } from "../shared/delivery-events.js";
import { PERSONAS, feedQuery } from "./personas.js";
import { playViewer } from "./viewer.js";

/** @typedef {import("./viewer.js").Feed} Feed */
/** @typedef {import("./viewer.js").FeedItem} FeedItem */
/** @typedef {import("./viewer.js").Exposure} Exposure */
/**
 * @typedef {{id: string, name: string, entryId: string, entryTitle: string, audienceGroup: string,
 *   state: string, winningArm: string | null,
 *   arms: {id: string, name: string, variantId: string, control: boolean, framing: string | null}[]}} DemoExperiment
 */
/** @typedef {{state: string, message: string, progress: {done: number, total: number} | null, apiKey?: string, experiments: DemoExperiment[]}} DemoConfig */

export const USAGE = `Usage: node traffic-simulator.js [options]

Plays simulated viewers against Marquee's demo (the embedded mode's /demo data) until every demo
experiment has been decided or the viewers run out, then shows what the feed serves now.

  --base URL          where Marquee runs (default http://localhost:8080)
  --viewers N         viewers to play at most (default 5000)
  --seed N            the run's seed: the same seed plays the same viewers (default 1)
  --concurrency N     viewers in flight at once (default 8)
  --wait SECONDS      after the last viewer, how long to wait for pending decisions (default 120)
  --keep-going        play every viewer even after all experiments are decided
  --password SECRET   the admin password (or MARQUEE_ADMIN_PASSWORD): also prints each decision's
                      explanation from the management API
  --user NAME         the account for --password (default admin)
  --help              this text

Exit status: 0 when every demo experiment was decided, 3 when some were not (yet), 1 on errors.`;

/**
 * @typedef {{base: string, viewers: number, seed: number, concurrency: number, wait: number,
 *   keepGoing: boolean, password: string | null, user: string, help: boolean}} Options
 */

/**
 * Reads the command line (`--name value` or `--name=value`).
 * @param {string[]} argv arguments after the script
 * @param {Record<string, string | undefined>} env
 * @returns {Options}
 */
export function parseArgs(argv, env = {}) {
  /** @type {Options} */
  const o = {
    base: "http://localhost:8080/",
    viewers: 5000,
    seed: 1,
    concurrency: 8,
    wait: 120,
    keepGoing: false,
    password: env.MARQUEE_ADMIN_PASSWORD ?? null,
    user: "admin",
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new Error(`${name} needs a value`);
      return next;
    };
    const count = (/** @type {string} */ text, /** @type {number} */ min) => {
      if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`${name} must be a whole number ≥ ${min}, not '${text}'`);
      return Number(text);
    };
    switch (name) {
      case "--base": {
        const url = new URL(value());
        if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("--base must be an http(s) URL");
        o.base = url.toString().endsWith("/") ? url.toString() : `${url}/`;
        break;
      }
      case "--viewers":
        o.viewers = count(value(), 1);
        break;
      case "--seed":
        o.seed = count(value(), 0);
        break;
      case "--concurrency":
        o.concurrency = Math.min(count(value(), 1), 64);
        break;
      case "--wait":
        o.wait = count(value(), 0);
        break;
      case "--keep-going":
        o.keepGoing = true;
        break;
      case "--password":
        o.password = value();
        break;
      case "--user":
        o.user = value();
        break;
      case "--help":
      case "-h":
        o.help = true;
        break;
      default:
        throw new Error(`unknown option ${name} (see --help)`);
    }
  }
  return o;
}

/** Events queued for the server beyond which no new viewer starts (back-pressure). */
export const MAX_WAITING_EVENTS = 300;

/** Statuses after which a read is tried again. */
const RETRYABLE = new Set([0, 429, 502, 503, 504]);

/**
 * GETs JSON, retrying on no answer, 429 and 503 (honouring Retry-After).
 * @param {string | URL} url
 * @param {Record<string, string>} headers
 * @param {{attempts?: number, sleep?: (ms: number) => Promise<void>, fetchImpl?: typeof fetch}} [options]
 */
export async function getJson(url, headers, options = {}) {
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const fetchImpl = options.fetchImpl ?? fetch;
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let status = 0;
    /** @type {number | undefined} */
    let retryAfter;
    try {
      const response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(15_000) });
      status = response.status;
      if (response.ok) return await response.json();
      retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      last = `${status} ${(await response.text()).slice(0, 300)}`;
    } catch (e) {
      last = String(e);
    }
    if (!RETRYABLE.has(status) || attempt === attempts) break;
    await sleep(retryAfter !== undefined ? retryAfter * 1000 : Math.min(200 * 2 ** attempt, 5000));
  }
  throw new Error(`GET ${url} failed: ${last}`);
}

/** How long the simulator waits for a Marquee that is still starting. */
export const START_WAIT_MS = 180_000;

/**
 * The demo configuration, waiting while Marquee does not answer yet (it may still be starting);
 * an answer that is not the demo's (404: no demo on this server) ends the run at once.
 * @param {URL} url
 * @param {(line: string) => void} print
 * @param {() => string} clock
 * @param {{fetchImpl?: typeof fetch, sleep?: (ms: number) => Promise<void>, waitMs?: number}} [options]
 * @returns {Promise<DemoConfig>}
 */
export async function firstConfig(url, print, clock, options = {}) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + (options.waitMs ?? START_WAIT_MS);
  let said = false;
  while (true) {
    let response;
    try {
      response = await fetchImpl(url, { signal: AbortSignal.timeout(15_000) });
    } catch (e) {
      if (Date.now() >= deadline) {
        throw new Error(`Marquee does not answer at ${url} (${e instanceof Error ? e.message : e})`);
      }
      if (!said) {
        print(`${clock()} waiting for Marquee to answer at ${url}…`);
        said = true;
      }
      await sleep(2000);
      continue;
    }
    if (response.status === 404) {
      throw new Error(
        `${url} answers 404: this Marquee runs without its demo (it is on only in the embedded mode, H2 with MARQUEE_DEMO_ENABLED=true)`,
      );
    }
    if (!response.ok) {
      throw new Error(`${url} answers ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    return response.json();
  }
}

/** Counts of what the simulator's viewers saw and did, per experiment and arm. */
export class Tally {
  constructor() {
    /** @type {Map<string, {viewers: number, clicked: number, played: number}>} */
    this.arms = new Map();
    this.viewers = 0;
    this.feedReads = 0;
  }

  /** @param {Exposure[]} exposures */
  add(exposures) {
    this.viewers++;
    for (const e of exposures) {
      const key = `${e.experimentId}/${e.armId ?? "holdout"}`;
      const row = this.arms.get(key) ?? { viewers: 0, clicked: 0, played: 0 };
      row.viewers++;
      if (e.clicked) row.clicked++;
      if (e.played) row.played++;
      this.arms.set(key, row);
    }
  }

  /**
   * One line per experiment: each arm's click-through among the simulator's viewers.
   * @param {DemoExperiment} x
   */
  line(x) {
    const arms = x.arms.map((a) => {
      const row = this.arms.get(`${x.id}/${a.id}`) ?? { viewers: 0, clicked: 0 };
      const rate = row.viewers === 0 ? "  –  " : `${((100 * row.clicked) / row.viewers).toFixed(1)}%`;
      return `${a.name} ${rate} of ${row.viewers}`;
    });
    return `${x.audienceGroup}: ${arms.join(" | ")}`;
  }
}

/**
 * The persona whose viewers land in an experiment's audience group (for the before/after probe).
 * @param {string} group
 */
export function personaForGroup(group) {
  const key = group.toLowerCase().startsWith("romance") ? "romance-fan" : group.toLowerCase().startsWith("comedy") ? "comedy-fan" : null;
  return PERSONAS.find((p) => p.key === key) ?? null;
}

/**
 * How an item's artwork is described to a person: the arm (and so its framing) when the config
 * knows the variant.
 * @param {FeedItem | undefined} item
 * @param {DemoExperiment} x
 */
export function describeArtwork(item, x) {
  if (!item) return "not in the row";
  const arm = x.arms.find((a) => a.variantId === item.variantId);
  const what = arm ? `“${arm.name}”` : `variant ${item.variantId ?? "?"}`;
  return `${what} (${item.source ?? item.status})`;
}

/**
 * The simulation.
 * @param {Options} o
 * @param {(line: string) => void} print
 */
export async function simulate(o, print) {
  const started = Date.now();
  const clock = () => `[${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s]`;
  print(`Marquee traffic simulator: ${o.base} · up to ${o.viewers} viewers · seed ${o.seed} · ${o.concurrency} at a time`);

  const configUrl = new URL("demo/config.json", o.base);
  /** @type {DemoConfig} */
  let config = await firstConfig(configUrl, print, clock);
  let lastMessage = "";
  while (config.state !== "READY") {
    if (config.state === "FAILED") throw new Error(`the demo could not be prepared: ${config.message}`);
    const progress = config.progress && config.progress.total > 0 ? ` (${config.progress.done}/${config.progress.total})` : "";
    if (config.message + progress !== lastMessage) {
      print(`${clock()} waiting for the demo: ${config.message}${progress}`);
      lastMessage = config.message + progress;
    }
    await new Promise((r) => setTimeout(r, 2000));
    config = await getJson(configUrl, {});
  }
  const key = /** @type {string} */ (config.apiKey);
  const headers = { Authorization: `ApiKey ${key}`, Accept: "application/json" };
  /** @type {Map<string, {experiment: DemoExperiment, framing: string | null}>} */
  const arms = new Map();
  for (const x of config.experiments) {
    for (const a of x.arms) arms.set(a.id, { experiment: x, framing: a.framing });
  }
  const open = () => config.experiments.filter((x) => x.state !== "DECIDED" && x.state !== "STOPPED");
  print(`The demo is ready; ${config.experiments.length} experiments:`);
  for (const x of config.experiments) {
    print(`  • ${x.name} [${x.state}] arms: ${x.arms.map((a) => `${a.name}${a.control ? " (control)" : ""}`).join(", ")}`);
  }

  const tally = new Tally();
  /** @param {URLSearchParams} query @returns {Promise<Feed>} */
  const fetchFeed = async (query) => {
    tally.feedReads++;
    return getJson(new URL(`api/v1/delivery/feed?${query}`, o.base), headers);
  };
  const probe = async (/** @type {DemoExperiment} */ x, /** @type {string} */ viewerId) => {
    const persona = personaForGroup(x.audienceGroup);
    if (!persona) return undefined;
    const feed = await getJson(new URL(`api/v1/delivery/feed?${feedQuery(persona, viewerId, persona.rows[0], "TV")}`, o.base), headers);
    return /** @type {Feed} */ (feed).items.find((i) => i.entryId === x.entryId);
  };
  const probeId = (/** @type {DemoExperiment} */ x) => `sim-probe-${o.seed}-${x.id.slice(0, 8)}`;
  /** @type {Map<string, string>} */
  const before = new Map();
  for (const x of config.experiments) {
    before.set(x.id, describeArtwork(await probe(x, probeId(x)), x));
    print(`Before: a viewer in ${x.audienceGroup} sees ${x.entryTitle} as ${before.get(x.id)}`);
  }

  const queue = new EventQueue({
    send: async (events) => {
      try {
        const response = await fetch(new URL("api/v1/delivery/events", o.base), {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify({ events }),
          signal: AbortSignal.timeout(60_000),
        });
        return {
          status: response.status,
          retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
          body: response.status === 200 ? await response.json() : undefined,
        };
      } catch {
        return { status: 0 };
      }
    },
    // Small batches: ingestion's cost per event grows with the batch (measured on H2 here).
    maxBatch: 100,
    flushDelayMs: 250,
    maxAttempts: 10,
  });

  // Decisions arrive on the server's schedule; watch for them while traffic flows.
  let watching = true;
  const announce = async (/** @type {DemoExperiment} */ x) => {
    print(`${clock()} ✔ ${x.name}: decided, winner “${x.winningArm ?? "none (the control stays)"}” — published for ${x.audienceGroup}`);
    if (o.password) {
      const auth = { Authorization: `Basic ${Buffer.from(`${o.user}:${o.password}`).toString("base64")}`, Accept: "application/json" };
      try {
        const d = await getJson(new URL(`api/v1/experiments/${x.id}/decision`, o.base), auth, { attempts: 2 });
        print(`         ${d.explanation}`);
      } catch (e) {
        print(`         (could not read the decision from the management API: ${e instanceof Error ? e.message : e})`);
      }
    }
  };
  const watcher = (async () => {
    while (watching) {
      await new Promise((r) => setTimeout(r, 3000));
      try {
        /** @type {DemoConfig} */
        const next = await getJson(configUrl, {}, { attempts: 2 });
        for (const x of next.experiments) {
          const was = config.experiments.find((y) => y.id === x.id);
          if (x.state === "DECIDED" && was?.state !== "DECIDED") await announce(x);
        }
        config = { ...next, apiKey: key };
      } catch {
        // a missed look is taken again on the next round
      }
    }
  })();

  const progress = setInterval(() => {
    const s = queue.stats;
    print(
      `${clock()} ${tally.viewers} viewers · ${tally.feedReads} feed reads · events ${s.accepted} counted, ${s.waiting} waiting` +
        (s.duplicates ? `, ${s.duplicates} duplicates` : "") +
        (s.rejected ? `, ${s.rejected} rejected` : "") +
        (s.failed ? `, ${s.failed} failed` : ""),
    );
    for (const x of config.experiments) {
      if (x.state === "RUNNING") print(`         ${tally.line(x)}`);
    }
  }, 5000);

  let next = 0;
  /** @type {unknown} */
  let failure = null;
  const worker = async () => {
    while (next < o.viewers && failure === null && (o.keepGoing || open().length > 0)) {
      // Play no faster than the server counts: viewers far ahead of their events would only add
      // feed reads while the decision waits for the events.
      while (queue.stats.waiting > MAX_WAITING_EVENTS && failure === null) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const index = next++;
      try {
        const visit = await playViewer({
          seed: o.seed,
          index,
          fetchFeed,
          framingOf: (item) => arms.get(item.tracking?.armId ?? "")?.framing ?? null,
          emit: (event) => queue.add(event),
        });
        tally.add(visit.exposures);
      } catch (e) {
        failure = e;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  await queue.flush();
  clearInterval(progress);
  if (failure) {
    watching = false;
    throw failure;
  }
  const s = queue.stats;
  print(`${clock()} played ${tally.viewers} viewers: ${s.accepted} events counted, ${s.duplicates} duplicates, ${s.rejected} rejected, ${s.failed} failed`);
  if (s.duplicates > 0 && s.accepted === 0) {
    print("         every event was a duplicate: this seed's viewers were played before; try another --seed");
  }

  const deadline = Date.now() + o.wait * 1000;
  if (open().length > 0 && o.wait > 0) {
    print(`${clock()} waiting up to ${o.wait}s for the server's next decision round (marquee.decisions.poll-interval)…`);
  }
  while (open().length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  watching = false;
  await watcher;

  for (const x of config.experiments) {
    print(`         ${tally.line(x)}`);
  }
  for (const x of config.experiments) {
    const after = describeArtwork(await probe(x, probeId(x)), x);
    print(`After: a viewer in ${x.audienceGroup} sees ${x.entryTitle} as ${after} (before: ${before.get(x.id)})`);
  }
  const undecided = open();
  if (undecided.length > 0) {
    print(
      `Not decided yet: ${undecided.map((x) => x.name).join(", ")}. Each arm needs its minimum sample and a clear ` +
        "difference; run again with another --seed to add viewers.",
    );
    return 3;
  }
  print("Every demo experiment has been decided; reload /demo to see the winners.");
  return 0;
}

/** Runs from the command line. */
async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    console.error(USAGE);
    process.exit(1);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  try {
    process.exitCode = await simulate(options, (line) => console.log(line));
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void main();
}
