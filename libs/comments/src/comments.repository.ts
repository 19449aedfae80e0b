import { Injectable } from '@nestjs/common';
import { Database, keysetAfter, Row, toBool, toDate, toDateOrNull } from '@wetube/platform';

/** One stored comment (a top-level one, or a reply: `parentId` is then always a top-level comment). */
export interface CommentRecord {
  id: string;
  videoId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  /** Replies that are not hidden (TOP orders by likes, then this). */
  replyCount: number;
  likeCount: number;
  createdAt: Date;
  editedAt: Date | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
}

/** A listed comment: the record plus how many of its replies this viewer may see, and whether they like it. */
export interface ListedComment extends CommentRecord {
  visibleReplies: number;
  viewerLiked: boolean;
}

/** Who is reading: their id (null when signed out) and whether they moderate the video (its owner or an admin). */
export interface CommentReader {
  viewerId: string | null;
  moderator: boolean;
}

export type CommentSort = 'NEWEST' | 'TOP';

/** Where the previous page ended: the last row's sort keys (`likeCount` and `replyCount` for TOP only). */
export interface CommentPosition {
  likeCount?: number;
  replyCount?: number;
  createdAt: Date;
  id: string;
}

function toCommentRecord(r: Row): CommentRecord {
  return {
    id: String(r.id),
    videoId: String(r.video_id),
    parentId: r.parent_id == null ? null : String(r.parent_id),
    authorId: String(r.author_id),
    body: String(r.body),
    replyCount: Number(r.reply_count),
    likeCount: Number(r.like_count),
    createdAt: toDate(r.created_at),
    editedAt: toDateOrNull(r.edited_at),
    hiddenAt: toDateOrNull(r.hidden_at),
    deletedAt: toDateOrNull(r.deleted_at),
  };
}

function toListed(r: Row): ListedComment {
  return { ...toCommentRecord(r), visibleReplies: Number(r.visible_replies), viewerLiked: toBool(r.viewer_liked) };
}

/** Whether the reader likes the row `alias` (a column of the SELECT list). */
function likedBy(alias: string, reader: CommentReader): { sql: string; params: unknown[] } {
  if (!reader.viewerId) return { sql: '0 AS viewer_liked', params: [] };
  return {
    sql: `CASE WHEN EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = ${alias}.id AND l.user_id = ?) THEN 1 ELSE 0 END AS viewer_liked`,
    params: [reader.viewerId],
  };
}

/** `alias` is visible to `reader`: not hidden, or theirs, or they moderate the video. */
function visibleTo(alias: string, reader: CommentReader): { sql: string; params: unknown[] } {
  if (reader.moderator) return { sql: '1 = 1', params: [] };
  if (!reader.viewerId) return { sql: `${alias}.hidden_at IS NULL`, params: [] };
  return { sql: `(${alias}.hidden_at IS NULL OR ${alias}.author_id = ?)`, params: [reader.viewerId] };
}

