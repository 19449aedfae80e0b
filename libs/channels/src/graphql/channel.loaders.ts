import DataLoader from 'dataloader';
import { ChannelsService } from '../channels.service';
import type { ChannelRecord } from '../channels.repository';
import { SubscriptionsService } from '../subscriptions.service';

/** Per-request batch loaders (a list of videos asks for its channels once, not per card). */
export interface ChannelLoaders {
  byOwner: DataLoader<string, ChannelRecord | null>;
  subscribers: DataLoader<string, number>;
  videoCount: DataLoader<string, number>;
  /** Whether the request's viewer follows the channel (keyed by channel id). */
  subscribed: DataLoader<string, boolean>;
}

export type LoaderRequest = { channelLoaders?: ChannelLoaders; user?: { id: string } | null } | undefined;

export function channelLoaders(req: LoaderRequest, channels: ChannelsService, subs: SubscriptionsService): ChannelLoaders {
  const make = (): ChannelLoaders => ({
    byOwner: new DataLoader<string, ChannelRecord | null>(async (ids) => {
      const found = await channels.ensureForMany(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    subscribers: new DataLoader<string, number>(async (ids) => {
      const counts = await subs.subscriberCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    videoCount: new DataLoader<string, number>(async (ids) => {
      const counts = await subs.videoCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    subscribed: new DataLoader<string, boolean>(async (ids) => {
      const viewer = req?.user?.id;
      if (!viewer) return ids.map(() => false);
      const set = await subs.subscribedAmong(viewer, ids);
      return ids.map((id) => set.has(id));
    }),
  });
  if (!req) return make();
  req.channelLoaders ??= make();
  return req.channelLoaders;
}
