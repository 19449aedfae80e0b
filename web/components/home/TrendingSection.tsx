'use client';

import { useEffect, useState } from 'react';
import { VideoCard } from '@/components/VideoCard';
import { gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { VideoCardData } from '@/lib/video-fragments';
import styles from './TrendingSection.module.css';

const TRENDING = graphql(`
  query Trending($first: Int) {
    trending(first: $first) {
      ...VideoCard
    }
  }
`);

/**
 * The home page's "Trending" row: public videos by their views in the last 48 hours. Shows nothing
 * while loading, when nothing has views yet, or when the api cannot answer (the feed below still
 * works): a home page never waits on it.
 */
export function TrendingSection({ first = 8 }: { first?: number }) {
  const [videos, setVideos] = useState<VideoCardData[]>([]);

  useEffect(() => {
    let live = true;
    gql(TRENDING, { first })
      .then((data) => live && setVideos(data.trending))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [first]);

  if (videos.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="trending-title" data-testid="trending">
      <h2 id="trending-title" className="section-title">
        Trending
      </h2>
      <ul className={`grid ${styles.grid}`}>
        {videos.map((v) => (
          <VideoCard key={v.id} video={v} />
        ))}
      </ul>
    </section>
  );
}
