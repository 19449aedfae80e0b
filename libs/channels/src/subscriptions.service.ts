import { Injectable } from '@nestjs/common';
import { VideoEntity, VideosService, VideoStatus, Visibility, type Page } from '@wetube/catalog';
import { UserError, type Cursor } from '@wetube/platform';
import { ChannelVideoAfter, ChannelVideoOrder, ChannelVideosRepository } from './channel-videos.repository';
import { ChannelRecord, ChannelsRepository, SubscriptionRecord } from './channels.repository';
import { ChannelsService } from './channels.service';

export type SubscribeResult = { ok: true; channel: ChannelRecord; subscribed: boolean } | { ok: false; errors: UserError[] };

/** Subscriptions, counts, a channel's video listing and the subscription feed. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly repo: ChannelsRepository,
    private readonly videoKeys: ChannelVideosRepository,
    private readonly videos: VideosService,
  ) {}

  /** Follows the channel of `handle` (idempotent); never one's own channel. */
  async subscribe(subscriberId: string, handle: string): Promise<SubscribeResult> {
    const channel = await this.channels.findByHandle(handle);
    if (!channel) return { ok: false, errors: [notFound(handle)] };
    if (channel.userId === subscriberId) {
      return { ok: false, errors: [UserError.of('handle', 'You cannot subscribe to your own channel.', 'CANNOT_SUBSCRIBE_TO_SELF')] };
    }
    await this.repo.subscribe(subscriberId, channel.userId, new Date());
    return { ok: true, channel, subscribed: true };
  }

  /** Stops following (idempotent: not following is fine). */
  async unsubscribe(subscriberId: string, handle: string): Promise<SubscribeResult> {
    const channel = await this.channels.findByHandle(handle);
    if (!channel) return { ok: false, errors: [notFound(handle)] };
    await this.repo.unsubscribe(subscriberId, channel.userId);
    return { ok: true, channel, subscribed: false };
  }

  subscribedAmong(subscriberId: string, channelIds: readonly string[]): Promise<Set<string>> {
    return this.repo.subscribedAmong(subscriberId, channelIds);
  }

  subscriberCounts(channelIds: readonly string[]): Promise<Map<string, number>> {
    return this.repo.subscriberCounts(channelIds);
  }

  /** Listed (PUBLIC READY) videos per channel: the count everyone sees. */
  videoCounts(channelIds: readonly string[]): Promise<Map<string, number>> {
    return this.videoKeys.channelCounts(channelIds);
  }

  /** A channel's videos: its owner sees every one of them, anybody else only PUBLIC READY ones. */
  async channelVideos(
    channel: ChannelRecord,
    viewerId: string | null,
    order: ChannelVideoOrder,
    first: number,
    after: ChannelVideoAfter | null,
  ): Promise<Page<VideoEntity>> {
    const all = viewerId === channel.userId;
    const [keys, counts] = await Promise.all([
      this.videoKeys.channelPage(channel.userId, all, order, first + 1, after),
      this.videoKeys.channelCounts([channel.userId], all),
    ]);
    return this.page(keys, first, counts.get(channel.userId) ?? 0, !all);
  }

  /** The newest PUBLIC READY videos of the channels the user follows. totalCount: the page's own size (the feed is not counted whole). */
  async feed(subscriberId: string, first: number, after: Cursor | null): Promise<Page<VideoEntity>> {
    const keys = await this.videoKeys.feedPage(subscriberId, first + 1, after);
    return this.page(keys, first, Math.min(keys.length, first), true);
  }

  /** The channels the user follows, most recently followed first. */
  async mySubscriptions(
    subscriberId: string,
    first: number,
    after: SubscriptionRecord | null,
  ): Promise<{ items: Array<{ subscription: SubscriptionRecord; channel: ChannelRecord }>; hasNextPage: boolean; totalCount: number }> {
    const [subs, totalCount] = await Promise.all([
      this.repo.subscriptionsOf(subscriberId, first + 1, after),
      this.repo.subscriptionCount(subscriberId),
    ]);
    const page = subs.slice(0, first);
    const channels = await this.channels.ensureForMany(page.map((s) => s.channelId));
    return {
      items: page.flatMap((s) => (channels.has(s.channelId) ? [{ subscription: s, channel: channels.get(s.channelId)! }] : [])),
      hasNextPage: subs.length > first,
      totalCount,
    };
  }

  /** Loads the page's videos; `listedOnly` re-checks PUBLIC READY on the loaded rows (an edit between the two reads hides, never leaks). */
  private async page(keys: Array<{ id: string }>, first: number, totalCount: number, listedOnly: boolean): Promise<Page<VideoEntity>> {
    const loaded = await this.videos.findByIds(keys.slice(0, first).map((k) => k.id));
    const items = listedOnly ? loaded.filter((v) => v.status === VideoStatus.READY && v.visibility === Visibility.PUBLIC) : loaded;
    return { items, hasNextPage: keys.length > first, totalCount };
  }
}

function notFound(handle: string): UserError {
  return UserError.of(
    'handle',
    `There is no channel "@${String(handle ?? '')
      .replace(/^@/, '')
      .slice(0, 40)}".`,
    'CHANNEL_NOT_FOUND',
  );
}
