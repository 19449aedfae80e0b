import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { canEdit, canView, VideosService, VideoStatus, Visibility } from '@wetube/catalog';
import { AuthUser } from '@wetube/identity';
import { RateLimiter, RateLimiterFactory, UserError } from '@wetube/platform';
import { cleanCommentBody } from './comment-body';
import { COMMENT_LIMITS, CommentLimits, DEFAULT_COMMENT_LIMITS } from './comment-limits';
import { CommentPosition, CommentReader, CommentRecord, CommentSort, CommentsRepository, ListedComment } from './comments.repository';

/** What the comment rules need to know of a video (a catalog VideoEntity or the GraphQL Video). */
export interface CommentedVideo {
  id: string;
  ownerId: string;
  status: VideoStatus;
  visibility: Visibility;
}

/** A comment as one viewer sees it: the record, how many replies they see, and what they may do with it. */
export interface CommentView extends CommentRecord {
  visibleReplies: number;
  viewerLiked: boolean;
  viewerIsAuthor: boolean;
  viewerCanEdit: boolean;
  viewerCanDelete: boolean;
  /** The viewer moderates the video (its owner or an admin): they may hide and unhide. */
  viewerCanHide: boolean;
  authorIsVideoOwner: boolean;
  /** Kept for the replies of this comment: the same video and viewer. */
  video: CommentedVideo;
  viewer: AuthUser | null;
}

export interface CommentPage {
  items: CommentView[];
  hasNextPage: boolean;
  totalCount: number;
}

export type CommentResult = { ok: true; comment: CommentView } | { ok: false; error: UserError };
export type DeleteResult = { ok: true; deletedCommentId: string } | { ok: false; error: UserError };

function problem(field: string, message: string, code: string): UserError {
  return Object.assign(new UserError(), { field: [field], message, code });
}

const NO_VIDEO = problem('videoId', 'No such video.', 'NOT_FOUND');
const NO_COMMENT = (field: string) => problem(field, 'No such comment.', 'NOT_FOUND');

/**
 * The comment rules: who may read, write, edit, delete and hide; threads one level deep; length and
 * rate limits. Reading a video's comments follows watching it (`canView`: public and unlisted READY
 * videos for everyone, private ones for the owner); a hidden comment is seen by its author and the
 * video's moderators (owner, admins) only.
 */
@Injectable()
export class CommentsService {
  private readonly perMinute: RateLimiter;
  private readonly perDay: RateLimiter;
  private readonly likes: RateLimiter;

  constructor(
    private readonly comments: CommentsRepository,
    private readonly videos: VideosService,
    limiters: RateLimiterFactory,
    @Optional() @Inject(COMMENT_LIMITS) limits?: CommentLimits,
  ) {
    const l = limits ?? DEFAULT_COMMENT_LIMITS;
    this.perMinute = limiters.create('comments-minute', { burst: l.perMinute, perSecond: l.perMinute / 60 });
    this.perDay = limiters.create('comments-day', { burst: l.perDay, perSecond: l.perDay / 86_400 });
    this.likes = limiters.create('comment-likes', { burst: l.likesPerMinute ?? 60, perSecond: (l.likesPerMinute ?? 60) / 60 });
  }

  /** A video's threads as `viewer` sees them; empty for a video they may not watch. */
  async listThreads(
    video: CommentedVideo,
    viewer: AuthUser | null,
    sort: CommentSort,
    first: number,
    after: CommentPosition | null,
  ): Promise<CommentPage> {
    if (!canView(video, viewer)) return { items: [], hasNextPage: false, totalCount: 0 };
    const { rows, total } = await this.comments.listThreads(video.id, this.reader(video, viewer), sort, first, after);
    return this.page(rows, first, total, video, viewer);
  }

  /** The replies of a top-level comment as `viewer` sees them, oldest first. */
  async listReplies(parent: CommentView, first: number, after: CommentPosition | null): Promise<CommentPage> {
    if (parent.parentId != null || !canView(parent.video, parent.viewer)) return { items: [], hasNextPage: false, totalCount: 0 };
    const { rows, total } = await this.comments.listReplies(parent.id, this.reader(parent.video, parent.viewer), first, after);
    return this.page(rows, first, total, parent.video, parent.viewer);
  }

  /** One comment as `viewer` sees it (a "[deleted]" placeholder only while it has replies they see), or null. */
  async getComment(id: string, viewer: AuthUser | null): Promise<CommentView | null> {
    const target = await this.visibleComment(id, viewer, { placeholders: true });
    if (!target) return null;
    const listed = await this.withReplies(target.comment, target.video, viewer);
    if (target.comment.deletedAt && listed.visibleReplies === 0) return null;
    return this.view(listed, target.video, viewer);
  }

  /** The public comment count of each video (not deleted, not hidden). */
  countPublic(videoIds: string[]): Promise<Map<string, number>> {
    return this.comments.countPublic(videoIds);
  }

