/**
 * Views, likes and trending: the shared GraphQL documents (types generated into web/lib/gql) and
 * the words the pages show counts in.
 */
import { formatCount, formatCountOf } from './format';
import { graphql } from './gql';
import type { VideoEngagementFragment, VideoRating } from './gql/graphql';

export type { VideoRating } from './gql/graphql';
export type VideoEngagement = VideoEngagementFragment;

/** What the watch page shows under the player: counts and the caller's own rating. */
export const VIDEO_ENGAGEMENT_FIELDS = graphql(`
  fragment VideoEngagement on Video {
    id
    viewCount
    likeCount
    dislikeCount
    viewerRating
  }
`);

export const RATE_VIDEO = graphql(`
  mutation RateVideo($videoId: ID!, $rating: VideoRating!) {
    rateVideo(videoId: $videoId, rating: $rating) {
      rating
      video {
        ...VideoEngagement
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** "1.2K views" (cards). */
export function viewsLabel(n: number | null | undefined): string {
  return formatCountOf(n ?? 0, 'view');
}

/** "1,234 views" (the watch page: the exact figure). */
export function exactViewsLabel(n: number | null | undefined): string {
  const whole = Math.max(0, Math.floor(n ?? 0));
  return `${whole.toLocaleString('en')} ${whole === 1 ? 'view' : 'views'}`;
}

/** A like or dislike count on its button: "1.2K", nothing for 0. */
export function ratingCountLabel(n: number): string {
  return n > 0 ? formatCount(n) : '';
}

/**
 * The counts after the caller changes their rating from `from` to `to`, as the server will make them
 * (the optimistic update the buttons show before it answers).
 */
export function applyRating<T extends Pick<VideoEngagement, 'likeCount' | 'dislikeCount' | 'viewerRating'>>(v: T, to: VideoRating): T {
  const from = v.viewerRating;
  const likes = v.likeCount - (from === 'LIKE' ? 1 : 0) + (to === 'LIKE' ? 1 : 0);
  const dislikes = v.dislikeCount - (from === 'DISLIKE' ? 1 : 0) + (to === 'DISLIKE' ? 1 : 0);
  return { ...v, likeCount: Math.max(0, likes), dislikeCount: Math.max(0, dislikes), viewerRating: to };
}
