import { useEffect, useRef } from "react";
import { assetUrl, pickRendition, type DemoExperiment, type FeedItem } from "./api";
import { SourceBadge } from "./FeedRow";

interface Props {
  item: FeedItem;
  base: string;
  experiments: DemoExperiment[];
  groupName: string;
  onPlay: (item: FeedItem) => void;
  onClose: () => void;
}

/** What a click opens: the artwork large, where it came from, and a pretend "play" button. */
export function ArtworkDialog({ item, base, experiments, groupName, onPlay, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const large = pickRendition(item.renditions ?? [], 1280);
  const title = item.title ?? item.requested;
  const experiment = item.tracking ? experiments.find((x) => x.id === item.tracking?.experimentId) : undefined;
  return (
    <div className="backdrop" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="artwork-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        {item.status === "OK" && large ? (
          <img src={assetUrl(base, large.url)} width={large.width} height={large.height} alt={title} />
        ) : null}
        <h2>{title}</h2>
        <p>
          {item.source ? <SourceBadge item={item} experiments={experiments} /> : null}
          {groupName ? <> for the audience group <strong>{groupName}</strong></> : null}
        </p>
        {experiment ? (
          <p className="explain">
            You are in the experiment “{experiment.name}”; your click was sent as an event. When the experiment decides,
            the winning arm becomes the artwork of everyone in its audience group.
          </p>
        ) : (
          <p className="explain">
            No experiment runs for you on this title, so no event is sent: the feed served{" "}
            {item.source === "AUDIENCE_WINNER" ? "the artwork published for your audience group" : "the title's default artwork"}.
          </p>
        )}
        <div className="actions">
          <button type="button" className="play" onClick={() => onPlay(item)} data-testid="play">
            ▶ Play
          </button>
          <button type="button" ref={close} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
