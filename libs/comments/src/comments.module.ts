import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@wetube/catalog';
import { ChannelsModule } from '@wetube/channels';
import { IdentityModule } from '@wetube/identity';
import { COMMENT_LIMITS, DEFAULT_COMMENT_LIMITS } from './comment-limits';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { CommentsResolver } from './graphql/comments.resolver';
import { VideoCommentsResolver } from './graphql/video-comments.resolver';

const REPOSITORIES = [CommentsRepository];

/** Comments on videos: threads one reply deep, edit/delete by the author, delete/hide by the video's owner (GraphQL). */
@Module({
  imports: [CatalogCoreModule, IdentityModule, ChannelsModule],
  providers: [
    ...REPOSITORIES,
    CommentsService,
    { provide: COMMENT_LIMITS, useValue: DEFAULT_COMMENT_LIMITS },
    CommentsResolver,
    VideoCommentsResolver,
  ],
  exports: [CommentsService],
})
export class CommentsModule {}
