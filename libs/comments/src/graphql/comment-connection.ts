import type { CommentPage } from '../comments.service';
import { commentCursor, type CommentListKind } from '../comment.cursor';
import { CommentConnection, CommentType } from './comment.types';

/** A page of comments as a Relay connection (cursors of the list `kind`). */
export function commentConnection(page: CommentPage, kind: CommentListKind): CommentConnection {
  const edges = page.items.map((c) => ({ cursor: commentCursor(c, kind), node: CommentType.from(c) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
