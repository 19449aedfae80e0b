'use client';

import type { CaptionTrackOption } from '@/lib/player/captions';

interface Props {
  tracks: CaptionTrackOption[];
  /** hls.js subtitle track index, -1 = off. */
  selected: number;
  onChoose: (index: number) => void;
}

/** The control bar's CC menu: Off and each subtitle track of the video (absent when it has none). */
export function CaptionsMenu({ tracks, selected, onChoose }: Props) {
  if (tracks.length === 0) return null;
  const current = tracks.find((t) => t.index === selected);
  const label = current ? `Captions: ${current.label} (c)` : 'Captions: off (c)';
  return (
    <select
      className={`player__menu player__cc${current ? ' player__cc--on' : ''}`}
      data-testid="captions-select"
      aria-label={label}
      title={label}
      value={String(current ? selected : -1)}
      onChange={(e) => onChoose(Number(e.target.value))}
    >
      <option value="-1">CC off</option>
      {tracks.map((t) => (
        <option key={t.index} value={String(t.index)} lang={t.language}>
          {t.label}
        </option>
      ))}
    </select>
  );
}

/** The cues showing now, drawn over the picture as text (raised above the controls while they show). */
export function CaptionsOverlay({ lines, raised }: { lines: string[]; raised: boolean }) {
  if (lines.length === 0) return null;
  return (
    <div className={`player__captions${raised ? ' player__captions--raised' : ''}`} data-testid="captions-cue" aria-live="off">
      {lines.map((line, i) => (
        <span key={i} className="player__caption-line">
          {line}
        </span>
      ))}
    </div>
  );
}
