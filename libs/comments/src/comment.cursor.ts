import { GraphQLError } from 'graphql';
import { decodeKeyset, encodeKeyset } from '@wetube/platform';
import type { CommentPosition, CommentRecord, CommentSort } from './comments.repository';

/** Which list a cursor belongs to: a video's threads (NEWEST or TOP) or a thread's replies. */
export type CommentListKind = CommentSort | 'REPLIES';

const TAG: Record<CommentListKind, string> = { NEWEST: 'n', TOP: 't', REPLIES: 'r' };

/** An opaque Relay cursor after `c` in the list `kind`. */
export function commentCursor(c: Pick<CommentRecord, 'likeCount' | 'replyCount' | 'createdAt' | 'id'>, kind: CommentListKind): string {
  return kind === 'TOP'
    ? encodeKeyset([TAG.TOP, c.likeCount, c.replyCount, c.createdAt, c.id])
    : encodeKeyset([TAG[kind], c.createdAt, c.id]);
}

function badCursor(): never {
  throw new GraphQLError('"after" is not a cursor of this list.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The position a cursor of list `kind` names; BAD_USER_INPUT for anything else (another list's cursor included). */
export function commentPosition(after: string | null | undefined, kind: CommentListKind): CommentPosition | null {
  if (after == null) return null;
  const top = kind === 'TOP';
  const v = decodeKeyset(after, top ? 5 : 3);
  if (!v || v[0] !== TAG[kind]) badCursor();
  const [likeCount, replyCount, iso, id] = top ? v.slice(1) : [0, 0, ...v.slice(1)];
  if (typeof iso !== 'string' || typeof id !== 'string' || id.length > 64) badCursor();
  if (!isCount(likeCount) || !isCount(replyCount)) badCursor();
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime())) badCursor();
  return { createdAt, id, ...(top ? { likeCount, replyCount } : {}) };
}
