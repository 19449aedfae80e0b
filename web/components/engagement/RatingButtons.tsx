'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { applyRating, RATE_VIDEO, ratingCountLabel, type VideoEngagement, type VideoRating } from '@/lib/engagement';
import { useSession } from '@/lib/session';
import styles from './RatingButtons.module.css';

/**
 * Like and dislike, with their counts. A click shows its effect at once (optimistic) and the
 * server's answer replaces it; a failure puts back the last confirmed state and says why. Clicking
 * the pressed button again removes the rating. Signed out, a click asks to sign in instead.
 * The state starts from `video`: give the component a `key` that changes when the page reloads
 * other counts or rating (`ratingButtonsKey`), so it starts again from them.
 */
export function RatingButtons({ video }: { video: VideoEngagement }) {
  const { me } = useSession();
  const pathname = usePathname();
  const [shown, setShown] = useState(video);
  const confirmed = useRef(video);
  const latest = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [askSignIn, setAskSignIn] = useState(false);

  async function rate(target: 'LIKE' | 'DISLIKE') {
    if (!me) {
      setAskSignIn(true);
      return;
    }
    const to: VideoRating = shown.viewerRating === target ? 'NONE' : target;
    const mine = ++latest.current;
    setError(null);
    setShown((s) => applyRating(s, to));
    try {
      const { rateVideo } = await gql(RATE_VIDEO, { videoId: video.id, rating: to });
      if (!rateVideo.video) throw new Error(rateVideo.userErrors[0]?.message ?? 'Your rating could not be saved.');
      confirmed.current = rateVideo.video;
      if (mine === latest.current) setShown(rateVideo.video);
    } catch (e) {
      if (mine === latest.current) {
        setShown(confirmed.current);
        setError(errorMessage(e));
      }
    }
  }

  const liked = shown.viewerRating === 'LIKE';
  const disliked = shown.viewerRating === 'DISLIKE';
  return (
    <div className={styles.wrap}>
      <div className={styles.group} role="group" aria-label="Rate this video">
        <button
          type="button"
          className={`${styles.button} ${liked ? styles.pressed : ''}`}
          aria-pressed={liked}
          aria-label={`Like (${shown.likeCount.toLocaleString('en')})`}
          title={liked ? 'Remove your like' : 'I like this'}
          onClick={() => void rate('LIKE')}
          data-testid="like-button"
          data-count={shown.likeCount}
        >
          <ThumbIcon />
          <span data-testid="like-count">{ratingCountLabel(shown.likeCount) || 'Like'}</span>
        </button>
        <span className={styles.divider} aria-hidden="true" />
        <button
          type="button"
          className={`${styles.button} ${disliked ? styles.pressed : ''}`}
          aria-pressed={disliked}
          aria-label={`Dislike (${shown.dislikeCount.toLocaleString('en')})`}
          title={disliked ? 'Remove your dislike' : 'I dislike this'}
          onClick={() => void rate('DISLIKE')}
          data-testid="dislike-button"
          data-count={shown.dislikeCount}
        >
          <ThumbIcon down />
          <span data-testid="dislike-count">{ratingCountLabel(shown.dislikeCount)}</span>
        </button>
      </div>
      {askSignIn && !me && (
        <p className={styles.note} role="status" data-testid="rating-signin">
          <Link href={`/signin?next=${encodeURIComponent(pathname ?? '/')}`}>Sign in</Link> to like or dislike videos.
        </p>
      )}
      {error && (
        <p className={`${styles.note} ${styles.error}`} role="alert" data-testid="rating-error">
          {error}
        </p>
      )}
    </div>
  );
}

function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      className={down ? styles.down : undefined}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3Z" />
      <path d="M7 10l4-7a2.5 2.5 0 0 1 2.9 2.9L13 10h6a2 2 0 0 1 2 2.3l-1.3 7A2 2 0 0 1 17.7 21H7" />
    </svg>
  );
}

/** A key for `RatingButtons` that changes when the page's copy of the video's counts or rating does. */
export function ratingButtonsKey(v: VideoEngagement): string {
  return `${v.id}:${v.viewerRating}:${v.likeCount}:${v.dislikeCount}`;
}