  async addComment(videoId: string, rawBody: string, author: AuthUser): Promise<CommentResult> {
    const video = await this.videos.findById(videoId);
    if (!video || !canView(video, author)) return { ok: false, error: NO_VIDEO };
    const body = cleanCommentBody(rawBody);
    if (!body.ok) return { ok: false, error: problem('body', body.message, body.code) };
    const limited = await this.rateLimit(author);
    if (limited) return { ok: false, error: limited };
    const record = this.newRecord(video.id, null, author.id, body.body);
    await this.comments.insert(record);
    return { ok: true, comment: this.view({ ...record, visibleReplies: 0, viewerLiked: false }, video, author) };
  }

  /** A reply to `commentId`; a reply to a reply joins the top-level comment's thread. */
  async replyToComment(commentId: string, rawBody: string, author: AuthUser): Promise<CommentResult> {
    const target = await this.visibleComment(commentId, author);
    if (!target) return { ok: false, error: NO_COMMENT('commentId') };
    const body = cleanCommentBody(rawBody);
    if (!body.ok) return { ok: false, error: problem('body', body.message, body.code) };
    const limited = await this.rateLimit(author);
    if (limited) return { ok: false, error: limited };
    const topId = target.comment.parentId ?? target.comment.id;
    const record = this.newRecord(target.video.id, topId, author.id, body.body);
    const replied = await this.comments.transaction(async () => {
      const top = await this.comments.lock(topId);
      if (!top || top.deletedAt) return false; // deleted (or gone) meanwhile: nothing to reply to
      await this.comments.insert(record);
      await this.comments.addToReplyCount(topId, 1);
      return true;
    });
    if (!replied)
      return { ok: false, error: problem('commentId', 'That comment was deleted; replies to it are closed.', 'COMMENT_DELETED') };
    return { ok: true, comment: this.view({ ...record, visibleReplies: 0, viewerLiked: false }, target.video, author) };
  }

  /** Its author changes the text (marked edited, with the time). */
  async editComment(id: string, rawBody: string, user: AuthUser): Promise<CommentResult> {
    const target = await this.visibleComment(id, user);
    if (!target) return { ok: false, error: NO_COMMENT('id') };
    if (target.comment.authorId !== user.id) return { ok: false, error: problem('id', 'Only its author can edit a comment.', 'FORBIDDEN') };
    const body = cleanCommentBody(rawBody);
    if (!body.ok) return { ok: false, error: problem('body', body.message, body.code) };
    const editedAt = new Date();
    if (body.body !== target.comment.body) await this.comments.updateBody(id, body.body, editedAt);
    const updated = body.body === target.comment.body ? target.comment : { ...target.comment, body: body.body, editedAt };
    return { ok: true, comment: this.view(await this.withReplies(updated, target.video, user), target.video, user) };
  }

  /**
   * Its author, or the video's owner (or an admin), deletes a comment. A top-level comment that has
   * replies stays as "[deleted]" with its text erased; otherwise it is removed, and a "[deleted]"
   * thread whose last reply goes is removed with it.
   */
  async deleteComment(id: string, user: AuthUser): Promise<DeleteResult> {
    const target = await this.visibleComment(id, user);
    if (!target) return { ok: false, error: NO_COMMENT('id') };
    if (target.comment.authorId !== user.id && !canEdit(target.video, user)) {
      return { ok: false, error: problem('id', "Only its author or the video's owner can delete a comment.", 'FORBIDDEN') };
    }
    await this.comments.transaction(async () => {
      const c = await this.comments.lock(id);
      if (!c || c.deletedAt) return;
      if (c.parentId == null) {
        if ((await this.comments.countAllReplies(c.id)) > 0) await this.comments.markDeleted(c.id, new Date());
        else await this.comments.remove(c.id);
        return;
      }
      const parent = await this.comments.lock(c.parentId);
      await this.comments.remove(c.id);
      if (!c.hiddenAt) await this.comments.addToReplyCount(c.parentId, -1);
      if (parent?.deletedAt && (await this.comments.countAllReplies(parent.id)) === 0) await this.comments.remove(parent.id);
    });
    return { ok: true, deletedCommentId: id };
  }

  /** The video's owner (or an admin) hides a comment from everyone but its author, or shows it again. */
  async setHidden(id: string, hidden: boolean, user: AuthUser): Promise<CommentResult> {
    const target = await this.visibleComment(id, user);
    if (!target) return { ok: false, error: NO_COMMENT('id') };
    if (!canEdit(target.video, user)) return { ok: false, error: problem('id', "Only the video's owner can hide comments.", 'FORBIDDEN') };
    const updated = await this.comments.transaction(async () => {
      const c = await this.comments.lock(id);
      if (!c || c.deletedAt) return null;
      if (!!c.hiddenAt === hidden) return c;
      const hiddenAt = hidden ? new Date() : null;
      await this.comments.setHidden(id, hiddenAt);
      if (c.parentId) await this.comments.addToReplyCount(c.parentId, hidden ? -1 : 1);
      return { ...c, hiddenAt };
    });
    if (!updated) return { ok: false, error: NO_COMMENT('id') };
    return { ok: true, comment: this.view(await this.withReplies(updated, target.video, user), target.video, user) };
  }

