import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@wetube/catalog';
import { IdentityModule } from '@wetube/identity';
import { LibraryModule } from '@wetube/library';
import { StorageModule } from '@wetube/platform';
import { ChannelProfilesService } from './channel-profiles.service';
import { ChannelVideosRepository } from './channel-videos.repository';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { ChannelResolver } from './graphql/channel.resolver';
import { SubscriptionResolver } from './graphql/subscription.resolver';
import { VideoChannelResolver } from './graphql/video-channel.resolver';
import { ChannelImagesController } from './images/channel-images.controller';
import { ChannelImagesService } from './images/channel-images.service';
import { SubscriptionsService } from './subscriptions.service';

const REPOSITORIES = [ChannelsRepository, ChannelVideosRepository];

/** Channels (handle, name, description, links, avatar and banner) and subscriptions with their feed. */
@Module({
  imports: [CatalogCoreModule, IdentityModule, StorageModule, LibraryModule],
  controllers: [ChannelImagesController],
  providers: [
    ...REPOSITORIES,
    ChannelsService,
    SubscriptionsService,
    ChannelImagesService,
    ChannelProfilesService,
    ChannelResolver,
    SubscriptionResolver,
    VideoChannelResolver,
  ],
  exports: [ChannelsService, SubscriptionsService, ChannelProfilesService],
})
export class ChannelsModule {}
