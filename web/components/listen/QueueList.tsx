'use client';

import type { Queue } from '@/lib/listen/queue';

/**
 * "Queue" on the listen page: the tracks in order, the one playing marked; a track plays when
 * picked, and any but the one playing can be taken out. Shown once there is more than one.
 */
export function QueueList({ queue, onPlay, onRemove }: { queue: Queue; onPlay: (i: number) => void; onRemove: (i: number) => void }) {
  if (queue.items.length < 2) return null;
  return (
    <nav className="chapters listen-queue" aria-label="Queue" data-testid="listen-queue">
      <h2 className="chapters__head">
        Queue <span className="muted small">{`${queue.index + 1} of ${queue.items.length}`}</span>
      </h2>
      <ol className="chapters__list">
        {queue.items.map((item, i) => (
          <li key={`${item.id}-${i}`} className="listen-queue__row" data-testid="listen-queue-item">
            <button
              type="button"
              className={`chapters__item${i === queue.index ? ' chapters__item--current' : ''}`}
              aria-current={i === queue.index ? 'true' : undefined}
              onClick={() => i !== queue.index && onPlay(i)}
            >
              <span className="chapters__time">{i + 1}</span>
              <span className="chapters__title">{item.title}</span>
            </button>
            {i !== queue.index && (
              <button
                type="button"
                className="listen-queue__remove"
                aria-label={`Remove "${item.title}" from the queue`}
                title="Remove from the queue"
                onClick={() => onRemove(i)}
                data-testid="listen-queue-remove"
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
