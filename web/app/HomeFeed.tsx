'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { VideoCard } from '@/components/VideoCard';
import { errorMessage, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { VideoCardData } from '@/lib/video-fragments';

const QUERY = graphql(`
  query Home($first: Int, $after: String) {
    videos(first: $first, after: $after) {
      edges {
        cursor
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
`);

type Card = VideoCardData;

export function HomeFeed() {
  const [videos, setVideos] = useState<Card[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const data = await gql(QUERY, { first: 24, after });
      const nodes = data.videos.edges.map((e) => e.node);
      setVideos((prev) => {
        if (!after) return nodes;
        const seen = new Set(prev.map((v) => v.id));
        return [...prev, ...nodes.filter((v) => !seen.has(v.id))];
      });
      setCursor(data.videos.pageInfo.endCursor);
      setHasNext(data.videos.pageInfo.hasNextPage);
      setTotal(data.videos.totalCount);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div aria-busy={loading}>
      {total !== null && total > 0 && (
        <p className="muted" data-testid="video-count">
          {total} video{total === 1 ? '' : 's'}
        </p>
      )}
      {videos.length > 0 && (
        <ul className="grid" data-testid="video-grid">
          {videos.map((v) => (
            <VideoCard key={v.id} video={v} />
          ))}
        </ul>
      )}
      {loading && videos.length === 0 && (
        <ul className="grid" aria-hidden="true">
          {Array.from({ length: 8 }, (_, i) => (
            <li key={i} className="card card--skeleton">
              <div className="card__thumb" />
              <div className="skeleton-line" />
              <div className="skeleton-line skeleton-line--short" />
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="alert alert--error" role="alert" data-testid="home-error">
          <p>Could not load videos. {error}</p>
          <button type="button" className="btn" onClick={() => void load(videos.length ? cursor : null)}>
            Try again
          </button>
        </div>
      )}
      {!loading && !error && videos.length === 0 && (
        <div className="empty" data-testid="empty-state">
          <div className="empty__icon" aria-hidden="true">
            ▶
          </div>
          <h2>No videos yet</h2>
          <p className="muted">Be the first to share something.</p>
          <Link href="/upload" className="btn btn--primary">
            Upload a video
          </Link>
        </div>
      )}
      {hasNext && videos.length > 0 && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading} data-testid="load-more">
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
