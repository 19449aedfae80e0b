'use client';

import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { barsFrom, scaleToLoudest, playedBars, playedFraction, timeAtX, timeForKey, valueText, type Peaks } from '@/lib/listen/waveform';

/** Bars drawn across the seek bar. */
const BAR_COUNT = 120;

interface Props {
  peaks: Peaks | null;
  time: number;
  duration: number;
  label: string;
  onSeek: (t: number) => void;
  /** The time under the pointer while dragging (null when let go). */
  onScrub: (t: number | null) => void;
}

/**
 * The listen page's seek bar: the track's waveform (web/lib/listen/waveform.ts), the played part
 * drawn in the accent colour. A slider: click or drag to seek, arrows ±5 s, Page Up/Down ±30 s,
 * Home/End.
 */
export function WaveformSeekBar({ peaks, time, duration, label, onSeek, onScrub }: Props) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [dragging, setDragging] = useState(false);
  const bars = useMemo(() => scaleToLoudest(barsFrom(peaks?.peaks ?? [], BAR_COUNT)), [peaks]);
  const played = playedBars(playedFraction(time, duration), bars.length);
  const at = (e: PointerEvent<HTMLDivElement>) => {
    const r = ref.current?.getBoundingClientRect();
    return r ? timeAtX(e.clientX, r.left, r.width, duration) : 0;
  };

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (!(duration > 0) || e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDragging(true);
    onScrub(at(e));
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (dragging) onScrub(at(e));
  }
  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (!dragging) return;
    setDragging(false);
    const t = at(e);
    onScrub(null);
    onSeek(t);
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const t = timeForKey(e.key, time, duration);
    if (t === null) return;
    e.preventDefault();
    onSeek(t);
  }

  return (
    <div
      ref={ref}
      className={`wave${dragging ? ' wave--dragging' : ''}`}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(time)}
      aria-valuetext={valueText(time, duration)}
      data-testid="waveform"
      data-played-bars={played}
      data-flat={peaks ? undefined : 'true'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        setDragging(false);
        onScrub(null);
      }}
      onKeyDown={onKeyDown}
    >
      {bars.map((b, i) => (
        <span
          key={i}
          className={`wave__bar${i < played ? ' wave__bar--played' : ''}`}
          style={{ height: `${Math.max(6, Math.round(b * 100))}%` }}
          aria-hidden="true"
        />
      ))}
    </div>
  );
}
