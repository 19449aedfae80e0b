'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { PlaylistCard } from '@/components/library/PlaylistCard';
import { errorMessage, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { ChannelPlaylistsQuery } from '@/lib/gql/graphql';
import styles from './channel-page.module.css';

const QUERY = graphql(`
  query ChannelPlaylists($handle: String!, $first: Int, $after: String) {
    channel(handle: $handle) {
      id
      playlists(first: $first, after: $after) {
        edges {
          node {
            id
            title
            visibility
            itemCount
            thumbnailUrl
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

type Playlist = NonNullable<ChannelPlaylistsQuery['channel']>['playlists']['edges'][number]['node'];

/** The channel's public playlists (newest first, "Load more"), each opening /playlist?list=<id>. */
export function ChannelPlaylists({ handle, displayName, isOwner }: { handle: string; displayName: string; isOwner: boolean }) {
  const [lists, setLists] = useState<Playlist[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const d = await gql(QUERY, { handle, first: 24, after });
        const page = d.channel?.playlists;
        const nodes = page?.edges.map((e) => e.node) ?? [];
        setLists((prev) => {
          if (!after) return nodes;
          const seen = new Set(prev.map((p) => p.id));
          return [...prev, ...nodes.filter((p) => !seen.has(p.id))];
        });
        setCursor(page?.pageInfo.endCursor ?? null);
        setHasNext(page?.pageInfo.hasNextPage ?? false);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [handle],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div aria-busy={loading}>
      {isOwner && (
        <p className={`muted small ${styles.sortRow}`}>
          Only your public playlists show here; manage them all in your <Link href="/library">Library</Link>.
        </p>
      )}
      {lists.length > 0 && (
        <ul className="grid" data-testid="channel-playlists">
          {lists.map((p) => (
            <PlaylistCard key={p.id} playlist={p} />
          ))}
        </ul>
      )}
      {!loading && !error && lists.length === 0 && (
        <div className="empty" data-testid="channel-playlists-empty">
          <h2>No playlists yet</h2>
          <p className="muted">{displayName} has not shared any playlists.</p>
        </div>
      )}
      {error && (
        <div className="alert alert--error" role="alert">
          <p>Could not load playlists. {error}</p>
          <button type="button" className="btn" onClick={() => void load(lists.length ? cursor : null)}>
            Try again
          </button>
        </div>
      )}
      {hasNext && lists.length > 0 && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading} data-testid="channel-playlists-more">
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
