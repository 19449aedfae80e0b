'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { VideoCard } from '@/components/VideoCard';
import { gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import { useSession } from '@/lib/session';
import type { VideoCardData } from '@/lib/video-fragments';
import styles from '../channel/channel.module.css';

const QUERY = graphql(`
  query HomeSubscriptions {
    subscriptionFeed(first: 8) {
      edges {
        node {
          ...VideoCard
        }
      }
    }
  }
`);

/** Home's "Subscriptions" row: signed in and following channels with videos; nothing otherwise. */
export function SubscriptionsShelf() {
  const { me } = useSession();
  const [videos, setVideos] = useState<VideoCardData[]>([]);

  useEffect(() => {
    if (!me) return;
    let live = true;
    gql(QUERY)
      .then((d) => live && setVideos(d.subscriptionFeed.edges.map((e) => e.node)))
      .catch(() => live && setVideos([]));
    return () => {
      live = false;
    };
  }, [me]);

  if (!me || videos.length === 0) return null;
  return (
    <section aria-labelledby="home-subs-title" className={styles.shelf} data-testid="home-subscriptions">
      <div className={styles.shelfHead}>
        <h2 id="home-subs-title" className="section-title">
          Subscriptions
        </h2>
        <Link href="/subscriptions">See all</Link>
      </div>
      <ul className="grid">
        {videos.map((v) => (
          <VideoCard key={v.id} video={v} />
        ))}
      </ul>
    </section>
  );
}
