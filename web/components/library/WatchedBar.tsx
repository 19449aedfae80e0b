import './library.css';

/** The red bar under a card's picture: how much of the video the signed-in viewer has watched. */
export function WatchedBar({
  progress,
  durationSec,
}: {
  progress: { positionSec: number; finished: boolean } | null | undefined;
  durationSec: number | null | undefined;
}) {
  if (!progress || !durationSec || durationSec <= 0) return null;
  const percent = progress.finished ? 100 : Math.min(100, Math.max(2, (progress.positionSec / durationSec) * 100));
  return (
    <div
      className="watched-bar"
      data-testid="watched-bar"
      role="progressbar"
      aria-label="Watched"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
    >
      <div className="watched-bar__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