/** The comments table: threads of a video, replies of a thread, and the writes the service decides. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly db: Database) {}

  /** Runs `fn` in one transaction (the repository's statements inside join it). */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(() => fn());
  }

  async insert(c: CommentRecord): Promise<void> {
    const t = (d: Date | null) => (d ? this.db.dialect.time(d) : null);
    await this.db.query(
      `INSERT INTO comments (id, video_id, parent_id, author_id, body, reply_count, like_count, created_at, edited_at, hidden_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        c.videoId,
        c.parentId,
        c.authorId,
        c.body,
        c.replyCount,
        c.likeCount,
        t(c.createdAt),
        t(c.editedAt),
        t(c.hiddenAt),
        t(c.deletedAt),
      ],
    );
  }

  async findById(id: string): Promise<CommentRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM comments WHERE id = ?`, [id]);
    return r ? toCommentRecord(r) : null;
  }

  /** The row locked for a write in the current transaction (PostgreSQL; SQLite's transaction holds the write lock). */
  async lock(id: string): Promise<CommentRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM comments WHERE id = ?${this.db.dialect.forUpdate}`, [id]);
    return r ? toCommentRecord(r) : null;
  }

  async updateBody(id: string, body: string, editedAt: Date): Promise<void> {
    await this.db.query(`UPDATE comments SET body = ?, edited_at = ? WHERE id = ?`, [body, this.db.dialect.time(editedAt), id]);
  }

  async setHidden(id: string, hiddenAt: Date | null): Promise<void> {
    await this.db.query(`UPDATE comments SET hidden_at = ? WHERE id = ?`, [hiddenAt ? this.db.dialect.time(hiddenAt) : null, id]);
  }

  /** Keeps a top-level comment as "[deleted]": the text is erased, the replies stay. */
  async markDeleted(id: string, deletedAt: Date): Promise<void> {
    await this.db.query(`UPDATE comments SET body = '', deleted_at = ? WHERE id = ?`, [this.db.dialect.time(deletedAt), id]);
  }

  async remove(id: string): Promise<void> {
    await this.db.query(`DELETE FROM comments WHERE id = ?`, [id]);
  }

  async addToReplyCount(id: string, delta: number): Promise<void> {
    await this.db.query(`UPDATE comments SET reply_count = reply_count + ? WHERE id = ?`, [delta, id]);
  }

  /** `userId` likes (or no longer likes) the comment; answers whether that changed anything (like_count moves with it). */
  async setLike(commentId: string, userId: string, liked: boolean, at: Date): Promise<boolean> {
    const changed = liked
      ? await this.db.query(
          `INSERT INTO comment_likes (comment_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (comment_id, user_id) DO NOTHING RETURNING comment_id`,
          [commentId, userId, this.db.dialect.time(at)],
        )
      : await this.db.query(`DELETE FROM comment_likes WHERE comment_id = ? AND user_id = ? RETURNING comment_id`, [commentId, userId]);
    if (changed.length === 0) return false;
    await this.db.query(`UPDATE comments SET like_count = like_count + ? WHERE id = ?`, [liked ? 1 : -1, commentId]);
    return true;
  }

  async likes(commentId: string, userId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 AS x FROM comment_likes WHERE comment_id = ? AND user_id = ?`, [commentId, userId]);
    return rows.length > 0;
  }

  /** Every reply of a thread, hidden or not. */
  async countAllReplies(parentId: string): Promise<number> {
    const [r] = await this.db.query(`SELECT COUNT(*) AS n FROM comments WHERE parent_id = ?`, [parentId]);
    return Number(r.n);
  }

  /**
   * A video's threads as `reader` sees them: top-level comments visible to them, a deleted one only
   * while it has a reply they may see; `first + 1` rows (the extra one says there is a next page).
   */
  async listThreads(
    videoId: string,
    reader: CommentReader,
    sort: CommentSort,
    first: number,
    after: CommentPosition | null,
  ): Promise<{ rows: ListedComment[]; total: number }> {
    const rv = visibleTo('r', reader);
    const cv = visibleTo('c', reader);
    const where = `c.video_id = ? AND c.parent_id IS NULL AND ${cv.sql}
      AND (c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id AND ${rv.sql}))`;
    const whereParams = [videoId, ...cv.params, ...rv.params];
    const time = after ? this.db.dialect.time(after.createdAt) : null;
    const keyset = !after
      ? null
      : keysetAfter([
          ...(sort === 'TOP'
            ? [
                { column: 'c.like_count', value: after.likeCount ?? 0, order: 'DESC' as const },
                { column: 'c.reply_count', value: after.replyCount ?? 0, order: 'DESC' as const },
              ]
            : []),
          { column: 'c.created_at', value: time, order: 'DESC' },
          { column: 'c.id', value: after.id, order: 'DESC' },
        ]);
    const order = sort === 'TOP' ? 'c.like_count DESC, c.reply_count DESC, c.created_at DESC, c.id DESC' : 'c.created_at DESC, c.id DESC';
    const liked = likedBy('c', reader);
    const rows = await this.db.query(
      `SELECT c.*, (SELECT COUNT(*) FROM comments r WHERE r.parent_id = c.id AND ${rv.sql}) AS visible_replies, ${liked.sql}
       FROM comments c WHERE ${where}${keyset ? ` AND ${keyset.sql}` : ''} ORDER BY ${order} LIMIT ?`,
      [...rv.params, ...liked.params, ...whereParams, ...(keyset?.params ?? []), first + 1],
    );
    const [count] = await this.db.query(`SELECT COUNT(*) AS n FROM comments c WHERE ${where}`, whereParams);
    return { rows: rows.map(toListed), total: Number(count.n) };
  }

  /** A thread's replies visible to `reader`, oldest first; `first + 1` rows. */
  async listReplies(
    parentId: string,
    reader: CommentReader,
    first: number,
    after: CommentPosition | null,
  ): Promise<{ rows: ListedComment[]; total: number }> {
    const cv = visibleTo('c', reader);
    const where = `c.parent_id = ? AND ${cv.sql}`;
    const keyset = !after
      ? null
      : keysetAfter([
          { column: 'c.created_at', value: this.db.dialect.time(after.createdAt), order: 'ASC' },
          { column: 'c.id', value: after.id, order: 'ASC' },
        ]);
    const liked = likedBy('c', reader);
    const rows = await this.db.query(
      `SELECT c.*, 0 AS visible_replies, ${liked.sql} FROM comments c WHERE ${where}${keyset ? ` AND ${keyset.sql}` : ''}
       ORDER BY c.created_at ASC, c.id ASC LIMIT ?`,
      [...liked.params, parentId, ...cv.params, ...(keyset?.params ?? []), first + 1],
    );
    const [count] = await this.db.query(`SELECT COUNT(*) AS n FROM comments c WHERE ${where}`, [parentId, ...cv.params]);
    return { rows: rows.map(toListed), total: Number(count.n) };
  }

  /**
   * The public comment count of each video: comments not deleted and not hidden, replies of a hidden
   * thread excluded. Videos without comments are absent.
   */
  async countPublic(videoIds: string[]): Promise<Map<string, number>> {
    if (videoIds.length === 0) return new Map();
    const ids = this.db.dialect.inList('c.video_id', videoIds);
    const rows = await this.db.query(
      `SELECT c.video_id, COUNT(*) AS n FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
       WHERE ${ids.sql} AND c.deleted_at IS NULL AND c.hidden_at IS NULL AND (p.id IS NULL OR p.hidden_at IS NULL)
       GROUP BY c.video_id`,
      ids.params,
    );
    return new Map(rows.map((r) => [String(r.video_id), Number(r.n)]));
  }
}
