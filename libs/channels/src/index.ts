export { ChannelsModule } from './channels.module';
export { ChannelsService, type ChannelChanges, type ChannelResult } from './channels.service';
export { ChannelProfilesService, type ChannelProfile } from './channel-profiles.service';
export { SubscriptionsService, type SubscribeResult } from './subscriptions.service';
export type { ChannelRecord } from './channels.repository';
export { checkHandle, handleBase, RESERVED_HANDLES, HANDLE_MIN, HANDLE_MAX } from './channel-handle';
export { cleanLinks, type ChannelLink } from './channel-links';
export { CHANNEL_IMAGE_MAX_BYTES, CHANNEL_IMAGE_SIZES } from './images/channel-image.processor';
