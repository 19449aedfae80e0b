/** How many comments and replies one account may post: per minute and per day. */
export interface CommentLimits {
  perMinute: number;
  perDay: number;
  /** Likes and unlikes per minute (default 60). */
  likesPerMinute?: number;
}

export const DEFAULT_COMMENT_LIMITS: CommentLimits = { perMinute: 10, perDay: 200, likesPerMinute: 60 };

/** Injection token for {@link CommentLimits} (the module provides the defaults; tests give their own). */
export const COMMENT_LIMITS = 'COMMENT_LIMITS';
