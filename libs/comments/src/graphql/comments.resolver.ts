import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { ChannelProfilesService } from '@wetube/channels';
import { AuthenticatedGuard, AuthUser, CurrentUser, OptionalAuthGuard, UsersService } from '@wetube/identity';
import { checkFirst } from '@wetube/platform';
import { commentPosition } from '../comment.cursor';
import { CommentResult, CommentsService } from '../comments.service';
import { commentConnection } from './comment-connection';
import { CommentAuthorType, CommentConnection, CommentPayload, CommentType, DeleteCommentPayload } from './comment.types';

type AuthorLoader = DataLoader<string, CommentAuthorType | null>;

/** Comments: the mutations, and a comment's author and replies. */
@Resolver(() => CommentType)
export class CommentsResolver {
  constructor(
    private readonly comments: CommentsService,
    private readonly users: UsersService,
    private readonly profiles: ChannelProfilesService,
  ) {}

  @Query(() => CommentType, { nullable: true, description: 'A comment the caller can see (on a video they can watch), or null' })
  @UseGuards(OptionalAuthGuard)
  async comment(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser | null): Promise<CommentType | null> {
    const view = await this.comments.getComment(id, user);
    return view ? CommentType.from(view) : null;
  }

  @Mutation(() => CommentPayload, { description: 'A top-level comment on a video the caller can watch (signed in)' })
  @UseGuards(AuthenticatedGuard)
  async addComment(
    @Args('videoId', { type: () => ID }) videoId: string,
    @Args('body') body: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentPayload> {
    return payload(await this.comments.addComment(videoId, body, user));
  }

  @Mutation(() => CommentPayload, { description: "A reply; a reply to a reply joins the top-level comment's thread (signed in)" })
  @UseGuards(AuthenticatedGuard)
  async replyToComment(
    @Args('commentId', { type: () => ID }) commentId: string,
    @Args('body') body: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentPayload> {
    return payload(await this.comments.replyToComment(commentId, body, user));
  }

  @Mutation(() => CommentPayload, { description: 'Its author changes the text' })
  @UseGuards(AuthenticatedGuard)
  async editComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentPayload> {
    return payload(await this.comments.editComment(id, body, user));
  }

  @Mutation(() => DeleteCommentPayload, {
    description: "Its author or the video's owner deletes it (one with replies stays as [deleted] while they remain)",
  })
  @UseGuards(AuthenticatedGuard)
  async deleteComment(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<DeleteCommentPayload> {
    const r = await this.comments.deleteComment(id, user);
    return r.ok ? { deletedCommentId: r.deletedCommentId, userErrors: [] } : { deletedCommentId: null, userErrors: [r.error] };
  }

  @Mutation(() => CommentPayload, { description: "The video's owner hides a comment from everyone but its author, or shows it again" })
  @UseGuards(AuthenticatedGuard)
  async setCommentHidden(
    @Args('id', { type: () => ID }) id: string,
    @Args('hidden') hidden: boolean,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentPayload> {
    return payload(await this.comments.setHidden(id, hidden, user));
  }

  @Mutation(() => CommentPayload, { description: 'Likes a comment the caller can see, or takes the like back (one per account)' })
  @UseGuards(AuthenticatedGuard)
  async setCommentLiked(
    @Args('id', { type: () => ID }) id: string,
    @Args('liked') liked: boolean,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentPayload> {
    return payload(await this.comments.setLiked(id, liked, user));
  }

  @ResolveField(() => CommentAuthorType, { nullable: true, description: 'Null for a deleted comment' })
  async author(
    @Parent() comment: CommentType,
    @Context('req') req: { commentAuthorLoader?: AuthorLoader },
  ): Promise<CommentAuthorType | null> {
    if (comment.deleted) return null;
    req.commentAuthorLoader ??= new DataLoader(async (ids: readonly string[]) => {
      // Two queries for the whole request: the accounts, and their channels (handle, avatar).
      const [users, channels] = await Promise.all([this.users.findByIds([...ids]), this.profiles.byUserIds(ids)]);
      const found = new Map(users.map((u) => [u.id, u]));
      return ids.map((id) => {
        const u = found.get(id);
        if (!u) return null;
        const c = channels.get(id);
        return Object.assign(new CommentAuthorType(), {
          id: u.id,
          displayName: u.displayName,
          handle: c?.handle ?? null,
          avatarUrl: c?.avatarSmallUrl ?? null,
        });
      });
    });
    return req.commentAuthorLoader.load(comment.view.authorId);
  }

  @ResolveField(() => CommentConnection, { description: 'Replies the caller can see, oldest first (empty for a reply)' })
  async replies(
    @Parent() comment: CommentType,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CommentConnection> {
    const page = await this.comments.listReplies(comment.view, checkFirst(first), commentPosition(after, 'REPLIES'));
    return commentConnection(page, 'REPLIES');
  }
}

function payload(r: CommentResult): CommentPayload {
  return r.ok ? { comment: CommentType.from(r.comment), userErrors: [] } : { comment: null, userErrors: [r.error] };
}
