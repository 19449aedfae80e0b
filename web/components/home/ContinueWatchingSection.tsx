'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { VideoCard } from '@/components/VideoCard';
import { gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { ContinueWatchingQuery } from '@/lib/gql/graphql';
import { useSession } from '@/lib/session';
import '@/components/library/library.css';

const CONTINUE_WATCHING = graphql(`
  query ContinueWatching($first: Int) {
    continueWatching(first: $first) {
      video {
        ...VideoCard
      }
    }
  }
`);

type Entry = ContinueWatchingQuery['continueWatching'][number];

/** Home: the signed-in viewer's started, unfinished videos (nothing at all when there are none or nobody is signed in). */
export function ContinueWatchingSection() {
  const { me } = useSession();
  const [entries, setEntries] = useState<Entry[]>([]);

  useEffect(() => {
    if (!me) {
      setEntries([]);
      return;
    }
    let live = true;
    gql(CONTINUE_WATCHING, { first: 8 })
      .then((d) => live && setEntries(d.continueWatching))
      .catch(() => live && setEntries([])); // a section of the home page: the rest of it still shows
    return () => {
      live = false;
    };
  }, [me]);

  if (!me || entries.length === 0) return null;
  return (
    <section className="home-section" aria-labelledby="continue-title" data-testid="continue-watching">
      <div className="lib-section__head">
        <h2 id="continue-title">Continue watching</h2>
        <Link href="/library" className="btn btn--ghost btn--small">
          History
        </Link>
      </div>
      <ul className="grid grid--row">
        {entries.map((e) => (
          <VideoCard key={e.video.id} video={e.video} />
        ))}
      </ul>
    </section>
  );
}
