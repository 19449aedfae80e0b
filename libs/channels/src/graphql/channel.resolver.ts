import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { VideoConnection, VideoEntity, VideoType, canEdit, type Page } from '@wetube/catalog';
import { AuthenticatedGuard, AuthUser, CurrentUser, OptionalAuthGuard } from '@wetube/identity';
import { PlaylistsService, PlaylistType } from '@wetube/library';
import { AppConfig, checkFirst, encodeCursor } from '@wetube/platform';
import type { ChannelVideoOrder } from '../channel-videos.repository';
import type { ChannelRecord } from '../channels.repository';
import { ChannelsService } from '../channels.service';
import { ChannelImagesService } from '../images/channel-images.service';
import { SubscriptionsService } from '../subscriptions.service';
import { ChannelPlaylistConnection, parsePlaylistAfter, playlistPage } from './channel-playlists';
import { encodeMostViewedCursor, parseAfter, parseMostViewedAfter } from './channel-cursors';
import { channelLoaders, LoaderRequest } from './channel.loaders';
import { ChannelPayload, ChannelType, ChannelVideoOrderBy, UpdateChannelInput } from './channel.type';

@Resolver(() => ChannelType)
export class ChannelResolver {
  constructor(
    private readonly channels: ChannelsService,
    private readonly subs: SubscriptionsService,
    private readonly images: ChannelImagesService,
    private readonly config: AppConfig,
    private readonly playlistsService: PlaylistsService,
  ) {}

  @Query(() => ChannelType, { nullable: true, description: 'The channel of a handle (with or without the @, any case), or null' })
  @UseGuards(OptionalAuthGuard)
  async channel(@Args('handle') handle: string, @CurrentUser() user: AuthUser | null): Promise<ChannelType | null> {
    const found = await this.channels.findByHandle(String(handle ?? '').slice(0, 64));
    return found ? this.toType(found, user) : null;
  }

  @Query(() => ChannelType, { description: "The caller's own channel (made on first use)" })
  @UseGuards(AuthenticatedGuard)
  async myChannel(@CurrentUser() user: AuthUser): Promise<ChannelType> {
    return this.toType((await this.channels.ensureFor(user.id))!, user);
  }

  @Mutation(() => ChannelPayload, { description: "Edits the caller's channel; images are uploaded to POST /api/channels/me/avatar|banner" })
  @UseGuards(AuthenticatedGuard)
  async updateChannel(@Args('input') input: UpdateChannelInput, @CurrentUser() user: AuthUser): Promise<ChannelPayload> {
    const result = await this.channels.update(user.id, input);
    if (!result.ok) return { channel: null, userErrors: result.errors };
    return { channel: this.toType(result.channel, user), userErrors: [] };
  }

  @ResolveField(() => Int, { description: 'How many accounts follow it' })
  subscriberCount(@Parent() c: ChannelType, @Context('req') req: LoaderRequest): Promise<number> {
    return channelLoaders(req, this.channels, this.subs).subscribers.load(c.id);
  }

  @ResolveField(() => Int, { description: 'Its public videos (ready to watch)' })
  videoCount(@Parent() c: ChannelType, @Context('req') req: LoaderRequest): Promise<number> {
    return channelLoaders(req, this.channels, this.subs).videoCount.load(c.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller follows it (false when signed out)' })
  viewerIsSubscribed(@Parent() c: ChannelType, @Context('req') req: LoaderRequest): Promise<boolean> {
    return channelLoaders(req, this.channels, this.subs).subscribed.load(c.id);
  }

  @ResolveField(() => VideoConnection, { description: 'Its public ready videos (every one of them for its owner)' })
  async videos(
    @Parent() c: ChannelType,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('orderBy', { type: () => ChannelVideoOrderBy, defaultValue: ChannelVideoOrderBy.NEWEST }) orderBy: ChannelVideoOrderBy,
    @Context('req') req: LoaderRequest,
  ): Promise<VideoConnection> {
    const viewer = (req?.user ?? null) as AuthUser | null;
    const order = ORDERS[orderBy] ?? 'NEWEST';
    const mostViewed = order === 'MOST_VIEWED';
    const start = mostViewed ? parseMostViewedAfter(after) : parseAfter(after);
    const page = await this.subs.channelVideos(c.record, viewer?.id ?? null, order, checkFirst(first), start);
    return videoConnection(page, viewer, this.config.publicApiUrl, mostViewed ? encodeMostViewedCursor : encodeCursor);
  }

  @ResolveField(() => ChannelPlaylistConnection, {
    description: 'Its PUBLIC playlists, newest first (unlisted and private ones are never listed here, not even to the owner)',
  })
  async playlists(
    @Parent() c: ChannelType,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context('req') req: LoaderRequest,
  ): Promise<ChannelPlaylistConnection> {
    const size = checkFirst(first);
    const start = parsePlaylistAfter(after);
    const viewerId = req?.user?.id ?? null;
    // As anybody but the owner sees them: the tab is the channel's public face.
    const listed = await this.playlistsService.playlistsOf(c.id, null);
    return playlistPage(listed, size, start, (p) => PlaylistType.from(p, viewerId, this.config.publicApiUrl));
  }

  toType(record: ChannelRecord, user: AuthUser | null): ChannelType {
    return toChannelType(record, user, this.images);
  }
}

export function toChannelType(record: ChannelRecord, user: AuthUser | null, images: ChannelImagesService): ChannelType {
  const avatar = images.urls('avatar', record.avatarKey);
  const banner = images.urls('banner', record.bannerKey);
  return Object.assign(new ChannelType(), {
    id: record.userId,
    handle: record.handle,
    displayName: record.displayName,
    description: record.description,
    links: record.links,
    avatarUrl: avatar.get(176) ?? null,
    avatarSmallUrl: avatar.get(48) ?? null,
    bannerUrl: banner.get(2048) ?? null,
    createdAt: record.createdAt,
    viewerIsOwner: user?.id === record.userId,
    record,
  });
}

const ORDERS: Record<ChannelVideoOrderBy, ChannelVideoOrder> = {
  [ChannelVideoOrderBy.NEWEST]: 'NEWEST',
  [ChannelVideoOrderBy.OLDEST]: 'OLDEST',
  [ChannelVideoOrderBy.MOST_VIEWED]: 'MOST_VIEWED',
};

export function videoConnection(
  page: Page<VideoEntity>,
  user: AuthUser | null,
  apiUrl: string,
  cursorOf: (v: VideoEntity) => string = encodeCursor,
): VideoConnection {
  const edges = page.items.map((v) => ({ cursor: cursorOf(v), node: VideoType.from(v, apiUrl, canEdit(v, user)) }));
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
