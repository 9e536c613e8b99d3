import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EventQueue, type QueueStats } from "../../shared/delivery-events.js";
import {
  ApiError,
  DeliveryClient,
  fetchDemoConfig,
  marqueeBase,
  type DeliveryRow,
  type DemoConfig,
  type DemoExperiment,
  type Feed,
  type FeedItem,
} from "./api";
import { ArtworkDialog } from "./ArtworkDialog";
import { PROFILES, browserStore, renewViewerId, viewerIdFor, type Profile } from "./profiles";
import { FeedRow, type RowState } from "./FeedRow";
import { ImpressionLog, eventForItem } from "./tracking";

/** How often the page asks whether the demo is ready, and afterwards whether experiments moved on. */
const PREPARING_POLL_MS = 2000;
const READY_POLL_MS = 5000;
/** Rows first in this order; any others follow in the server's order. */
const PREFERRED_ROWS = ["home-featured", "romance", "comedy", "family"];

export function App() {
  const base = useMemo(() => marqueeBase(window.location.href), []);
  const store = useMemo(() => browserStore(), []);
  const [config, setConfig] = useState<DemoConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [profile, setProfile] = useState<Profile>(PROFILES[0]);
  const [viewerId, setViewerId] = useState(() => viewerIdFor(PROFILES[0], store));
  const [rows, setRows] = useState<DeliveryRow[] | null>(null);
  const [feeds, setFeeds] = useState<Record<string, RowState>>({});
  const [rowsError, setRowsError] = useState<string | null>(null);
  const [group, setGroup] = useState<Feed["audienceGroup"] | null>(null);
  const [heldOut, setHeldOut] = useState(false);
  const [showSources, setShowSources] = useState(true);
  const [stats, setStats] = useState<QueueStats | null>(null);
  const [selected, setSelected] = useState<{ item: FeedItem; row: string } | null>(null);
  const [reloads, setReloads] = useState(0);
  const impressions = useRef(new ImpressionLog());
  const experimentStates = useRef<string>("");

  // Ask for the configuration until the demo is ready, then keep an eye on its experiments so
  // that a decision (e.g. reached by the traffic simulator) shows up without a manual reload.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchDemoConfig(base);
        if (stopped) return;
        setConfig(next);
        setConfigError(null);
        const states = next.experiments.map((x) => `${x.id}:${x.state}`).join(",");
        if (experimentStates.current !== "" && states !== experimentStates.current) {
          setReloads((n) => n + 1);
        }
        experimentStates.current = states;
        timer = setTimeout(poll, next.state === "READY" ? READY_POLL_MS : PREPARING_POLL_MS);
      } catch (e) {
        if (stopped) return;
        setConfigError(e instanceof Error ? e.message : String(e));
        if (!(e instanceof ApiError && e.status === 404)) {
          timer = setTimeout(poll, PREPARING_POLL_MS);
        }
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [base]);

  const apiKey = config?.state === "READY" ? config.apiKey : undefined;
  const client = useMemo(() => (apiKey ? new DeliveryClient(base, apiKey) : null), [base, apiKey]);
  const queue = useMemo(
    () =>
      client
        ? new EventQueue({ send: (events) => client.sendEvents(events), maxBatch: 100, flushDelayMs: 1000, onChange: setStats })
        : null,
    [client],
  );

  // Events still queued when the page goes away are sent with keepalive.
  useEffect(() => {
    if (!queue) return;
    const leave = () => void queue.flush();
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [queue]);

  useEffect(() => {
    if (!client) return;
    let cancelled = false;
    client
      .rows()
      .then((list) => {
        if (!cancelled) setRows(orderRows(list));
      })
      .catch((e) => {
        if (!cancelled) setRowsError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [client]);

  useEffect(() => {
    if (!client || !rows) return;
    let cancelled = false;
    impressions.current.clear();
    setFeeds(Object.fromEntries(rows.map((r) => [r.name, { loading: true }])));
    for (const row of rows) {
      client
        .feed(row.name, profile, viewerId)
        .then((feed) => {
          if (cancelled) return;
          setGroup(feed.audienceGroup);
          setHeldOut(feed.heldOut);
          setFeeds((f) => ({ ...f, [row.name]: { feed } }));
        })
        .catch((e) => {
          if (cancelled) return;
          setFeeds((f) => ({ ...f, [row.name]: { error: e instanceof Error ? e.message : String(e) } }));
        });
    }
    return () => {
      cancelled = true;
    };
  }, [client, rows, profile, viewerId, reloads]);

  const choose = (next: Profile) => {
    if (next.key === profile.key) return;
    void queue?.flush();
    setProfile(next);
    setViewerId(viewerIdFor(next, store));
    setGroup(null);
  };

  const becomeSomeoneElse = () => {
    void queue?.flush();
    setViewerId(renewViewerId(profile, store));
  };

  const onShown = useCallback(
    (row: string, position: number, item: FeedItem) => {
      if (!queue || !impressions.current.firstView(row, position, item)) return;
      const event = eventForItem("IMPRESSION", item, viewerId);
      if (event) queue.add(event);
    },
    [queue, viewerId],
  );

  const onOpen = useCallback(
    (row: string, item: FeedItem) => {
      const event = eventForItem("CLICK", item, viewerId);
      if (event && queue) queue.add(event);
      setSelected({ item, row });
    },
    [queue, viewerId],
  );

  const onPlay = (item: FeedItem) => {
    const event = eventForItem("PLAY", item, viewerId, { watchedSeconds: 25 * 60 });
    if (event && queue) {
      queue.add(event);
      void queue.flush();
    }
    setSelected(null);
  };

  const experiments = config?.experiments ?? [];

  return (
    <div className="page">
      <header className="masthead">
        <div className="brand">
          <span className="logo">Marquee</span> <span className="tagline">demo streaming home page</span>
        </div>
        <nav className="profiles" aria-label="Viewer profile">
          {PROFILES.map((p) => (
            <button
              key={p.key}
              type="button"
              className={p.key === profile.key ? "profile chosen" : "profile"}
              aria-pressed={p.key === profile.key}
              data-testid={`profile-${p.key}`}
              title={p.description}
              onClick={() => choose(p)}
            >
              {p.label}
            </button>
          ))}
        </nav>
      </header>

      <section className="viewer-bar" aria-live="polite">
        <span>
          Viewer <code data-testid="viewer-id">{viewerId}</code>
        </span>
        <span data-testid="audience-group">
          Audience group: <strong>{group ? group.name : "…"}</strong>
          {heldOut ? " (global holdout: sees default artwork)" : ""}
        </span>
        <button type="button" className="link" onClick={becomeSomeoneElse} data-testid="new-viewer">
          Be another {profile.label.toLowerCase()}
        </button>
        <label className="toggle">
          <input type="checkbox" checked={showSources} onChange={(e) => setShowSources(e.target.checked)} /> Show where
          each artwork comes from
        </label>
        <EventStatus stats={stats} />
      </section>

      <p className="profile-note">{profile.description}</p>

      {configError ? (
        <p className="notice error" data-testid="demo-error">
          {configError}
        </p>
      ) : null}
      {config && config.state !== "READY" ? <Preparing config={config} /> : null}

      <main>
        {rows?.map((row) => (
          <FeedRow
            key={row.name}
            row={row}
            state={feeds[row.name] ?? { loading: true }}
            base={base}
            showSources={showSources}
            experiments={experiments}
            onShown={onShown}
            onOpen={onOpen}
          />
        ))}
        {rowsError ? <p className="notice error">{rowsError}</p> : null}
      </main>

      {config?.state === "READY" ? <BehindTheScenes experiments={experiments} /> : null}

      {selected ? (
        <ArtworkDialog
          item={selected.item}
          base={base}
          experiments={experiments}
          groupName={group?.name ?? ""}
          onPlay={onPlay}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}

function orderRows(rows: DeliveryRow[]): DeliveryRow[] {
  const rank = (name: string) => {
    const i = PREFERRED_ROWS.indexOf(name);
    return i < 0 ? PREFERRED_ROWS.length : i;
  };
  return [...rows].sort((a, b) => rank(a.name) - rank(b.name));
}

function Preparing({ config }: { config: DemoConfig }) {
  const progress = config.progress;
  return (
    <div className={config.state === "FAILED" ? "notice error" : "notice"} data-testid="demo-preparing" role="status">
      <p>{config.message}</p>
      {progress && progress.total > 0 ? (
        <progress max={progress.total} value={progress.done}>
          {progress.done} of {progress.total}
        </progress>
      ) : null}
    </div>
  );
}

function EventStatus({ stats }: { stats: QueueStats | null }) {
  const s = stats ?? { waiting: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, sent: 0, retries: 0, lastError: null };
  return (
    <span
      className="events"
      data-testid="event-status"
      data-waiting={s.waiting}
      data-accepted={s.accepted}
      data-rejected={s.rejected}
      data-failed={s.failed}
      title={s.lastError ?? "Impressions, clicks and plays of artwork served by an experiment"}
    >
      Events: {s.accepted} counted · {s.waiting} waiting
      {s.rejected + s.failed > 0 ? ` · ${s.rejected + s.failed} not counted` : ""}
    </span>
  );
}

function BehindTheScenes({ experiments }: { experiments: DemoExperiment[] }) {
  if (experiments.length === 0) return null;
  return (
    <aside className="backstage" data-testid="experiments">
      <h2>Behind the scenes</h2>
      <p>
        These experiments decide which artwork each audience group sees. Run the traffic simulator (see the user guide,
        “The demo”) and watch them reach a decision; the rows above then show the published winner.
      </p>
      <ul>
        {experiments.map((x) => (
          <li key={x.id} data-testid="experiment" data-state={x.state}>
            <strong>{x.name}</strong> — {x.audienceGroup}: <span className={`state state-${x.state.toLowerCase()}`}>{x.state}</span>
            {x.winningArm ? ` · winner: ${x.winningArm}` : ""}
            <span className="arms"> (arms: {x.arms.map((a) => a.name).join(", ")})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
