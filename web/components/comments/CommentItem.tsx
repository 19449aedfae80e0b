'use client';

import Link from 'next/link';
import { useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { channelPath } from '@/lib/channels';
import { formatDateTime, relativeDate } from '@/lib/format';
import { CommentComposer } from './CommentComposer';
import { CommentText } from './CommentText';
import { DELETE_COMMENT, EDIT_COMMENT, SET_COMMENT_HIDDEN, SET_COMMENT_LIKED, type CommentNode } from './comment-documents';
import styles from './comments.module.css';

interface Props {
  comment: CommentNode;
  signedIn: boolean;
  onReply?: () => void;
  onChanged: (c: CommentNode) => void;
  onDeleted: (id: string) => void;
}

/** One comment: author, time, text (as text), and what the viewer may do with it. */
export function CommentItem({ comment: c, signedIn, onReply, onChanged, onDeleted }: Props) {
  const [editing, setEditing] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = c.author?.displayName ?? (c.deleted ? '' : 'Unknown');
  const handle = c.deleted ? null : (c.author?.handle ?? null);
  const avatarUrl = c.deleted ? null : (c.author?.avatarUrl ?? null);
  const hasMenu = c.viewerCanEdit || c.viewerCanDelete || c.viewerCanHide;

  async function run(work: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    try {
      const problem = await work();
      if (problem) setError(problem);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setMenuOpen(false);
    }
  }

  const remove = () =>
    run(async () => {
      const r = (await gql(DELETE_COMMENT, { id: c.id })).deleteComment;
      if (r.userErrors.length) return r.userErrors[0].message;
      setConfirmDelete(false);
      onDeleted(c.id);
      return null;
    });

  const setHidden = (hidden: boolean) =>
    run(async () => {
      const r = (await gql(SET_COMMENT_HIDDEN, { id: c.id, hidden })).setCommentHidden;
      if (r.userErrors.length || !r.comment) return r.userErrors[0]?.message ?? 'Could not change the comment.';
      onChanged(r.comment);
      return null;
    });

  const toggleLike = () =>
    run(async () => {
      const r = (await gql(SET_COMMENT_LIKED, { id: c.id, liked: !c.viewerHasLiked })).setCommentLiked;
      if (r.userErrors.length || !r.comment) return r.userErrors[0]?.message ?? 'Could not like the comment.';
      // Keep what the thread knows (replies it loaded); take the like from the server.
      onChanged({ ...c, likeCount: r.comment.likeCount, viewerHasLiked: r.comment.viewerHasLiked });
      return null;
    });

  async function saveEdit(body: string): Promise<string | null> {
    try {
      const r = (await gql(EDIT_COMMENT, { id: c.id, body })).editComment;
      if (r.userErrors.length || !r.comment) return r.userErrors[0]?.message ?? 'Could not save the comment.';
      setEditing(false);
      onChanged(r.comment);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  }

  return (
    <div className={`${styles.item}${c.hidden ? ` ${styles.hidden}` : ''}`} data-testid="comment" data-comment-id={c.id}>
      {handle ? (
        // The picture repeats the name's link: one tab stop, nothing new for screen readers.
        <Link href={channelPath(handle)} className={styles.avatarLink} tabIndex={-1} aria-hidden="true">
          <CommentAvatar name={name} url={avatarUrl} />
        </Link>
      ) : (
        <CommentAvatar name={c.deleted ? '–' : name} url={avatarUrl} />
      )}
      <div className={styles.main}>
        <div className={styles.head}>
          {!c.deleted && (
            <span className={`${styles.author}${c.authorIsVideoOwner ? ` ${styles.ownerBadge}` : ''}`} data-testid="comment-author">
              {handle ? (
                <Link href={channelPath(handle)} className={styles.authorLink} data-testid="comment-author-link">
                  {name}
                </Link>
              ) : (
                name
              )}
            </span>
          )}
          <time className={styles.time} dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
            {relativeDate(c.createdAt)}
          </time>
          {c.edited && (
            <span
              className={styles.time}
              title={c.editedAt ? `Edited ${formatDateTime(c.editedAt)}` : undefined}
              data-testid="comment-edited"
            >
              (edited)
            </span>
          )}
          {c.hidden && (
            <span className={styles.flag} data-testid="comment-hidden">
              Hidden · only you{c.viewerCanHide ? ' and its author' : " and the video's owner"} can see it
            </span>
          )}
          {hasMenu && !editing && (
            <div className={styles.menuWrap}>
              <button
                type="button"
                className={styles.menuButton}
                aria-label="Comment actions"
                aria-haspopup="menu"
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen((o) => !o)}
                data-testid="comment-menu"
              >
                ⋮
              </button>
              {menuOpen && (
                <div className={styles.menu} role="menu">
                  {c.viewerCanEdit && (
                    <button
                      type="button"
                      role="menuitem"
                      onClick={() => {
                        setEditing(true);
                        setMenuOpen(false);
                      }}
                      data-testid="comment-edit"
                    >
                      Edit
                    </button>
                  )}
                  {c.viewerCanHide && (
                    <button type="button" role="menuitem" onClick={() => void setHidden(!c.hidden)} data-testid="comment-hide">
                      {c.hidden ? 'Show to everyone' : 'Hide from others'}
                    </button>
                  )}
                  {c.viewerCanDelete && (
                    <button
                      type="button"
                      role="menuitem"
                      onClick={() => {
                        setConfirmDelete(true);
                        setMenuOpen(false);
                      }}
                      data-testid="comment-delete"
                    >
                      Delete
                    </button>
                  )}
                </div>
              )}
            </div>
          )}
        </div>
        {editing ? (
          <CommentComposer
            label="Edit your comment"
            placeholder="Edit your comment"
            submitLabel="Save"
            initial={c.body}
            autoFocus
            clearOnSuccess={false}
            onSubmit={saveEdit}
            onCancel={() => setEditing(false)}
          />
        ) : c.deleted ? (
          <p className={`${styles.body} ${styles.deleted}`} data-testid="comment-body">
            [deleted]
          </p>
        ) : (
          <CommentText text={c.body} className={styles.body} />
        )}
        {confirmDelete && (
          <div className={styles.confirm} role="alertdialog" aria-label="Delete this comment?">
            <span>Delete this comment{c.replyCount > 0 ? ' (its replies stay)' : ''}?</span>
            <button
              type="button"
              className="btn btn--danger btn--small"
              disabled={busy}
              onClick={() => void remove()}
              data-testid="comment-delete-confirm"
            >
              Delete
            </button>
            <button type="button" className="btn btn--ghost btn--small" disabled={busy} onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </div>
        )}
        {error && (
          <p className={styles.error} role="alert" data-testid="comment-action-error">
            {error}
          </p>
        )}
        {!c.deleted && !editing && (
          <div className={styles.actions}>
            <button
              type="button"
              className={`${styles.likeButton}${c.viewerHasLiked ? ` ${styles.liked}` : ''}`}
              aria-pressed={c.viewerHasLiked}
              aria-label={c.viewerHasLiked ? 'Unlike' : 'Like'}
              title={signedIn ? undefined : 'Sign in to like comments'}
              disabled={!signedIn || busy}
              onClick={() => void toggleLike()}
              data-testid="comment-like"
            >
              <ThumbIcon filled={c.viewerHasLiked} />
              <span data-testid="comment-like-count">{c.likeCount > 0 ? c.likeCount.toLocaleString('en-US') : ''}</span>
            </button>
            {onReply && signedIn && (
              <button type="button" className={styles.linkButton} onClick={onReply} data-testid="comment-reply">
                Reply
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** A thumbs-up, outlined or filled, in the text colour (inline SVG: no emoji font needed). */
function ThumbIcon({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M2 10h4v11H2zM8 21h9.2a2 2 0 0 0 1.96-1.6l1.6-8A2 2 0 0 0 18.8 9H14V5a2.5 2.5 0 0 0-2.5-2.5L8 10v11z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The author's round picture (their channel's avatar), or the first letter of their name. */
function CommentAvatar({ name, url }: { name: string; url: string | null }) {
  if (url) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- channel images come from the API origin
      <img className={`avatar ${styles.avatar}`} src={url} alt="" width={30} height={30} loading="lazy" data-testid="comment-avatar" />
    );
  }
  return (
    <span className={`avatar ${styles.avatar}`} aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
