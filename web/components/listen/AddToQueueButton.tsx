'use client';

import { useState } from 'react';
import { useListening } from './ListenProvider';
import './listen.css';

/** On an audio item's card: adds it at the end of the listening queue (an empty queue starts playing it). */
export function AddToQueueButton({ video }: { video: { id: string; title: string; posterUrl?: string | null } }) {
  const { enqueue } = useListening();
  const [added, setAdded] = useState(false);
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small card__queue"
      onClick={() => {
        enqueue({ id: video.id, title: video.title, posterUrl: video.posterUrl });
        setAdded(true);
      }}
      data-testid="add-to-queue"
      aria-label={`Add ${video.title || 'this track'} to the queue`}
    >
      {added ? 'Added to queue' : 'Add to queue'}
    </button>
  );
}
