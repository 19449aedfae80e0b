import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import type { CommentView } from '../comments.service';

export enum CommentOrder {
  NEWEST = 'NEWEST',
  TOP = 'TOP',
}
registerEnumType(CommentOrder, {
  name: 'CommentOrder',
  description: 'NEWEST first, or TOP: most liked first, then most replies, then newest',
});

@ObjectType('CommentAuthor', { description: 'Who wrote a comment, as far as it is known' })
export class CommentAuthorType {
  @Field(() => ID)
  id: string;
  @Field()
  displayName: string;
  @Field(() => String, { nullable: true, description: "The author's channel handle, lowercase without the @ (their page is /@handle)" })
  handle: string | null;
  @Field(() => String, { nullable: true, description: "The author's channel avatar (48×48 WebP), or null when they have none" })
  avatarUrl: string | null;
}

@ObjectType('Comment')
export class CommentType {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  videoId: string;
  @Field(() => ID, { nullable: true, description: 'The top-level comment this replies to; null for a top-level comment' })
  parentId: string | null;
  @Field({ description: 'Plain text (render it as text, never as HTML); "[deleted]" for a deleted comment kept for its replies' })
  body: string;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When its author last changed the text' })
  editedAt: Date | null;
  @Field()
  edited: boolean;
  @Field({ description: 'Deleted, kept as a placeholder because it has replies' })
  deleted: boolean;
  @Field({ description: "Hidden by the video's owner: seen only by its author and the owner" })
  hidden: boolean;
  @Field(() => Int, { description: 'Replies the caller can see (0 for a reply)' })
  replyCount: number;
  @Field(() => Int)
  likeCount: number;
  @Field({ description: 'The caller likes it' })
  viewerHasLiked: boolean;
  @Field()
  viewerIsAuthor: boolean;
  @Field()
  viewerCanEdit: boolean;
  @Field()
  viewerCanDelete: boolean;
  @Field({ description: "The caller may hide and unhide it (the video's owner)" })
  viewerCanHide: boolean;
  @Field({ description: "Written by the video's owner" })
  authorIsVideoOwner: boolean;

  /** Not exposed: the view behind it (author id, video, viewer) for the field resolvers. */
  view: CommentView;

  static from(v: CommentView): CommentType {
    const deleted = !!v.deletedAt;
    return Object.assign(new CommentType(), {
      id: v.id,
      videoId: v.videoId,
      parentId: v.parentId,
      body: deleted ? '[deleted]' : v.body,
      createdAt: v.createdAt,
      editedAt: deleted ? null : v.editedAt,
      edited: !deleted && !!v.editedAt,
      deleted,
      hidden: !!v.hiddenAt,
      replyCount: v.visibleReplies,
      likeCount: deleted ? 0 : v.likeCount,
      viewerHasLiked: !deleted && v.viewerLiked,
      viewerIsAuthor: v.viewerIsAuthor,
      viewerCanEdit: v.viewerCanEdit,
      viewerCanDelete: v.viewerCanDelete,
      viewerCanHide: v.viewerCanHide,
      authorIsVideoOwner: !deleted && v.authorIsVideoOwner,
      view: v,
    });
  }
}

@ObjectType()
export class CommentEdge {
  @Field()
  cursor: string;
  @Field(() => CommentType)
  node: CommentType;
}

@ObjectType()
export class CommentConnection {
  @Field(() => [CommentEdge])
  edges: CommentEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int, { description: 'Top-level comments (or replies) the caller can see' })
  totalCount: number;
}

@ObjectType()
export class CommentPayload {
  @Field(() => CommentType, { nullable: true })
  comment: CommentType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class DeleteCommentPayload {
  @Field(() => ID, { nullable: true })
  deletedCommentId: string | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}
