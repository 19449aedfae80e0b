import { registerEnumType } from '@nestjs/graphql';

/** An account's rating of a video; NONE: no rating (removes one). */
export enum VideoRating {
  LIKE = 'LIKE',
  DISLIKE = 'DISLIKE',
  NONE = 'NONE',
}

registerEnumType(VideoRating, {
  name: 'VideoRating',
  description: "An account's rating of a video: LIKE, DISLIKE, or NONE (no rating)",
});

/** What a rating adds to the like and dislike counters. */
export function ratingCounts(r: VideoRating): { likes: number; dislikes: number } {
  return { likes: r === VideoRating.LIKE ? 1 : 0, dislikes: r === VideoRating.DISLIKE ? 1 : 0 };
}
