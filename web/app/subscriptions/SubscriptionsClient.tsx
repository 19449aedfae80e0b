'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { FollowedChannels, type FollowedChannel } from '@/components/channel/FollowedChannels';
import { SignInPending } from '@/components/SignInPending';
import { VideoCard } from '@/components/VideoCard';
import { errorMessage, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import { useRequireAuth } from '@/lib/useRequireAuth';
import type { VideoCardData } from '@/lib/video-fragments';

const QUERY = graphql(`
  query SubscriptionsPage($first: Int, $after: String, $withChannels: Boolean!) {
    subscriptionFeed(first: $first, after: $after) {
      edges {
        node {
          ...VideoCard
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    mySubscriptions(first: 100) @include(if: $withChannels) {
      totalCount
      edges {
        node {
          id
          handle
          displayName
          avatarUrl
        }
      }
    }
  }
`);

/** /subscriptions: the newest videos of the channels I follow, and those channels. */
export function SubscriptionsClient() {
  const { me, error: sessionError } = useRequireAuth();
  const [videos, setVideos] = useState<VideoCardData[]>([]);
  const [channels, setChannels] = useState<FollowedChannel[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const d = await gql(QUERY, { first: 24, after, withChannels: after === null });
      const nodes = d.subscriptionFeed.edges.map((e) => e.node);
      setVideos((prev) => {
        if (!after) return nodes;
        const seen = new Set(prev.map((v) => v.id));
        return [...prev, ...nodes.filter((v) => !seen.has(v.id))];
      });
      if (d.mySubscriptions) setChannels(d.mySubscriptions.edges.map((e) => e.node));
      setCursor(d.subscriptionFeed.pageInfo.endCursor);
      setHasNext(d.subscriptionFeed.pageInfo.hasNextPage);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (me) void load(null);
  }, [me, load]);

  if (!me) return <SignInPending me={me} error={sessionError} />;

  return (
    <section aria-labelledby="subs-title" aria-busy={loading}>
      <h1 id="subs-title" className="page-title">
        Subscriptions
      </h1>
      {channels && channels.length > 0 && (
        <>
          <h2 className="section-title">Channels you follow</h2>
          <FollowedChannels channels={channels} />
          <h2 className="section-title">Latest</h2>
        </>
      )}
      {videos.length > 0 && (
        <ul className="grid" data-testid="subscription-feed">
          {videos.map((v) => (
            <VideoCard key={v.id} video={v} />
          ))}
        </ul>
      )}
      {!loading && !error && videos.length === 0 && (
        <div className="empty" data-testid="subscriptions-empty">
          <div className="empty__icon" aria-hidden="true">
            ★
          </div>
          <h2>{channels && channels.length > 0 ? 'No new videos' : 'You follow no channels yet'}</h2>
          <p className="muted">
            {channels && channels.length > 0
              ? 'The channels you follow have not published anything yet.'
              : 'Subscribe to a channel from its page or a video, and its new videos show up here.'}
          </p>
          <Link href="/" className="btn">
            Browse videos
          </Link>
        </div>
      )}
      {error && (
        <div className="alert alert--error" role="alert">
          <p>Could not load your subscriptions. {error}</p>
          <button type="button" className="btn" onClick={() => void load(videos.length ? cursor : null)}>
            Try again
          </button>
        </div>
      )}
      {hasNext && videos.length > 0 && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading} data-testid="subscriptions-load-more">
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
