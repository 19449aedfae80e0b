'use client';

import { chapterAt, type ChapterMark } from '@/lib/listen/chapters';
import { clockTime } from '@/lib/listen/waveform';

/** The track's chapters: each a button that seeks to its start; the one playing is marked. */
export function ChapterList({ chapters, time, onSeek }: { chapters: readonly ChapterMark[]; time: number; onSeek: (t: number) => void }) {
  if (chapters.length === 0) return null;
  const current = chapterAt(chapters, time);
  return (
    <nav className="chapters" aria-label="Chapters" data-testid="listen-chapters">
      <h2 className="chapters__head">Chapters</h2>
      <ol className="chapters__list">
        {chapters.map((c, i) => (
          <li key={`${c.startSec}-${i}`}>
            <button
              type="button"
              className={`chapters__item${i === current ? ' chapters__item--current' : ''}`}
              aria-current={i === current ? 'true' : undefined}
              onClick={() => onSeek(c.startSec)}
              data-testid="listen-chapter"
            >
              <span className="chapters__time">{clockTime(c.startSec)}</span>
              <span className="chapters__title">{c.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
