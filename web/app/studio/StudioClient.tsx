'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { SignInPending } from '@/components/SignInPending';
import { useRequireAuth } from '@/lib/useRequireAuth';
import { graphql } from '@/lib/gql';
import type { StudioVideo } from './studio-video';
import { StatusChart } from './StatusChart';
import { StudioEarnings } from './StudioEarnings';
import { StudioVideoRow } from './StudioVideoRow';

const QUERY = graphql(`
  query Studio($first: Int, $after: String) {
    myVideos(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...StudioVideo
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

export function StudioClient() {
  const { me, error: sessionError } = useRequireAuth();
  const [videos, setVideos] = useState<StudioVideo[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const data = await gql(QUERY, { first: 50, after });
      const nodes = data.myVideos.edges.map((e) => e.node);
      setVideos((prev) => {
        if (!after || !prev) return nodes;
        const seen = new Set(prev.map((v) => v.id));
        return [...prev, ...nodes.filter((v) => !seen.has(v.id))];
      });
      setCursor(data.myVideos.pageInfo.endCursor);
      setHasNext(data.myVideos.pageInfo.hasNextPage);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (me) void load(null);
  }, [me, load]);

  const onChange = useCallback((v: Partial<StudioVideo> & { id: string }) => {
    setVideos((prev) => prev?.map((p) => (p.id === v.id ? { ...p, ...v } : p)) ?? prev);
  }, []);
  const onDeleted = useCallback((id: string) => {
    setVideos((prev) => prev?.filter((p) => p.id !== id) ?? prev);
  }, []);

  if (!me) return <SignInPending me={me} error={sessionError} />;

  return (
    <section aria-labelledby="studio-title" className="studio">
      <div className="studio__head">
        <div>
          <h1 id="studio-title" className="page-title">
            Studio
          </h1>
          <p className="muted">Manage the videos of {me.displayName}.</p>
        </div>
        <div className="row">
          <Link href="/studio/channel" className="btn" data-testid="studio-channel-link">
            Channel
          </Link>
          <Link href="/upload" className="btn btn--primary">
            Upload a video
          </Link>
        </div>
      </div>

      <StudioEarnings />

      {error && (
        <div className="alert alert--error" role="alert" data-testid="studio-error">
          <p>Could not load your videos. {error}</p>
          <button type="button" className="btn" onClick={() => void load(null)}>
            Try again
          </button>
        </div>
      )}

      {videos === null && !error && (
        <p className="muted" aria-busy="true">
          Loading your videos…
        </p>
      )}

      {videos && videos.length === 0 && (
        <div className="empty" data-testid="empty-state">
          <div className="empty__icon" aria-hidden="true">
            ⇪
          </div>
          <h2>No videos yet</h2>
          <p className="muted">Upload your first video and it will show up here.</p>
          <Link href="/upload" className="btn btn--primary">
            Upload a video
          </Link>
        </div>
      )}

      {videos && videos.length > 0 && (
        <>
          <StatusChart videos={videos} />
          <ul className="studio__list" data-testid="studio-list">
            {videos.map((v) => (
              <StudioVideoRow key={v.id} video={v} onChange={onChange} onDeleted={onDeleted} />
            ))}
          </ul>
          {hasNext && (
            <div className="center">
              <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading}>
                {loading ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
