'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { PlaylistCard } from '@/components/library/PlaylistCard';
import { VideoCard } from '@/components/VideoCard';
import { errorMessage, gql } from '@/lib/api';
import {
  CREATE_PLAYLIST,
  firstProblem,
  MY_PLAYLISTS,
  PLAYLIST_PAGE,
  watchInList,
  type MyPlaylist,
  type PlaylistEntry,
} from '@/lib/library';
import { useRequireAuth } from '@/lib/useRequireAuth';
import type { Visibility } from '@/lib/video-fragments';
import '@/components/library/library.css';
import { HistorySection } from './HistorySection';

/** `/library`: history, Watch later and the viewer's playlists. */
export function LibraryClient() {
  const { me } = useRequireAuth();
  const [lists, setLists] = useState<MyPlaylist[] | null>(null);
  const [later, setLater] = useState<PlaylistEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const mine = (await gql(MY_PLAYLISTS)).myPlaylists;
      setLists(mine);
      const wl = mine.find((p) => p.isWatchLater);
      if (wl) setLater((await gql(PLAYLIST_PAGE, { id: wl.id, first: 12 })).playlist?.items.edges.map((e) => e.node) ?? []);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  if (!me) return <p className="muted">Loading your library…</p>;
  const watchLater = lists?.find((p) => p.isWatchLater) ?? null;
  const own = lists?.filter((p) => !p.isWatchLater) ?? [];

  return (
    <div data-testid="library-page">
      <h1 className="page-title">Library</h1>
      {error && (
        <div className="alert alert--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <HistorySection />

      <section className="lib-section" aria-labelledby="later-title" data-testid="watch-later-section">
        <div className="lib-section__head">
          <h2 id="later-title">Watch later {watchLater && <span className="muted small">({watchLater.itemCount})</span>}</h2>
          {watchLater && watchLater.itemCount > 0 && (
            <Link href={`/playlist?list=${encodeURIComponent(watchLater.id)}`} className="btn btn--small" data-testid="watch-later-open">
              See all
            </Link>
          )}
        </div>
        {lists === null && !error ? (
          <p className="muted">Loading…</p>
        ) : later.length === 0 ? (
          <p className="muted">Save videos with “+ Watch later” on the watch page.</p>
        ) : (
          <ul className="grid grid--row" data-testid="watch-later-grid">
            {later.map((i) =>
              i.video && watchLater ? <VideoCard key={i.video.id} video={i.video} href={watchInList(i.video.id, watchLater.id)} /> : null,
            )}
          </ul>
        )}
      </section>

      <section className="lib-section" aria-labelledby="playlists-title" data-testid="playlists-section">
        <div className="lib-section__head">
          <h2 id="playlists-title">Playlists</h2>
          <form
            className="lib-section__tools"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const data = new FormData(form);
              setBusy(true);
              void gql(CREATE_PLAYLIST, {
                input: { title: String(data.get('title') ?? ''), visibility: String(data.get('visibility')) as Visibility },
              })
                .then(async (r) => {
                  const problem = firstProblem(r.createPlaylist);
                  setError(problem);
                  if (!problem) {
                    form.reset();
                    await load();
                  }
                })
                .catch((err) => setError(errorMessage(err)))
                .finally(() => setBusy(false));
            }}
          >
            <input
              name="title"
              required
              maxLength={150}
              placeholder="New playlist title"
              aria-label="New playlist title"
              className="input"
            />
            <select name="visibility" defaultValue="PRIVATE" aria-label="Visibility">
              <option value="PRIVATE">Private</option>
              <option value="UNLISTED">Unlisted</option>
              <option value="PUBLIC">Public</option>
            </select>
            <button type="submit" className="btn btn--small btn--primary" disabled={busy}>
              Create
            </button>
          </form>
        </div>
        {lists !== null && own.length === 0 ? (
          <p className="muted">No playlists yet.</p>
        ) : (
          <ul className="grid grid--row" data-testid="playlists-grid">
            {own.map((p) => (
              <PlaylistCard key={p.id} playlist={p} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
