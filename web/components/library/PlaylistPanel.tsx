'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatDuration } from '@/lib/format';
import { PLAYLIST_PAGE, watchInList, type PlaylistDetails } from '@/lib/library';
import './library.css';

/** The playlist beside the watch page (`?list=`): its videos, the current one marked; tells the page which video comes next. */
export function PlaylistPanel({
  listId,
  currentId,
  onNext,
}: {
  listId: string;
  currentId: string;
  onNext: (next: { id: string; title: string } | null) => void;
}) {
  const [list, setList] = useState<PlaylistDetails | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    gql(PLAYLIST_PAGE, { id: listId, first: 50 })
      .then((d) => live && setList(d.playlist))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [listId]);

  const items = list?.items.edges.map((e) => e.node) ?? [];
  const index = items.findIndex((i) => i.video?.id === currentId);
  const next = index >= 0 ? items.slice(index + 1).find((i) => i.available && i.video) : undefined;
  const nextId = next?.video?.id ?? null;
  const nextTitle = next?.video?.title ?? '';
  useEffect(() => {
    onNext(nextId ? { id: nextId, title: nextTitle } : null);
  }, [nextId, nextTitle, onNext]);

  if (error) return <aside className="pl-panel muted">Could not load the playlist. {error}</aside>;
  if (list === undefined) return <aside className="pl-panel muted">Loading the playlist…</aside>;
  if (list === null) return <aside className="pl-panel muted">This playlist is private or no longer exists.</aside>;
  return (
    <aside className="pl-panel" aria-label={`Playlist ${list.title}`} data-testid="playlist-panel">
      <header className="pl-panel__head">
        <Link href={`/playlist?list=${encodeURIComponent(list.id)}`} className="pl-panel__title">
          {list.title}
        </Link>
        <span className="muted small">
          {list.owner.displayName} · {index >= 0 ? `${index + 1} / ` : ''}
          {list.itemCount}
        </span>
      </header>
      <ol className="pl-panel__items">
        {items.map((item) => (
          <li
            key={item.position}
            className={`pl-panel__item${item.video?.id === currentId ? ' pl-panel__item--current' : ''}`}
            aria-current={item.video?.id === currentId ? 'true' : undefined}
            data-testid="playlist-panel-item"
          >
            {item.available && item.video ? (
              <Link href={watchInList(item.video.id, list.id)} className="pl-panel__link">
                <span className="pl-panel__pos">{item.video.id === currentId ? '▶' : item.position + 1}</span>
                {item.video.posterUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element -- posters come from the API origin
                  <img src={item.video.posterUrl} alt="" className="pl-panel__thumb" loading="lazy" />
                ) : (
                  <span className="pl-panel__thumb" aria-hidden="true" />
                )}
                <span className="pl-panel__text">
                  <span className="pl-panel__name">{item.video.title}</span>
                  <span className="muted small">{formatDuration(item.video.durationSec)}</span>
                </span>
              </Link>
            ) : (
              <span className="pl-panel__link pl-panel__link--gone">
                <span className="pl-panel__pos">{item.position + 1}</span>
                <span className="pl-panel__text muted">Unavailable video</span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
