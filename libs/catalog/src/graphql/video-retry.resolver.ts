import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { AppConfig, UserError } from '@wetube/platform';
import { canEdit } from '../videos/video.access';
import { VideoRetryService } from '../videos/video-retry.service';
import { VideoStatus } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { editDenial } from './video-denial';
import { VideoPayload } from './video.inputs';
import { VideoType } from './video.type';

/** Retry for a video whose processing failed: the studio's Retry button. */
@Resolver(() => VideoType)
export class VideoRetryResolver {
  constructor(
    private readonly catalog: VideosService,
    private readonly retries: VideoRetryService,
    private readonly config: AppConfig,
  ) {}

  @ResolveField(() => Boolean, {
    description: 'FAILED and its upload is still kept: retryVideo can run it again (false for anyone but the owner)',
  })
  async canRetry(@Parent() video: VideoType): Promise<boolean> {
    if (!video.viewerCanEdit || video.status !== VideoStatus.FAILED) return false;
    return this.retries.canRetry({ status: video.status, uploadId: video.uploadId });
  }

  @Mutation(() => VideoPayload, { description: "Runs a failed video's processing again from its kept upload (owner or admin)" })
  @UseGuards(AuthenticatedGuard)
  async retryVideo(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<VideoPayload> {
    const video = await this.catalog.findById(id);
    const denied = editDenial(video, user);
    if (denied) return { video: null, userErrors: [denied] };
    const out = await this.retries.retry(video!);
    if (!out.ok)
      return { video: null, userErrors: [Object.assign(new UserError(), { field: ['id'], message: out.message, code: out.code })] };
    return { video: VideoType.from(out.video, this.config.publicApiUrl, canEdit(out.video, user)), userErrors: [] };
  }
}
