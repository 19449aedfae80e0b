'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { ADD_TO_PLAYLIST, CREATE_PLAYLIST, firstProblem, MY_PLAYLISTS, REMOVE_FROM_PLAYLIST, type MyPlaylist } from '@/lib/library';
import type { Visibility } from '@/lib/video-fragments';
import './library.css';

/**
 * The watch page's save controls (signed in): a "Watch later" toggle, and "Save" opening a dialog
 * with the viewer's playlists (tick to add, untick to remove) and a form for a new one.
 */
export function SaveButton({ videoId, initialIds }: { videoId: string; initialIds: readonly string[] }) {
  const [lists, setLists] = useState<MyPlaylist[] | null>(null);
  const [holding, setHolding] = useState<Set<string>>(new Set(initialIds));
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement | null>(null);

  const load = useCallback(async () => {
    try {
      setLists((await gql(MY_PLAYLISTS)).myPlaylists);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setHolding(new Set(initialIds)), [initialIds, videoId]);

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const watchLater = lists?.find((p) => p.isWatchLater) ?? null;

  async function toggle(p: MyPlaylist) {
    const inIt = holding.has(p.id);
    setBusy(true);
    setError(null);
    try {
      const r = inIt
        ? (await gql(REMOVE_FROM_PLAYLIST, { playlistId: p.id, videoId })).removeFromPlaylist
        : (await gql(ADD_TO_PLAYLIST, { playlistId: p.id, videoId })).addToPlaylist;
      const problem = firstProblem(r);
      if (problem) setError(problem);
      else {
        setHolding((prev) => {
          const next = new Set(prev);
          if (inIt) next.delete(p.id);
          else next.add(p.id);
          return next;
        });
        setLists((prev) => prev?.map((l) => (l.id === p.id && r.playlist ? { ...l, itemCount: r.playlist.itemCount } : l)) ?? prev);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function create(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const r = (
        await gql(CREATE_PLAYLIST, {
          input: { title: String(data.get('title') ?? ''), visibility: String(data.get('visibility')) as Visibility, videoId },
        })
      ).createPlaylist;
      const problem = firstProblem(r);
      if (problem || !r.playlist) setError(problem ?? 'Could not create the playlist.');
      else {
        const made = r.playlist;
        setLists((prev) => [...(prev ?? []), made]);
        setHolding((prev) => new Set(prev).add(made.id));
        form.reset();
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const saved = watchLater ? holding.has(watchLater.id) : false;
  return (
    <div className="save">
      <button
        type="button"
        className={`btn btn--small${saved ? ' btn--on' : ''}`}
        data-testid="watch-later-toggle"
        aria-pressed={saved}
        disabled={!watchLater || busy}
        onClick={() => watchLater && void toggle(watchLater)}
      >
        {saved ? '✓ Watch later' : '+ Watch later'}
      </button>
      <button type="button" className="btn btn--small" data-testid="save-open" onClick={() => setOpen(true)}>
        Save…
      </button>
      {error && !open && (
        <span className="save__error" role="alert">
          {error}
        </span>
      )}
      <dialog
        ref={dialogRef}
        className="save__dialog"
        aria-labelledby="save-title"
        onClose={() => setOpen(false)}
        data-testid="save-dialog"
      >
        <h2 id="save-title">Save to…</h2>
        {lists === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <ul className="save__lists">
            {lists.map((p) => (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    data-testid="playlist-option"
                    data-title={p.title}
                    checked={holding.has(p.id)}
                    disabled={busy}
                    onChange={() => void toggle(p)}
                  />
                  <span>{p.title}</span>
                  <span className="muted small">{p.visibility.toLowerCase()}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <form
          className="save__new"
          onSubmit={(e) => {
            e.preventDefault();
            void create(e.currentTarget);
          }}
        >
          <label>
            New playlist
            <input name="title" required maxLength={150} placeholder="Title" data-testid="new-playlist-title" />
          </label>
          <label>
            Visibility
            <select name="visibility" defaultValue="PRIVATE" data-testid="new-playlist-visibility">
              <option value="PRIVATE">Private</option>
              <option value="UNLISTED">Unlisted</option>
              <option value="PUBLIC">Public</option>
            </select>
          </label>
          <button type="submit" className="btn btn--primary btn--small" disabled={busy} data-testid="new-playlist-create">
            Create
          </button>
        </form>
        {error && (
          <p className="save__error" role="alert">
            {error}
          </p>
        )}
        <div className="save__actions">
          <button type="button" className="btn btn--small" onClick={() => setOpen(false)} data-testid="save-close">
            Done
          </button>
        </div>
      </dialog>
    </div>
  );
}
