import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { canEdit, coverUrl, posterUrlOf, VideoType } from '@wetube/catalog';
import { AuthenticatedGuard, AuthUser, CurrentUser, OptionalAuthGuard, UserType, UsersService } from '@wetube/identity';
import { AppConfig, checkFirst } from '@wetube/platform';
import { PlaylistResult, PlaylistsService } from '../playlists/playlists.service';
import { decodeItemCursor, itemCursor } from './cursors';
import {
  CreatePlaylistInput,
  DeletePlaylistPayload,
  PlaylistItemConnection,
  PlaylistPayload,
  PlaylistType,
  UpdatePlaylistInput,
} from './playlist.types';

@Resolver(() => PlaylistType)
export class PlaylistResolver {
  constructor(
    private readonly playlists: PlaylistsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Query(() => PlaylistType, {
    nullable: true,
    description: 'A playlist: PUBLIC and UNLISTED ones to anyone with the id, PRIVATE ones to the owner only',
  })
  @UseGuards(OptionalAuthGuard)
  async playlist(@Args('id', { type: () => ID }) id: string, @CurrentUser() viewer: AuthUser | null): Promise<PlaylistType | null> {
    const p = await this.playlists.find(id, viewer);
    return p ? PlaylistType.from(p, viewer?.id, this.config.publicApiUrl) : null;
  }

  @Query(() => [PlaylistType], { description: "The caller's playlists, Watch later first" })
  @UseGuards(AuthenticatedGuard)
  async myPlaylists(@CurrentUser() viewer: AuthUser): Promise<PlaylistType[]> {
    return (await this.playlists.mine(viewer)).map((p) => PlaylistType.from(p, viewer.id, this.config.publicApiUrl));
  }

  @Query(() => PlaylistType, { description: "The caller's Watch later (made on first use)" })
  @UseGuards(AuthenticatedGuard)
  async watchLater(@CurrentUser() viewer: AuthUser): Promise<PlaylistType> {
    return PlaylistType.from(await this.playlists.watchLater(viewer), viewer.id, this.config.publicApiUrl);
  }

  @Query(() => [PlaylistType], { description: "Someone's playlists: PUBLIC ones (all of them for the owner)" })
  @UseGuards(OptionalAuthGuard)
  async playlistsOf(@Args('userId', { type: () => ID }) userId: string, @CurrentUser() viewer: AuthUser | null): Promise<PlaylistType[]> {
    return (await this.playlists.playlistsOf(userId, viewer)).map((p) => PlaylistType.from(p, viewer?.id, this.config.publicApiUrl));
  }

  @Mutation(() => PlaylistPayload)
  @UseGuards(AuthenticatedGuard)
  async createPlaylist(@Args('input') input: CreatePlaylistInput, @CurrentUser() viewer: AuthUser): Promise<PlaylistPayload> {
    return this.payload(await this.playlists.create(viewer, input), viewer);
  }

  @Mutation(() => PlaylistPayload)
  @UseGuards(AuthenticatedGuard)
  async updatePlaylist(@Args('input') input: UpdatePlaylistInput, @CurrentUser() viewer: AuthUser): Promise<PlaylistPayload> {
    return this.payload(await this.playlists.update(viewer, input.id, input), viewer);
  }

  @Mutation(() => DeletePlaylistPayload)
  @UseGuards(AuthenticatedGuard)
  async deletePlaylist(@Args('id', { type: () => ID }) id: string, @CurrentUser() viewer: AuthUser): Promise<DeletePlaylistPayload> {
    const r = await this.playlists.delete(viewer, id);
    return r.ok ? { deletedPlaylistId: id, userErrors: [] } : { deletedPlaylistId: null, userErrors: r.errors };
  }

  @Mutation(() => PlaylistPayload, { description: 'Appends a video (already there: it stays where it is)' })
  @UseGuards(AuthenticatedGuard)
  async addToPlaylist(
    @Args('playlistId', { type: () => ID }) playlistId: string,
    @Args('videoId', { type: () => ID }) videoId: string,
    @CurrentUser() viewer: AuthUser,
  ): Promise<PlaylistPayload> {
    return this.payload(await this.playlists.add(viewer, playlistId, videoId), viewer);
  }

  @Mutation(() => PlaylistPayload, { description: 'Takes a video out (not there: nothing to do)' })
  @UseGuards(AuthenticatedGuard)
  async removeFromPlaylist(
    @Args('playlistId', { type: () => ID }) playlistId: string,
    @Args('videoId', { type: () => ID }) videoId: string,
    @CurrentUser() viewer: AuthUser,
  ): Promise<PlaylistPayload> {
    return this.payload(await this.playlists.remove(viewer, playlistId, videoId), viewer);
  }

  @Mutation(() => PlaylistPayload, { description: 'Moves a video to a position (0 = first)' })
  @UseGuards(AuthenticatedGuard)
  async movePlaylistItem(
    @Args('playlistId', { type: () => ID }) playlistId: string,
    @Args('videoId', { type: () => ID }) videoId: string,
    @Args('position', { type: () => Int }) position: number,
    @CurrentUser() viewer: AuthUser,
  ): Promise<PlaylistPayload> {
    return this.payload(await this.playlists.move(viewer, playlistId, videoId, position), viewer);
  }

  @Mutation(() => PlaylistPayload, {
    description: "Sets an item's episode (SHOW) or track (ALBUM) number; null: its position + 1",
  })
  @UseGuards(AuthenticatedGuard)
  async setPlaylistItemNumber(
    @Args('playlistId', { type: () => ID }) playlistId: string,
    @Args('videoId', { type: () => ID }) videoId: string,
    @Args('number', { type: () => Int, nullable: true }) number: number | null,
    @CurrentUser() viewer: AuthUser,
  ): Promise<PlaylistPayload> {
    return this.payload(await this.playlists.setNumber(viewer, playlistId, videoId, number ?? null), viewer);
  }

  @ResolveField(() => UserType)
  async owner(@Parent() p: PlaylistType, @Context('req') req: { playlistOwnerLoader?: DataLoader<string, UserType> }): Promise<UserType> {
    req.playlistOwnerLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const found = new Map((await this.users.findByIds([...ids])).map((u) => [u.id, UserType.from(u)]));
      return ids.map((id) => found.get(id) ?? new Error(`owner ${id} not found`));
    });
    return req.playlistOwnerLoader.load(p.ownerId);
  }

  // Field resolvers read the caller the parent query's guard put on the request.
  @ResolveField(() => PlaylistItemConnection, { description: 'The videos in order; ones the caller cannot watch are marked unavailable' })
  async items(
    @Parent() p: PlaylistType,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() viewer: AuthUser | null,
  ): Promise<PlaylistItemConnection> {
    const record = await this.playlists.find(p.id, viewer);
    if (!record)
      return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
    const page = await this.playlists.items(record, viewer, checkFirst(first), decodeItemCursor(after));
    const edges = page.items.map(({ item, video }) => ({
      cursor: itemCursor(item.position),
      node: {
        position: item.position,
        number: record.kind === 'PLAYLIST' ? null : (item.episodeNumber ?? item.position + 1),
        addedAt: item.addedAt,
        available: !!video,
        video: video ? VideoType.from(video, this.config.publicApiUrl, canEdit(video, viewer)) : null,
        videoId: viewer?.id === record.ownerId ? item.videoId : null,
      },
    }));
    return {
      edges,
      totalCount: record.itemCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "Its own artwork (an album's or show's, uploaded), else the picture of its first video the caller can watch",
  })
  async thumbnailUrl(@Parent() p: PlaylistType, @CurrentUser() viewer: AuthUser | null): Promise<string | null> {
    const record = await this.playlists.find(p.id, viewer);
    if (!record) return null;
    if (record.coverKey) return coverUrl(this.config.publicApiUrl, record.coverKey);
    if (record.itemCount === 0) return null;
    const first = (await this.playlists.items(record, viewer, 10, -1)).items.find((i) => i.video);
    return first?.video ? posterUrlOf(this.config.publicApiUrl, first.video) : null;
  }

  private payload(r: PlaylistResult, viewer: AuthUser): PlaylistPayload {
    return r.ok
      ? { playlist: PlaylistType.from(r.playlist, viewer.id, this.config.publicApiUrl), userErrors: [] }
      : { playlist: null, userErrors: r.errors };
  }
}
