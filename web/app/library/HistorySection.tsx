'use client';

import { useCallback, useEffect, useState } from 'react';
import { VideoCard } from '@/components/VideoCard';
import { errorMessage, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { LibraryHistoryQuery } from '@/lib/gql/graphql';

const HISTORY = graphql(`
  query LibraryHistory($first: Int, $after: String) {
    historySettings {
      paused
    }
    watchHistory(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          video {
            ...VideoCard
          }
          progress {
            watchedAt
          }
        }
      }
    }
  }
`);

const SET_PAUSED = graphql(`
  mutation SetHistoryPaused($paused: Boolean!) {
    setHistoryPaused(paused: $paused) {
      paused
    }
  }
`);

const CLEAR = graphql(`
  mutation ClearWatchHistory {
    clearWatchHistory {
      removedCount
    }
  }
`);

const REMOVE = graphql(`
  mutation RemoveFromHistory($videoId: ID!) {
    removeFromHistory(videoId: $videoId) {
      removed
    }
  }
`);

type Entry = LibraryHistoryQuery['watchHistory']['edges'][number]['node'];

/** The library's history: newest first, remove one, clear all, pause (nothing recorded). */
export function HistorySection() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [paused, setPaused] = useState<boolean | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async (after: string | null) => {
    try {
      const d = await gql(HISTORY, { first: 24, after });
      const got = d.watchHistory.edges.map((e) => e.node);
      setEntries((prev) => (after ? [...prev, ...got] : got));
      setPaused(d.historySettings.paused);
      setTotal(d.watchHistory.totalCount);
      setCursor(d.watchHistory.pageInfo.endCursor);
      setHasNext(d.watchHistory.pageInfo.hasNextPage);
      setError(null);
      setLoaded(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
      await load(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="lib-section" aria-labelledby="history-title" data-testid="history-section">
      <div className="lib-section__head">
        <h2 id="history-title">History {total > 0 && <span className="muted small">({total})</span>}</h2>
        <div className="lib-section__tools">
          <button
            type="button"
            className="btn btn--small"
            disabled={busy || paused === null}
            aria-pressed={!!paused}
            data-testid="history-pause"
            onClick={() => void act(() => gql(SET_PAUSED, { paused: !paused }))}
          >
            {paused ? 'Resume history' : 'Pause history'}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            disabled={busy || entries.length === 0}
            data-testid="history-clear"
            onClick={() => {
              if (window.confirm('Clear your whole watch history?')) void act(() => gql(CLEAR));
            }}
          >
            Clear all
          </button>
        </div>
      </div>
      {paused && (
        <p className="muted" data-testid="history-paused">
          History is paused: what you watch is not recorded.
        </p>
      )}
      {error && (
        <div className="alert alert--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!loaded && !error ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 && !error ? (
        <p className="muted" data-testid="history-empty">
          Videos you watch show up here.
        </p>
      ) : (
        <ul className="grid grid--row" data-testid="history-grid">
          {entries.map((e) => (
            <VideoCard
              key={e.video.id}
              video={e.video}
              footer={
                <button
                  type="button"
                  className="btn btn--ghost btn--small card__remove"
                  disabled={busy}
                  data-testid="history-remove"
                  onClick={() => void act(() => gql(REMOVE, { videoId: e.video.id }))}
                >
                  Remove from history
                </button>
              }
            />
          ))}
        </ul>
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
