/**
 * Channel documents shared by the channel page, the watch page's byline, /subscriptions and the
 * studio (types generated into web/lib/gql: `ChannelHeaderFragment`, …).
 */
import { sendPicture } from './pictures';
import { graphql } from './gql';
import type { ChannelHeaderFragment } from './gql/graphql';

export type ChannelHeader = ChannelHeaderFragment;

export const CHANNEL_HEADER_FIELDS = graphql(`
  fragment ChannelHeader on Channel {
    id
    handle
    displayName
    description
    links {
      title
      url
    }
    avatarUrl
    avatarSmallUrl
    bannerUrl
    createdAt
    viewerIsOwner
    viewerIsSubscribed
    subscriberCount
    videoCount
  }
`);

export const SUBSCRIBE = graphql(`
  mutation Subscribe($handle: String!) {
    subscribe(handle: $handle) {
      subscribed
      channel {
        id
        subscriberCount
        viewerIsSubscribed
      }
      userErrors {
        message
        code
      }
    }
  }
`);

export const UNSUBSCRIBE = graphql(`
  mutation Unsubscribe($handle: String!) {
    unsubscribe(handle: $handle) {
      subscribed
      channel {
        id
        subscriberCount
        viewerIsSubscribed
      }
      userErrors {
        message
        code
      }
    }
  }
`);

/** "1 subscriber", "1,234 subscribers". */
export function subscribersLabel(n: number): string {
  return `${n.toLocaleString('en-US')} subscriber${n === 1 ? '' : 's'}`;
}

export function channelPath(handle: string): string {
  return `/@${handle}`;
}

/** Uploads a channel avatar or banner; resolves to its new URLs (`avatarUrl`, `avatarSmallUrl` or `bannerUrl`). */
export function uploadChannelImage(
  kind: 'avatar' | 'banner',
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<Record<string, string | null>> {
  return sendPicture(`/api/channels/me/${kind}`, file, onProgress);
}
