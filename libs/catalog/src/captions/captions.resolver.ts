import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { UserError } from '@wetube/platform';
import { VideoType } from '../graphql/video.type';
import { CaptionPayload, CaptionType, DeleteCaptionPayload, UploadCaptionInput } from './caption.graphql';
import { CaptionOutcome, CaptionsService, CaptionTrack } from './captions.service';

/** `Video.captions`, `uploadCaption` and `deleteCaption` (owner only; refusals in `userErrors`). */
@Resolver(() => VideoType)
export class CaptionsResolver {
  constructor(private readonly service: CaptionsService) {}

  @ResolveField(() => [CaptionType], { description: 'Subtitle tracks, by language' })
  async captions(
    @Parent() video: VideoType,
    @Context('req') req: { captionLoader?: DataLoader<string, CaptionTrack[]> },
  ): Promise<CaptionType[]> {
    // The video was already checked visible to the caller where it was resolved.
    if (video.status !== 'READY') return [];
    req.captionLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const byVideo = await this.service.tracksOf([...ids]);
      return ids.map((id) => byVideo.get(id) ?? []);
    });
    return (await req.captionLoader.load(video.id)).map(toType);
  }

  @Mutation(() => CaptionPayload, { description: 'Adds a subtitle track, or replaces the one in that language (owner only)' })
  @UseGuards(AuthenticatedGuard)
  async uploadCaption(@Args('input') input: UploadCaptionInput, @CurrentUser() user: AuthUser): Promise<CaptionPayload> {
    const outcome = await this.service.upload(user, {
      videoId: input.videoId,
      language: input.language,
      label: input.label,
      file: Buffer.from(input.text ?? '', 'utf8'),
    });
    return outcome.ok ? { caption: toType(outcome.value), userErrors: [] } : { caption: null, userErrors: [userError(outcome)] };
  }

  @Mutation(() => DeleteCaptionPayload, { description: "Deletes the video's subtitle track in that language (owner only)" })
  @UseGuards(AuthenticatedGuard)
  async deleteCaption(
    @Args('videoId', { type: () => ID }) videoId: string,
    @Args('language') language: string,
    @CurrentUser() user: AuthUser,
  ): Promise<DeleteCaptionPayload> {
    const outcome = await this.service.remove(user, videoId, language);
    return outcome.ok ? { deletedLanguage: outcome.value, userErrors: [] } : { deletedLanguage: null, userErrors: [userError(outcome)] };
  }
}

function toType(t: CaptionTrack): CaptionType {
  return Object.assign(new CaptionType(), t);
}

function userError(outcome: CaptionOutcome<unknown>): UserError {
  if (outcome.ok) throw new Error('not a refusal');
  const p = outcome.problem;
  return UserError.of(p.field === 'file' ? 'text' : p.field, p.message, p.code);
}
