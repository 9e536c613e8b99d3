import { useEffect, useRef } from "react";
import { assetUrl, pickRendition, srcSet, type DeliveryRow, type DemoExperiment, type Feed, type FeedItem } from "./api";
import { VISIBLE_SHARE } from "./tracking";

export type RowState = { loading: true } | { feed: Feed } | { error: string };

/** CSS width of a tile (styles.css); the `sizes` hint for srcset. */
const TILE_CSS_WIDTH = 320;

interface RowProps {
  row: DeliveryRow;
  state: RowState;
  base: string;
  showSources: boolean;
  experiments: DemoExperiment[];
  onShown: (row: string, position: number, item: FeedItem) => void;
  onOpen: (row: string, item: FeedItem) => void;
}

/** One row of the home page: the feed's answer for a named row, blocked titles left out. */
export function FeedRow({ row, state, base, showSources, experiments, onShown, onOpen }: RowProps) {
  const visible = "feed" in state ? state.feed.items.filter((i) => i.status === "OK" || i.status === "NO_ARTWORK") : [];
  const withheld = "feed" in state ? state.feed.items.length - visible.length : 0;
  return (
    <section
      className="row"
      data-testid={`row-${row.name}`}
      data-state={"loading" in state ? "loading" : "error" in state ? "error" : "loaded"}
      aria-label={row.title}
    >
      <h2>
        {row.title}
        {withheld > 0 ? <small className="withheld"> · {withheld} not for this profile</small> : null}
      </h2>
      {"loading" in state ? <p className="row-note">Loading…</p> : null}
      {"error" in state ? <p className="row-note error">{state.error}</p> : null}
      {"feed" in state && visible.length === 0 ? <p className="row-note">Nothing in this row for this profile.</p> : null}
      <ol className="tiles">
        {visible.map((item, position) => (
          <Tile
            key={`${position}-${item.entryId}-${item.variantId ?? "none"}`}
            row={row.name}
            position={position}
            item={item}
            base={base}
            showSources={showSources}
            experiments={experiments}
            onShown={onShown}
            onOpen={onOpen}
          />
        ))}
      </ol>
    </section>
  );
}

interface TileProps {
  row: string;
  position: number;
  item: FeedItem;
  base: string;
  showSources: boolean;
  experiments: DemoExperiment[];
  onShown: RowProps["onShown"];
  onOpen: RowProps["onOpen"];
}

function Tile({ row, position, item, base, showSources, experiments, onShown, onOpen }: TileProps) {
  const ref = useRef<HTMLLIElement>(null);

  // An impression is the artwork being seen: at least half of the tile on screen.
  useEffect(() => {
    const element = ref.current;
    if (!element || item.status !== "OK") return;
    if (typeof IntersectionObserver === "undefined") {
      onShown(row, position, item);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting && e.intersectionRatio >= VISIBLE_SHARE)) {
          onShown(row, position, item);
        }
      },
      { threshold: [VISIBLE_SHARE] },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [row, position, item, onShown]);

  const renditions = item.renditions ?? [];
  const fallback = pickRendition(renditions, TILE_CSS_WIDTH);
  const title = item.title ?? item.requested;
  return (
    <li
      ref={ref}
      className="tile"
      data-testid="tile"
      data-entry-id={item.entryId ?? ""}
      data-variant-id={item.variantId ?? ""}
      data-source={item.source ?? ""}
      data-status={item.status}
      data-tracked={item.tracking ? "true" : "false"}
      data-experiment-id={item.tracking?.experimentId ?? ""}
      data-arm-id={item.tracking?.armId ?? ""}
    >
      <button type="button" className="tile-button" onClick={() => onOpen(row, item)} aria-label={`Open ${title}`}>
        {item.status === "OK" && fallback ? (
          <img
            src={assetUrl(base, fallback.url)}
            srcSet={srcSet(base, renditions)}
            sizes={`${TILE_CSS_WIDTH}px`}
            width={fallback.width}
            height={fallback.height}
            alt={title}
            decoding="async"
          />
        ) : (
          <span className="placeholder" data-testid="placeholder">
            <span>{title}</span>
            <small>No artwork allowed for this profile</small>
          </span>
        )}
      </button>
      <div className="caption">
        <span className="title">{title}</span>
        {showSources && item.source ? <SourceBadge item={item} experiments={experiments} /> : null}
      </div>
    </li>
  );
}

/** Which step of the feed's resolution chose the artwork (and the arm, for experiments). */
export function SourceBadge({ item, experiments }: { item: FeedItem; experiments: DemoExperiment[] }) {
  const arm = armOf(item, experiments);
  const text = {
    EXPERIMENT: `Experiment${arm ? ` · ${arm}` : ""}`,
    AUDIENCE_WINNER: "Winner for your group",
    DEFAULT: "Default artwork",
    FALLBACK: "Fallback",
  }[item.source ?? "FALLBACK"];
  return (
    <span className={`badge badge-${(item.source ?? "").toLowerCase()}`} data-testid="source-badge">
      {text}
    </span>
  );
}

/** The name of the arm an experiment served, when the demo configuration knows it. */
export function armOf(item: FeedItem, experiments: DemoExperiment[]): string | null {
  const t = item.tracking;
  if (!t?.armId) return null;
  const experiment = experiments.find((x) => x.id === t.experimentId);
  return experiment?.arms.find((a) => a.id === t.armId)?.name ?? null;
}