  /** `user` likes a comment they can see, or takes the like back (one per account; idempotent). */
  async setLiked(id: string, liked: boolean, user: AuthUser): Promise<CommentResult> {
    const target = await this.visibleComment(id, user);
    if (!target) return { ok: false, error: NO_COMMENT('id') };
    const d = await this.likes.consume(user.id);
    if (!d.ok)
      return { ok: false, error: problem('id', `Too many likes at once; try again in ${formatWait(d.retryAfterSec)}.`, 'RATE_LIMITED') };
    const updated = await this.comments.transaction(async () => {
      const c = await this.comments.lock(id);
      if (!c || c.deletedAt) return null;
      const changed = await this.comments.setLike(id, user.id, liked, new Date());
      return changed ? { ...c, likeCount: c.likeCount + (liked ? 1 : -1) } : c;
    });
    if (!updated) return { ok: false, error: NO_COMMENT('id') };
    return { ok: true, comment: this.view(await this.withReplies(updated, target.video, user), target.video, user) };
  }

  /** A comment and its video when `user` may see both (a "[deleted]" placeholder only when asked for). */
  private async visibleComment(
    id: string,
    user: AuthUser | null,
    opts: { placeholders?: boolean } = {},
  ): Promise<{ comment: CommentRecord; video: CommentedVideo } | null> {
    if (typeof id !== 'string' || id.length > 64) return null;
    const comment = await this.comments.findById(id);
    if (!comment || (comment.deletedAt && !opts.placeholders)) return null;
    const video = await this.videos.findById(comment.videoId);
    if (!video || !canView(video, user)) return null;
    const moderator = canEdit(video, user);
    const hiddenFrom = (c: CommentRecord) => !!c.hiddenAt && c.authorId !== user?.id && !moderator;
    if (hiddenFrom(comment)) return null;
    if (comment.parentId) {
      const parent = await this.comments.findById(comment.parentId);
      if (!parent || hiddenFrom(parent)) return null;
    }
    return { comment, video };
  }

  private async withReplies(c: CommentRecord, video: CommentedVideo, viewer: AuthUser | null): Promise<ListedComment> {
    const viewerLiked = viewer ? await this.comments.likes(c.id, viewer.id) : false;
    if (c.parentId) return { ...c, visibleReplies: 0, viewerLiked };
    const { total } = await this.comments.listReplies(c.id, this.reader(video, viewer), 1, null);
    return { ...c, visibleReplies: total, viewerLiked };
  }

  private async rateLimit(author: AuthUser): Promise<UserError | null> {
    for (const [limiter, what] of [
      [this.perMinute, 'a minute'],
      [this.perDay, 'a day'],
    ] as const) {
      const d = await limiter.consume(author.id);
      if (!d.ok) {
        return problem(
          'body',
          `You are commenting too fast (at most ${limiter.burst} comments in ${what}); try again in ${formatWait(d.retryAfterSec)}.`,
          'RATE_LIMITED',
        );
      }
    }
    return null;
  }

  private newRecord(videoId: string, parentId: string | null, authorId: string, body: string): CommentRecord {
    return {
      id: randomUUID(),
      videoId,
      parentId,
      authorId,
      body,
      replyCount: 0,
      likeCount: 0,
      createdAt: new Date(),
      editedAt: null,
      hiddenAt: null,
      deletedAt: null,
    };
  }

  private reader(video: CommentedVideo, viewer: AuthUser | null): CommentReader {
    return { viewerId: viewer?.id ?? null, moderator: canEdit(video, viewer) };
  }

  private page(rows: ListedComment[], first: number, total: number, video: CommentedVideo, viewer: AuthUser | null): CommentPage {
    return {
      items: rows.slice(0, first).map((r) => this.view(r, video, viewer)),
      hasNextPage: rows.length > first,
      totalCount: total,
    };
  }

  private view(c: ListedComment, video: CommentedVideo, viewer: AuthUser | null): CommentView {
    const deleted = !!c.deletedAt;
    const mine = !!viewer && viewer.id === c.authorId && !deleted;
    const moderator = canEdit(video, viewer);
    return {
      ...c,
      viewerIsAuthor: mine,
      viewerCanEdit: mine,
      viewerCanDelete: !deleted && (mine || moderator),
      viewerCanHide: !deleted && moderator,
      authorIsVideoOwner: c.authorId === video.ownerId,
      video,
      viewer,
    };
  }
}

function formatWait(sec: number): string {
  if (sec < 90) return `${sec} s`;
  if (sec < 5400) return `${Math.ceil(sec / 60)} min`;
  return `${Math.ceil(sec / 3600)} h`;
}
