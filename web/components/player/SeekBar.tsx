'use client';

import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatTime } from '@/lib/format';
import { cueAt, type StoryboardCue } from '@/lib/storyboard';

interface Props {
  /** Content time and duration, seconds. */
  time: number;
  duration: number;
  /** Buffered up to, seconds. */
  buffered: number;
  /** Storyboard thumbnails shown while hovering. */
  cues: StoryboardCue[];
  /** Go to `t` (pointer released, or a key). */
  onSeek: (t: number) => void;
  /** While dragging: the time under the pointer; null when the drag ends. */
  onScrub: (t: number | null) => void;
}

/** The content's seek bar: click or drag (pointer), arrow/Home/End/Page keys; thumbnails on hover. */
export function SeekBar({ time, duration, buffered, cues, onSeek, onScrub }: Props) {
  const barRef = useRef<HTMLDivElement | null>(null);
  const draggingRef = useRef(false);
  const [hover, setHover] = useState<{ x: number; t: number } | null>(null);
  const [barWidth, setBarWidth] = useState(0);

  const timeAtClientX = useCallback(
    (clientX: number) => {
      const bar = barRef.current;
      if (!bar || duration <= 0) return null;
      const rect = bar.getBoundingClientRect();
      const x = Math.max(0, Math.min(rect.width, clientX - rect.left));
      setBarWidth(rect.width);
      return { x, t: (x / rect.width) * duration };
    },
    [duration],
  );

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const p = timeAtClientX(e.clientX);
    if (!p) return;
    setHover(p);
    if (draggingRef.current) onScrub(p.t);
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    const p = timeAtClientX(e.clientX);
    if (!p) return;
    draggingRef.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setHover(p);
    onScrub(p.t);
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (!draggingRef.current) return;
    draggingRef.current = false;
    onScrub(null);
    const p = timeAtClientX(e.clientX);
    if (p) onSeek(p.t);
    if (e.pointerType !== 'mouse') setHover(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? 10 : 5;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') onSeek(time + step);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') onSeek(time - step);
    else if (e.key === 'Home') onSeek(0);
    else if (e.key === 'End') onSeek(duration);
    else if (e.key === 'PageUp') onSeek(time + 30);
    else if (e.key === 'PageDown') onSeek(time - 30);
    else return;
    e.preventDefault();
  }

  const pct = duration > 0 ? (time / duration) * 100 : 0;
  const bufPct = duration > 0 ? Math.min(100, (buffered / duration) * 100) : 0;
  const cue = hover ? cueAt(cues, hover.t) : null;
  const previewW = cue ? cue.w : 64;
  const previewLeft = hover ? Math.max(0, Math.min(Math.max(0, barWidth - previewW), hover.x - previewW / 2)) : 0;

  return (
    <div className="seek">
      {hover && (
        <div className="seek__preview" style={{ left: previewLeft }} aria-hidden="true">
          {cue && (
            <div
              className="seek__thumb"
              data-testid="seek-thumb"
              data-time={hover.t.toFixed(2)}
              style={{
                width: cue.w,
                height: cue.h,
                backgroundImage: `url("${cue.url}")`,
                backgroundPosition: `-${cue.x}px -${cue.y}px`,
              }}
            />
          )}
          <span className="seek__time" data-testid="seek-time">
            {formatTime(hover.t)}
          </span>
        </div>
      )}
      <div
        ref={barRef}
        className="seek__bar"
        data-testid="seek-bar"
        role="slider"
        tabIndex={0}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(time)}
        aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}`}
        onPointerMove={onPointerMove}
        onPointerEnter={onPointerMove}
        onPointerLeave={() => {
          if (!draggingRef.current) setHover(null);
        }}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <div className="seek__track">
          <div className="seek__buffered" style={{ width: `${bufPct}%` }} />
          <div className="seek__played" style={{ width: `${pct}%` }} />
        </div>
        <div className="seek__knob" style={{ left: `${pct}%` }} />
      </div>
    </div>
  );
}
