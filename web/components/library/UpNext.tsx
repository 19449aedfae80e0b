'use client';

import { useEffect, useState } from 'react';
import './library.css';

/** Seconds before the next video of a playlist starts by itself. */
export const UP_NEXT_SECONDS = 5;

/** "Up next" after a playlist's video ended: a countdown to the next one, with Cancel and Play now. */
export function UpNext({ title, onPlay, onCancel }: { title: string; onPlay: () => void; onCancel: () => void }) {
  const [left, setLeft] = useState(UP_NEXT_SECONDS);
  useEffect(() => {
    if (left <= 0) {
      onPlay();
      return;
    }
    const t = window.setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => window.clearTimeout(t);
  }, [left, onPlay]);
  return (
    <div className="upnext" role="status" data-testid="up-next">
      <p className="upnext__label">Up next in {left} s</p>
      <p className="upnext__title">{title}</p>
      <div className="upnext__actions">
        <button type="button" className="btn btn--small" onClick={onCancel} data-testid="up-next-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn--primary btn--small" onClick={onPlay} data-testid="up-next-play">
          Play now
        </button>
      </div>
    </div>
  );
}
