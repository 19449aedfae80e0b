/**
 * Channel documents shared by the channel page, the watch page's byline, /subscriptions and the
 * studio (types generated into web/lib/gql: `ChannelHeaderFragment`, …).
 */
import { getApiUrl } from './api';
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

/**
 * Uploads a channel image (the file's bytes as the body, the cookie for auth) with progress; the
 * server checks the bytes (413 too big, 415 not a picture, 400 too small) and answers the new URLs.
 */
export function uploadChannelImage(
  kind: 'avatar' | 'banner',
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<Record<string, string | null>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${getApiUrl()}/api/channels/me/${kind}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { message?: string | string[] } & Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Record<string, string | null>);
      else {
        const msg = Array.isArray(body.message) ? body.message[0] : body.message;
        reject(new Error(msg || `Upload failed (HTTP ${xhr.status}).`));
      }
    };
    xhr.onerror = () => reject(new Error('Cannot reach the WeTube API right now. Please try again in a moment.'));
    xhr.send(file);
  });
}
