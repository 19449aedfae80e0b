'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { gql } from '@/lib/api';
import { channelPath, subscribersLabel } from '@/lib/channels';
import { graphql } from '@/lib/gql';
import type { WatchChannelQuery } from '@/lib/gql/graphql';
import { useSession } from '@/lib/session';
import { ChannelAvatar } from './ChannelAvatar';
import { SubscribeButton } from './SubscribeButton';
import styles from './channel.module.css';

const QUERY = graphql(`
  query WatchChannel($id: ID!) {
    video(id: $id) {
      id
      channel {
        id
        handle
        displayName
        avatarSmallUrl
        subscriberCount
        viewerIsSubscribed
        viewerIsOwner
      }
    }
  }
`);

type Channel = NonNullable<NonNullable<WatchChannelQuery['video']>['channel']>;

/** The watch page's uploader line: avatar and name linking to /@handle, subscriber count, Subscribe. */
export function WatchChannelByline({ videoId, fallbackName }: { videoId: string; fallbackName: string }) {
  const { me } = useSession();
  const [channel, setChannel] = useState<Channel | null>(null);

  useEffect(() => {
    let live = true;
    gql(QUERY, { id: videoId })
      .then((d) => live && setChannel(d.video?.channel ?? null))
      .catch(() => live && setChannel(null));
    return () => {
      live = false;
    };
  }, [videoId, me]);

  if (!channel) {
    return (
      <span className={styles.byline}>
        <ChannelAvatar name={fallbackName} url={null} size="medium" />
        <span data-testid="video-owner" className="watch__owner">
          {fallbackName}
        </span>
      </span>
    );
  }
  return (
    <span className={styles.byline}>
      <Link href={channelPath(channel.handle)} className={styles.bylineLink} data-testid="video-channel-link">
        <ChannelAvatar name={channel.displayName} url={channel.avatarSmallUrl} size="medium" />
        <span className={styles.bylineText}>
          <span data-testid="video-owner" className="watch__owner">
            {channel.displayName}
          </span>
          <span className="muted small" data-testid="video-subscribers">
            {subscribersLabel(channel.subscriberCount)}
          </span>
        </span>
      </Link>
      <SubscribeButton
        handle={channel.handle}
        isOwner={channel.viewerIsOwner}
        state={{ subscribed: channel.viewerIsSubscribed, subscriberCount: channel.subscriberCount }}
        onChange={(s) => setChannel({ ...channel, viewerIsSubscribed: s.subscribed, subscriberCount: s.subscriberCount })}
      />
    </span>
  );
}
