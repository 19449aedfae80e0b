import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { VideoType } from '@wetube/catalog';
import { AuthUser } from '@wetube/identity';
import { checkFirst } from '@wetube/platform';
import { commentPosition } from '../comment.cursor';
import { CommentsService } from '../comments.service';
import { commentConnection } from './comment-connection';
import { CommentConnection, CommentOrder } from './comment.types';

interface Req {
  /** Set by the query's OptionalAuthGuard/AuthenticatedGuard (field resolvers run no guards): absent means signed out. */
  user?: AuthUser | null;
  commentCountLoader?: DataLoader<string, number>;
}

/** `Video.comments` and `Video.commentCount`. */
@Resolver(() => VideoType)
export class VideoCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField(() => CommentConnection, { description: 'Top-level comments the caller can see, with their reply counts' })
  async comments(
    @Parent() video: VideoType,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('orderBy', { type: () => CommentOrder, defaultValue: CommentOrder.NEWEST }) orderBy: CommentOrder,
    @Context('req') req: Req,
  ): Promise<CommentConnection> {
    const page = await this.service.listThreads(video, req?.user ?? null, orderBy, checkFirst(first), commentPosition(after, orderBy));
    return commentConnection(page, orderBy);
  }

  @ResolveField(() => Int, { description: 'Comments and replies anyone can see (not deleted, not hidden)' })
  async commentCount(@Parent() video: VideoType, @Context('req') req: Req): Promise<number> {
    req.commentCountLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const counts = await this.service.countPublic([...ids]);
      return ids.map((id) => counts.get(id) ?? 0);
    });
    return req.commentCountLoader.load(video.id);
  }
}
