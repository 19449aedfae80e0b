'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { useSession } from '@/lib/session';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentThread';
import { ADD_COMMENT, VIDEO_COMMENTS, type CommentNode, type CommentOrder } from './comment-documents';
import styles from './comments.module.css';

const PAGE = 20;

/** The comments under the player: count, sort, a box to add one (signed in), threads with replies, "Load more". */
export function CommentsSection({ videoId }: { videoId: string }) {
  const { me } = useSession();
  const [order, setOrder] = useState<CommentOrder>('NEWEST');
  const [threads, setThreads] = useState<CommentNode[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const data = await gql(VIDEO_COMMENTS, { id: videoId, first: PAGE, after, orderBy: order });
        const video = data.video;
        if (!video) {
          setThreads([]);
          setCount(null);
          setNext(null);
          return;
        }
        const nodes = video.comments.edges.map((e) => e.node);
        setThreads((prev) => (after ? [...prev, ...nodes.filter((n) => !prev.some((p) => p.id === n.id))] : nodes));
        setCount(video.commentCount);
        setNext(video.comments.pageInfo.hasNextPage ? (video.comments.pageInfo.endCursor ?? null) : null);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [videoId, order],
  );

  // First page again when the video, the order or the signed-in account changes.
  useEffect(() => {
    if (me !== undefined) void load(null);
  }, [load, me]);

  async function addComment(body: string): Promise<string | null> {
    try {
      const r = (await gql(ADD_COMMENT, { videoId, body })).addComment;
      if (r.userErrors.length || !r.comment) return r.userErrors[0]?.message ?? 'Could not post the comment.';
      const added = r.comment;
      setThreads((prev) => [added, ...prev]);
      setCount((n) => (n ?? 0) + 1);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  }

  const changed = (c: CommentNode) => setThreads((prev) => prev.map((t) => (t.id === c.id ? c : t)));
  const removed = (id: string) => setThreads((prev) => prev.filter((t) => t.id !== id));
  const countChange = (delta: number) => setCount((n) => Math.max(0, (n ?? 0) + delta));

  return (
    <section className={styles.section} aria-labelledby="comments-heading" data-testid="comments-section">
      <div className={styles.header}>
        <h2 id="comments-heading" className={styles.title}>
          <span data-testid="comments-count">
            {count == null ? 'Comments' : `${count.toLocaleString('en-US')} ${count === 1 ? 'comment' : 'comments'}`}
          </span>
        </h2>
        <div className={styles.sort} role="group" aria-label="Sort comments">
          {(['TOP', 'NEWEST'] as const).map((o) => (
            <button
              key={o}
              type="button"
              className={`${styles.sortButton}${order === o ? ` ${styles.sortActive}` : ''}`}
              aria-pressed={order === o}
              onClick={() => setOrder(o)}
              data-testid={`comments-sort-${o.toLowerCase()}`}
            >
              {o === 'TOP' ? 'Top' : 'Newest'}
            </button>
          ))}
        </div>
      </div>

      {me ? (
        <div className={styles.addRow}>
          <span className={`avatar ${styles.avatar}`} aria-hidden="true">
            {me.displayName.slice(0, 1).toUpperCase()}
          </span>
          <CommentComposer label="Add a comment" placeholder="Add a comment…" submitLabel="Comment" onSubmit={addComment} />
        </div>
      ) : me === null ? (
        <p className={styles.signin}>
          <Link href={`/signin?next=${encodeURIComponent(`/watch/${videoId}`)}`} data-testid="comments-signin">
            Sign in
          </Link>{' '}
          to comment.
        </p>
      ) : null}

      {error && (
        <div className={styles.error} role="alert">
          Could not load the comments. {error}{' '}
          <button type="button" className={styles.linkButton} onClick={() => void load(null)}>
            Try again
          </button>
        </div>
      )}

      <ul className={styles.list} data-testid="comments-list">
        {threads.map((c) => (
          <CommentThread key={c.id} comment={c} signedIn={!!me} onChanged={changed} onRemoved={removed} onCountChange={countChange} />
        ))}
      </ul>
      {!loading && !error && threads.length === 0 && <p className="muted small">No comments yet.{me ? ' Be the first.' : ''}</p>}
      {loading && threads.length === 0 && <p className="muted small">Loading comments…</p>}
      {next && (
        <button
          type="button"
          className="btn btn--small"
          disabled={loading}
          onClick={() => void load(next)}
          data-testid="comments-load-more"
        >
          {loading ? 'Loading…' : 'Load more comments'}
        </button>
      )}
    </section>
  );
}
