import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { VideoConnection } from '@wetube/catalog';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { AppConfig, checkFirst } from '@wetube/platform';
import { ChannelImagesService } from '../images/channel-images.service';
import { SubscriptionsService } from '../subscriptions.service';
import { encodeSubscriptionCursor, parseAfter, parseSubscriptionAfter } from './channel-cursors';
import { toChannelType, videoConnection } from './channel.resolver';
import { ChannelConnection, SubscriptionPayload } from './channel.type';

@Resolver()
export class SubscriptionResolver {
  constructor(
    private readonly subs: SubscriptionsService,
    private readonly images: ChannelImagesService,
    private readonly config: AppConfig,
  ) {}

  @Mutation(() => SubscriptionPayload, { description: 'Follow a channel (idempotent; not your own)' })
  @UseGuards(AuthenticatedGuard)
  async subscribe(@Args('handle') handle: string, @CurrentUser() user: AuthUser): Promise<SubscriptionPayload> {
    const r = await this.subs.subscribe(user.id, String(handle ?? '').slice(0, 64));
    if (!r.ok) return { channel: null, subscribed: false, userErrors: r.errors };
    return { channel: toChannelType(r.channel, user, this.images), subscribed: true, userErrors: [] };
  }

  @Mutation(() => SubscriptionPayload, { description: 'Stop following a channel (idempotent)' })
  @UseGuards(AuthenticatedGuard)
  async unsubscribe(@Args('handle') handle: string, @CurrentUser() user: AuthUser): Promise<SubscriptionPayload> {
    const r = await this.subs.unsubscribe(user.id, String(handle ?? '').slice(0, 64));
    if (!r.ok) return { channel: null, subscribed: false, userErrors: r.errors };
    return { channel: toChannelType(r.channel, user, this.images), subscribed: false, userErrors: [] };
  }

  @Query(() => ChannelConnection, { description: 'The channels the caller follows, most recently followed first' })
  @UseGuards(AuthenticatedGuard)
  async mySubscriptions(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<ChannelConnection> {
    const page = await this.subs.mySubscriptions(user.id, checkFirst(first), parseSubscriptionAfter(after));
    const edges = page.items.map((i) => ({
      cursor: encodeSubscriptionCursor(i.subscription.createdAt, i.subscription.channelId),
      node: toChannelType(i.channel, user, this.images),
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => VideoConnection, {
    description: "The newest public videos of the channels the caller follows (totalCount: this page's size; the feed is not counted)",
  })
  @UseGuards(AuthenticatedGuard)
  async subscriptionFeed(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<VideoConnection> {
    const page = await this.subs.feed(user.id, checkFirst(first), parseAfter(after));
    return videoConnection(page, user, this.config.publicApiUrl);
  }
}
