'use client';

import { useCallback, useEffect, useState } from 'react';
import { VideoCard } from '@/components/VideoCard';
import { errorMessage, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { ChannelVideoOrder } from '@/lib/gql/graphql';
import type { VideoCardData } from '@/lib/video-fragments';
import styles from './channel-page.module.css';

const QUERY = graphql(`
  query ChannelVideos($handle: String!, $first: Int, $after: String, $orderBy: ChannelVideoOrder) {
    channel(handle: $handle) {
      id
      videos(first: $first, after: $after, orderBy: $orderBy) {
        edges {
          node {
            ...VideoCard
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

const ORDERS: Array<{ value: ChannelVideoOrder; label: string }> = [
  { value: 'NEWEST', label: 'Newest' },
  { value: 'MOST_VIEWED', label: 'Most viewed' },
  { value: 'OLDEST', label: 'Oldest' },
];

/** The channel's videos, newest, most viewed or oldest first, with "Load more". */
export function ChannelVideos({ handle, isOwner }: { handle: string; isOwner: boolean }) {
  const [order, setOrder] = useState<ChannelVideoOrder>('NEWEST');
  const [videos, setVideos] = useState<VideoCardData[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const d = await gql(QUERY, { handle, first: 24, after, orderBy: order });
        const page = d.channel?.videos;
        const nodes = page?.edges.map((e) => e.node) ?? [];
        setVideos((prev) => {
          if (!after) return nodes;
          const seen = new Set(prev.map((v) => v.id));
          return [...prev, ...nodes.filter((v) => !seen.has(v.id))];
        });
        setCursor(page?.pageInfo.endCursor ?? null);
        setHasNext(page?.pageInfo.hasNextPage ?? false);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [handle, order],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div aria-busy={loading}>
      <div className={styles.sortRow}>
        <label htmlFor="channel-sort" className="muted small">
          Sort by
        </label>
        <select id="channel-sort" value={order} onChange={(e) => setOrder(e.target.value as ChannelVideoOrder)} data-testid="channel-sort">
          {ORDERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {isOwner && <span className="muted small">You see your private, unlisted and unfinished videos too; others see public ones.</span>}
      </div>
      {videos.length > 0 && (
        <ul className="grid" data-testid="channel-videos">
          {videos.map((v) => (
            <VideoCard key={v.id} video={v} />
          ))}
        </ul>
      )}
      {!loading && !error && videos.length === 0 && (
        <div className="empty" data-testid="channel-videos-empty">
          <h2>No videos yet</h2>
          <p className="muted">This channel has not published any videos.</p>
        </div>
      )}
      {error && (
        <div className="alert alert--error" role="alert">
          <p>Could not load videos. {error}</p>
          <button type="button" className="btn" onClick={() => void load(videos.length ? cursor : null)}>
            Try again
          </button>
        </div>
      )}
      {hasNext && videos.length > 0 && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading} data-testid="channel-load-more">
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
