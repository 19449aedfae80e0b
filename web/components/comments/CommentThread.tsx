'use client';

import { useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import { COMMENT_REPLIES, REPLY_TO_COMMENT, type CommentNode } from './comment-documents';
import styles from './comments.module.css';

const REPLIES_PAGE = 10;

interface Props {
  comment: CommentNode;
  signedIn: boolean;
  onChanged: (c: CommentNode) => void;
  /** The thread is gone from the list (deleted without replies, or its last reply went). */
  onRemoved: (id: string) => void;
  /** The public count moved (a reply added or deleted, a comment hidden). */
  onCountChange: (delta: number) => void;
}

/** A top-level comment and its replies (collapsed until asked for; oldest first; "Show more replies"). */
export function CommentThread({ comment, signedIn, onChanged, onRemoved, onCountChange }: Props) {
  const [replies, setReplies] = useState<CommentNode[] | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replyingTo, setReplyingTo] = useState<CommentNode | null>(null);
  const count = comment.replyCount;

  async function loadReplies(after: string | null): Promise<void> {
    setLoading(true);
    setError(null);
    try {
      const data = await gql(COMMENT_REPLIES, { id: comment.id, first: REPLIES_PAGE, after });
      const page = data.comment?.replies;
      const nodes = page?.edges.map((e) => e.node) ?? [];
      setReplies((prev) => (after && prev ? [...prev, ...nodes.filter((n) => !prev.some((p) => p.id === n.id))] : nodes));
      setNext(page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  function toggle() {
    if (!expanded && replies === null) void loadReplies(null);
    setExpanded((x) => !x);
  }

  async function sendReply(body: string): Promise<string | null> {
    if (!replyingTo) return null;
    try {
      const r = (await gql(REPLY_TO_COMMENT, { commentId: replyingTo.id, body })).replyToComment;
      if (r.userErrors.length || !r.comment) return r.userErrors[0]?.message ?? 'Could not post the reply.';
      const added = r.comment;
      setReplyingTo(null);
      onChanged({ ...comment, replyCount: comment.replyCount + 1 });
      onCountChange(1);
      if (replies === null) await loadReplies(null);
      else setReplies((prev) => [...(prev ?? []), added]);
      setExpanded(true);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  }

  function replyChanged(updated: CommentNode, before: CommentNode) {
    setReplies((prev) => prev?.map((r) => (r.id === updated.id ? updated : r)) ?? prev);
    if (updated.hidden !== before.hidden) onCountChange(updated.hidden ? -1 : 1);
  }

  function replyDeleted(id: string) {
    const gone = replies?.find((r) => r.id === id);
    setReplies((prev) => prev?.filter((r) => r.id !== id) ?? prev);
    if (gone && !gone.hidden) onCountChange(-1);
    const left = comment.replyCount - 1;
    if (comment.deleted && left <= 0) onRemoved(comment.id);
    else onChanged({ ...comment, replyCount: Math.max(0, left) });
  }

  function topDeleted(id: string) {
    if (!comment.hidden) onCountChange(-1);
    if (comment.replyCount > 0) {
      onChanged({
        ...comment,
        deleted: true,
        body: '[deleted]',
        author: null,
        edited: false,
        viewerIsAuthor: false,
        viewerCanEdit: false,
        viewerCanDelete: false,
        viewerCanHide: false,
      });
    } else onRemoved(id);
  }

  function topChanged(updated: CommentNode) {
    if (updated.hidden !== comment.hidden) onCountChange(updated.hidden ? -1 : 1);
    onChanged(updated);
  }

  return (
    <li className={styles.thread} data-testid="comment-thread">
      <CommentItem
        comment={comment}
        signedIn={signedIn}
        onReply={() => setReplyingTo(comment)}
        onChanged={topChanged}
        onDeleted={topDeleted}
      />
      <div className={styles.replies}>
        {count > 0 && (
          <button type="button" className={styles.repliesToggle} onClick={toggle} aria-expanded={expanded} data-testid="replies-toggle">
            {expanded ? '▾ Hide replies' : `▸ ${count} ${count === 1 ? 'reply' : 'replies'}`}
          </button>
        )}
        {expanded && replies && (
          <ul className={styles.replyList} data-testid="replies">
            {replies.map((r) => (
              <li key={r.id}>
                <CommentItem
                  comment={r}
                  signedIn={signedIn}
                  onReply={() => setReplyingTo(r)}
                  onChanged={(u) => replyChanged(u, r)}
                  onDeleted={replyDeleted}
                />
              </li>
            ))}
          </ul>
        )}
        {expanded && next && (
          <button
            type="button"
            className={styles.linkButton}
            disabled={loading}
            onClick={() => void loadReplies(next)}
            data-testid="replies-more"
          >
            {loading ? 'Loading…' : 'Show more replies'}
          </button>
        )}
        {loading && !replies && <p className="muted small">Loading replies…</p>}
        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
        {replyingTo && (
          <CommentComposer
            label="Write a reply"
            placeholder={replyingTo.author ? `Reply to ${replyingTo.author.displayName}…` : 'Write a reply…'}
            submitLabel="Reply"
            autoFocus
            onSubmit={sendReply}
            onCancel={() => setReplyingTo(null)}
          />
        )}
      </div>
    </li>
  );
}
