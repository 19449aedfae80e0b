'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatDuration } from '@/lib/format';
import { graphql } from '@/lib/gql';
import {
  firstProblem,
  MOVE_PLAYLIST_ITEM,
  PLAYLIST_PAGE,
  REMOVE_FROM_PLAYLIST,
  watchInList,
  type PlaylistDetails,
  type PlaylistEntry,
} from '@/lib/library';
import type { Visibility } from '@/lib/video-fragments';
import type { PlaylistKind } from '@/lib/gql/graphql';
import '@/components/library/library.css';
import { PlaylistArtwork } from './PlaylistArtwork';
import { ShowSettings } from './ShowSettings';

const KIND_LABELS: Record<PlaylistKind, string> = { PLAYLIST: 'playlist', ALBUM: 'album', SHOW: 'podcast' };

const UPDATE_PLAYLIST = graphql(`
  mutation UpdatePlaylist($input: UpdatePlaylistInput!) {
    updatePlaylist(input: $input) {
      playlist {
        id
        title
        visibility
        kind
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const DELETE_PLAYLIST = graphql(`
  mutation DeletePlaylist($id: ID!) {
    deletePlaylist(id: $id) {
      deletedPlaylistId
      userErrors {
        code
        message
      }
    }
  }
`);

// 50 cards stay well under the GraphQL cost limit (a list costs its fields times `first`).
const PAGE = 50;

/** `/playlist?list=<id>`: the videos in order, Play all; the owner reorders (drag or ↑/↓), removes, renames, deletes. */
export function PlaylistClient({ listId }: { listId: string }) {
  const router = useRouter();
  const [list, setList] = useState<PlaylistDetails | null | undefined>(undefined);
  const [items, setItems] = useState<PlaylistEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      if (!listId) {
        setList(null);
        return;
      }
      try {
        const d = await gql(PLAYLIST_PAGE, { id: listId, first: PAGE, after });
        setList(d.playlist);
        const got = d.playlist?.items.edges.map((e) => e.node) ?? [];
        setItems((prev) => (after ? [...prev, ...got] : got));
        setCursor(d.playlist?.items.pageInfo.endCursor ?? null);
        setHasNext(!!d.playlist?.items.pageInfo.hasNextPage);
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [listId],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  useEffect(() => {
    if (list) document.title = `${list.title} · WeTube`;
  }, [list]);

  async function run(work: () => Promise<string | null>) {
    setBusy(true);
    try {
      const problem = await work();
      // load() clears the error when it succeeds: the edit's own problem is shown after it.
      await load(null);
      setError(problem);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  // The owner gets every item's video id (unavailable ones too, so they can be removed).
  const videoIdAt = (i: number) => items[i]?.video?.id ?? items[i]?.videoId ?? null;
  const move = (from: number, to: number) => {
    const id = videoIdAt(from);
    if (!list || !id || to < 0 || to >= list.itemCount) return;
    // Show the new order at once; the server's answer replaces it.
    setItems((prev) => {
      const next = [...prev];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved);
      return next;
    });
    void run(async () =>
      firstProblem((await gql(MOVE_PLAYLIST_ITEM, { playlistId: list.id, videoId: id, position: to })).movePlaylistItem),
    );
  };
  const remove = (i: number) => {
    const id = videoIdAt(i);
    if (!list || !id) return;
    void run(async () => firstProblem((await gql(REMOVE_FROM_PLAYLIST, { playlistId: list.id, videoId: id })).removeFromPlaylist));
  };

  if (list === undefined && !error) return <p className="muted">Loading the playlist…</p>;
  if (!list) {
    return (
      <div className="empty" data-testid="playlist-missing">
        <h2>Playlist not found</h2>
        <p className="muted">{error ?? 'It may be private, or it was deleted.'}</p>
        <Link href="/" className="btn">
          Home
        </Link>
      </div>
    );
  }

  const owner = list.viewerIsOwner;
  const firstPlayable = items.find((i) => i.available && i.video)?.video;
  return (
    <section aria-labelledby="pl-title" data-testid="playlist-page">
      <div className="pl-page__head">
        <div className="pl-page__intro">
          <PlaylistArtwork list={list} owner={owner} onChanged={() => void load(null)} />
          <div>
            <h1 id="pl-title" className="page-title" data-testid="playlist-title">
              {list.title}
            </h1>
            <p className="pl-page__meta">
              {list.owner.displayName} · {list.itemCount} {list.kind === 'SHOW' ? 'episode' : list.kind === 'ALBUM' ? 'track' : 'video'}
              {list.itemCount === 1 ? '' : 's'} · {list.visibility.toLowerCase()} ·{' '}
              <span data-testid="playlist-kind">{KIND_LABELS[list.kind]}</span>
            </p>
            {list.show && (
              <>
                {/* React hoists this <link> into <head>: podcast apps and browsers find the feed from the page. */}
                <link rel="alternate" type="application/rss+xml" title={list.title} href={list.show.feedUrl} />
                <p className="small">
                  <a href={list.show.feedUrl} data-testid="show-feed-link">
                    RSS feed
                  </a>{' '}
                  <span className="muted">(subscribe in any podcast app)</span>
                </p>
              </>
            )}
            {list.description && <p>{list.description}</p>}
          </div>
        </div>
        <div className="pl-page__actions">
          {firstPlayable && (
            <Link href={watchInList(firstPlayable.id, list.id)} className="btn btn--primary" data-testid="play-all">
              ▶ Play all
            </Link>
          )}
          {owner && !list.isWatchLater && (
            <>
              <select
                aria-label="Visibility"
                value={list.visibility}
                disabled={busy}
                data-testid="playlist-visibility"
                onChange={(e) =>
                  void run(async () =>
                    firstProblem(
                      (await gql(UPDATE_PLAYLIST, { input: { id: list.id, visibility: e.target.value as Visibility } })).updatePlaylist,
                    ),
                  )
                }
              >
                <option value="PUBLIC">Public</option>
                <option value="UNLISTED">Unlisted</option>
                <option value="PRIVATE">Private</option>
              </select>
              <select
                aria-label="Kind"
                value={list.kind}
                disabled={busy}
                data-testid="playlist-kind-select"
                onChange={(e) =>
                  void run(async () =>
                    firstProblem(
                      (await gql(UPDATE_PLAYLIST, { input: { id: list.id, kind: e.target.value as PlaylistKind } })).updatePlaylist,
                    ),
                  )
                }
              >
                <option value="PLAYLIST">Playlist</option>
                <option value="ALBUM">Album</option>
                <option value="SHOW">Podcast show</option>
              </select>
              <button
                type="button"
                className="btn btn--small"
                disabled={busy}
                onClick={() => {
                  const title = window.prompt('New title', list.title);
                  if (title != null)
                    void run(async () => firstProblem((await gql(UPDATE_PLAYLIST, { input: { id: list.id, title } })).updatePlaylist));
                }}
              >
                Rename
              </button>
              <button
                type="button"
                className="btn btn--danger btn--small"
                disabled={busy}
                onClick={() => {
                  if (!window.confirm(`Delete "${list.title}"? The videos stay on WeTube.`)) return;
                  void (async () => {
                    const r = (await gql(DELETE_PLAYLIST, { id: list.id })).deletePlaylist;
                    if (r.deletedPlaylistId) router.push('/library');
                    else setError(firstProblem(r));
                  })();
                }}
              >
                Delete
              </button>
            </>
          )}
        </div>
      </div>
      {error && (
        <div className="alert alert--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {owner && list.show && (
        <ShowSettings
          key={list.updatedAt}
          show={list.show}
          busy={busy}
          onSave={(show) =>
            void run(async () => firstProblem((await gql(UPDATE_PLAYLIST, { input: { id: list.id, show } })).updatePlaylist))
          }
        />
      )}
      {items.length === 0 ? (
        <div className="empty">
          <h2>No videos yet</h2>
          <p className="muted">Save videos here from the watch page.</p>
        </div>
      ) : (
        <ol className="pl-rows" data-testid="playlist-items">
          {items.map((item, i) => {
            const v = item.video;
            return (
              <li
                key={v?.id ?? item.videoId ?? `gone-${item.position}`}
                className="pl-row"
                data-testid="playlist-item"
                data-video-id={v?.id ?? ''}
                data-dragging={dragging === i}
                draggable={owner && !!videoIdAt(i) && !busy}
                onDragStart={() => setDragging(i)}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => {
                  if (owner && dragging !== null) e.preventDefault();
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragging !== null && dragging !== i) move(dragging, i);
                  setDragging(null);
                }}
              >
                <span className="pl-row__pos" title={list.kind === 'SHOW' ? 'Episode' : undefined}>
                  {i + 1}
                </span>
                {v ? (
                  <>
                    {v.posterUrl ? (
                      // eslint-disable-next-line @next/next/no-img-element -- posters come from the API origin
                      <img src={v.posterUrl} alt="" className="pl-row__thumb" loading="lazy" />
                    ) : (
                      <span className="pl-row__thumb" aria-hidden="true" />
                    )}
                    <span className="pl-row__text">
                      <Link href={watchInList(v.id, list.id)} className="pl-row__title">
                        {v.title}
                      </Link>
                      <span className="muted small">
                        {v.owner?.displayName} · {formatDuration(v.durationSec)}
                      </span>
                    </span>
                  </>
                ) : (
                  <span className="pl-row__text muted">Unavailable video (private or deleted)</span>
                )}
                {owner && videoIdAt(i) && (
                  <span className="pl-row__tools">
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      aria-label={`Move ${v?.title ?? 'video'} up`}
                      disabled={busy || i === 0}
                      onClick={() => move(i, i - 1)}
                      data-testid="move-up"
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      aria-label={`Move ${v?.title ?? 'video'} down`}
                      disabled={busy || i === items.length - 1}
                      onClick={() => move(i, i + 1)}
                      data-testid="move-down"
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      aria-label={`Remove ${v?.title ?? 'unavailable video'}`}
                      disabled={busy}
                      onClick={() => remove(i)}
                      data-testid="remove-item"
                    >
                      ✕
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {hasNext && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void load(cursor)}>
            Load more
          </button>
        </div>
      )}
    </section>
  );
}
