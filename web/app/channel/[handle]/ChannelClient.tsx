'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ChannelAvatar } from '@/components/channel/ChannelAvatar';
import { SubscribeButton } from '@/components/channel/SubscribeButton';
import { errorMessage, gql } from '@/lib/api';
import { type ChannelHeader, subscribersLabel } from '@/lib/channels';
import { graphql } from '@/lib/gql';
import { useSession } from '@/lib/session';
import { ChannelAbout } from './ChannelAbout';
import { ChannelPlaylists } from './ChannelPlaylists';
import { ChannelVideos } from './ChannelVideos';
import styles from './channel-page.module.css';

const QUERY = graphql(`
  query ChannelPage($handle: String!) {
    channel(handle: $handle) {
      ...ChannelHeader
    }
  }
`);

type Tab = 'videos' | 'playlists' | 'about';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'videos', label: 'Videos' },
  { key: 'playlists', label: 'Playlists' },
  { key: 'about', label: 'About' },
];

type State = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string } | { kind: 'ok'; channel: ChannelHeader };

export function ChannelClient({ handle }: { handle: string }) {
  const { me } = useSession();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tab, setTab] = useState<Tab>('videos');

  const load = useCallback(async () => {
    try {
      const d = await gql(QUERY, { handle });
      setState(d.channel ? { kind: 'ok', channel: d.channel } : { kind: 'missing' });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) });
    }
  }, [handle]);

  useEffect(() => {
    void load();
  }, [load, me]);

  if (state.kind === 'loading') {
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  }
  if (state.kind === 'missing') {
    return (
      <div className="empty" data-testid="channel-missing">
        <h1>This channel does not exist</h1>
        <p className="muted">There is no channel @{handle}.</p>
        <Link href="/" className="btn">
          Home
        </Link>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div className="alert alert--error" role="alert">
        <p>Could not load the channel. {state.message}</p>
        <button type="button" className="btn" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  const c = state.channel;
  return (
    <article className={styles.channel} data-testid="channel-page">
      <div className={styles.banner} data-testid="channel-banner">
        {c.bannerUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- channel images come from the API origin
          <img src={c.bannerUrl} alt="" />
        )}
      </div>
      <header className={styles.head}>
        <ChannelAvatar name={c.displayName} url={c.avatarUrl} size="large" />
        <div className={styles.names}>
          <h1 className={styles.name} data-testid="channel-name">
            {c.displayName}
          </h1>
          <p className="muted">
            <span data-testid="channel-handle">@{c.handle}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="channel-subscribers">{subscribersLabel(c.subscriberCount)}</span>
            <span aria-hidden="true"> · </span>
            <span>
              {c.videoCount} video{c.videoCount === 1 ? '' : 's'}
            </span>
          </p>
          {c.description && <p className={styles.teaser}>{c.description}</p>}
        </div>
        <div className={styles.actions}>
          {c.viewerIsOwner ? (
            <Link href="/studio/channel" className="btn" data-testid="channel-customize">
              Customize channel
            </Link>
          ) : (
            <SubscribeButton
              handle={c.handle}
              isOwner={c.viewerIsOwner}
              state={{ subscribed: c.viewerIsSubscribed, subscriberCount: c.subscriberCount }}
              onChange={(s) =>
                setState({ kind: 'ok', channel: { ...c, viewerIsSubscribed: s.subscribed, subscriberCount: s.subscriberCount } })
              }
            />
          )}
        </div>
      </header>
      <div role="tablist" aria-label="Channel sections" className={styles.tabs}>
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`panel-${t.key}`}
            className={tab === t.key ? `${styles.tab} ${styles.tabActive}` : styles.tab}
            onClick={() => setTab(t.key)}
            data-testid={`channel-tab-${t.key}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {tab === 'videos' && <ChannelVideos handle={c.handle} isOwner={c.viewerIsOwner} />}
        {tab === 'playlists' && <ChannelPlaylists handle={c.handle} displayName={c.displayName} isOwner={c.viewerIsOwner} />}
        {tab === 'about' && <ChannelAbout channel={c} />}
      </section>
    </article>
  );
}
