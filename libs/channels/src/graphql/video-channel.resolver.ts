import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { VideoType } from '@wetube/catalog';
import { AuthUser } from '@wetube/identity';
import { ChannelsService } from '../channels.service';
import { ChannelImagesService } from '../images/channel-images.service';
import { SubscriptionsService } from '../subscriptions.service';
import { channelLoaders, LoaderRequest } from './channel.loaders';
import { toChannelType } from './channel.resolver';
import { ChannelType } from './channel.type';

/** `Video.channel`: the uploader's channel, so the watch page and the cards link to /@handle. */
@Resolver(() => VideoType)
export class VideoChannelResolver {
  constructor(
    private readonly channels: ChannelsService,
    private readonly subs: SubscriptionsService,
    private readonly images: ChannelImagesService,
  ) {}

  @ResolveField(() => ChannelType, { nullable: true, description: "The uploader's channel" })
  async channel(@Parent() video: VideoType, @Context('req') req: LoaderRequest): Promise<ChannelType | null> {
    const record = await channelLoaders(req, this.channels, this.subs).byOwner.load(video.ownerId);
    return record ? toChannelType(record, (req?.user ?? null) as AuthUser | null, this.images) : null;
  }
}
