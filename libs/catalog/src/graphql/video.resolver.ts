import { Optional, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { AuthenticatedGuard, AuthUser, CurrentUser, OptionalAuthGuard, UserType, UsersService } from '@wetube/identity';
import { AppConfig, UserError, checkFirst } from '@wetube/platform';
import { decodeCursor, encodeCursor } from '../videos/cursor';
import { canEdit, canView } from '../videos/video.access';
import { editDenial } from './video-denial';
import { VideoEntity } from '../videos/video.entity';
import { cleanMetadata } from '../videos/video-metadata.validator';
import { cleanAudioTags } from '../videos/audio-tags.validator';
import { MediaKind, type AudioMeta } from '../videos/audio-meta';
import { cleanMidrolls } from '../videos/video-midrolls.validator';
import { findCategory, VIDEO_CATEGORIES } from '../videos/video-categories';
import { AdBreaksHooks } from '../origin/ad-breaks.hooks';
import { VideoAccessCache } from '../origin/video-access.cache';
import { VideoDeletionService } from '../videos/video-deletion.service';
import { Page, VideosService } from '../videos/videos.service';
import { VideoConnection } from './video.connection';
import { DeleteVideoPayload, UpdateVideoInput, VideoPayload } from './video.inputs';
import { VideoType } from './video.type';
import { ContentFileType, SwarmType } from './swarm.type';
import { ChapterType } from './chapter.type';
import { parseChapters } from '../chapters/chapters';
import { VideoTorrentsService } from '../videos/video-torrents.service';
import { VideoTorrentEntity } from '../videos/video-torrent.entity';
import { StorageRepository } from '@wetube/content';
import { TrackerShards } from '@wetube/swarm';

@Resolver(() => VideoType)
export class VideoResolver {
  private readonly trackers: TrackerShards;

  constructor(
    private readonly catalog: VideosService,
    private readonly deletion: VideoDeletionService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly torrents: VideoTorrentsService,
    private readonly storage: StorageRepository,
    @Optional() private readonly adBreaks?: AdBreaksHooks,
    @Optional() private readonly access?: VideoAccessCache,
  ) {
    this.trackers = new TrackerShards(config.trackerUrls, config.publicApiUrl);
  }

  @Query(() => VideoType, { nullable: true, description: 'A video the caller may see, or null' })
  @UseGuards(OptionalAuthGuard)
  async video(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser | null): Promise<VideoType | null> {
    const video = await this.catalog.findById(id);
    if (!video || !canView(video, user)) return null;
    return this.toType(video, user);
  }

  @Query(() => [String], { description: 'The categories a video can be filed under (and line items target)' })
  videoCategories(): string[] {
    return [...VIDEO_CATEGORIES];
  }

  @Query(() => VideoConnection, { description: 'Public, ready videos, newest first' })
  @UseGuards(OptionalAuthGuard)
  async videos(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser | null,
  ): Promise<VideoConnection> {
    const page = await this.catalog.listPublic(checkFirst(first), checkAfter(after));
    return this.connection(page, user);
  }

  @Query(() => VideoConnection, { description: "The caller's own videos, any status" })
  @UseGuards(AuthenticatedGuard)
  async myVideos(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<VideoConnection> {
    const page = await this.catalog.listByOwner(user.id, checkFirst(first), checkAfter(after));
    return this.connection(page, user);
  }

  @Mutation(() => VideoPayload)
  @UseGuards(AuthenticatedGuard)
  async updateVideo(@Args('input') input: UpdateVideoInput, @CurrentUser() user: AuthUser): Promise<VideoPayload> {
    const video = await this.catalog.findById(input.id);
    const denied = this.denial(video, user);
    if (denied) return { video: null, userErrors: [denied] };
    const clean = cleanMetadata(input);
    if (!clean.ok) return { video: null, userErrors: clean.errors };
    const midrolls = this.midrollChange(input, video!.durationMs);
    if (!midrolls.ok) return { video: null, userErrors: midrolls.errors };
    let category: { category?: string | null } = {};
    if (input.category != null) {
      const found = input.category.trim() === '' ? null : findCategory(input.category);
      if (input.category.trim() !== '' && !found) {
        return {
          video: null,
          userErrors: [
            UserError.of(
              'category',
              `There is no category "${input.category.slice(0, 40)}"; choose one of: ${VIDEO_CATEGORIES.join(', ')}.`,
              'CATEGORY_UNKNOWN',
            ),
          ],
        };
      }
      category = { category: found };
    }
    let audio: { audioMeta?: AudioMeta } = {};
    if (input.audioTags != null) {
      if (video!.kind !== MediaKind.AUDIO) {
        return {
          video: null,
          userErrors: [UserError.of('audioTags', 'Only an audio item has artist, album and track tags.', 'NOT_AUDIO')],
        };
      }
      // Only the keys the caller sent: GraphQL leaves out what was not given.
      const sent = Object.fromEntries(Object.entries(input.audioTags).filter(([, v]) => v !== undefined));
      const tags = cleanAudioTags(sent, video!.audioMeta?.tags);
      if (!tags.ok) return { video: null, userErrors: tags.errors };
      audio = { audioMeta: { ...(video!.audioMeta ?? {}), tags: tags.value } };
    }
    const changes = {
      ...clean.value,
      ...(input.visibility ? { visibility: input.visibility } : {}),
      ...midrolls.value,
      ...category,
      ...audio,
    };
    const updated = await this.catalog.updateMetadata(video!.id, changes);
    this.access?.forget(video!.id); // this process's origin sees visibility and mid-rolls at once
    return { video: this.toType(updated, user), userErrors: [] };
  }

  /** The mid-roll part of an update: chosen points, the default back (null), or nothing. */
  private midrollChange(
    input: UpdateVideoInput,
    durationMs: number | null,
  ): { ok: true; value: { midrolls?: number[] | null } } | { ok: false; errors: UserError[] } {
    if (input.defaultMidrolls && input.midrolls != null) {
      return {
        ok: false,
        errors: [UserError.of('midrolls', 'Give mid-roll points or ask for the default, not both.', 'MIDROLLS_CONFLICT')],
      };
    }
    if (input.defaultMidrolls) return { ok: true, value: { midrolls: null } };
    if (input.midrolls == null) return { ok: true, value: {} };
    const clean = cleanMidrolls(input.midrolls, durationMs);
    return clean.ok ? { ok: true, value: { midrolls: clean.value } } : clean;
  }

  @Mutation(() => DeleteVideoPayload)
  @UseGuards(AuthenticatedGuard)
  async deleteVideo(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<DeleteVideoPayload> {
    const video = await this.catalog.findById(id);
    const denied = this.denial(video, user);
    if (denied) return { deletedVideoId: null, userErrors: [denied] };
    await this.deletion.delete(video!);
    return { deletedVideoId: id, userErrors: [] };
  }

  @ResolveField(() => UserType)
  async owner(@Parent() video: VideoType, @Context('req') req: { ownerLoader?: DataLoader<string, UserType> }): Promise<UserType> {
    req.ownerLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const found = new Map((await this.users.findByIds([...ids])).map((u) => [u.id, UserType.from(u)]));
      return ids.map((id) => found.get(id) ?? new Error(`owner ${id} not found`));
    });
    return req.ownerLoader.load(video.ownerId);
  }

  @ResolveField(() => [ChapterType], {
    description:
      "Chapters from the description's timestamp lines (YouTube's rule: from 0:00, at least three, each at least 10 s); empty when there is no such list",
  })
  chapters(@Parent() video: VideoType): ChapterType[] {
    return parseChapters(video.description, video.durationSec).map(ChapterType.from);
  }

  @ResolveField(() => [Int], {
    description: 'Mid-roll ad breaks as served, seconds from the start (the pre-roll at 0 is not listed); empty without ads',
  })
  async midrolls(@Parent() video: VideoType): Promise<number[]> {
    if (!this.adBreaks) return [];
    return this.adBreaks.midrolls({ videoId: video.id, durationMs: video.durationMs, midrolls: video.chosenMidrolls });
  }

  @ResolveField(() => [SwarmType], { description: 'One swarm per rendition (video rungs and audio); empty until READY' })
  async swarms(
    @Parent() video: VideoType,
    @Context('req') req: { swarmLoader?: DataLoader<string, VideoTorrentEntity[]> },
  ): Promise<SwarmType[]> {
    if (video.status !== 'READY') return [];
    req.swarmLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const found = await this.torrents.ofVideos(ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    const rows = await req.swarmLoader.load(video.id);
    const base = `${this.config.publicApiUrl}/hls/${video.id}/torrents`;
    return rows.map((t) => ({
      rendition: t.rendition,
      infoHash: t.infoHash,
      magnetUri: t.magnetUri,
      bytes: t.bytes,
      torrentUrl: `${base}/${t.rendition}.torrent`,
      trackerUrls: this.trackers.announceUrls(t.infoHash),
    }));
  }

  @ResolveField(() => [ContentFileType], { description: 'Every published file with its CID (from the signed manifest.json)' })
  async contentFiles(@Parent() video: VideoType): Promise<ContentFileType[]> {
    if (video.status !== 'READY') return [];
    const path = this.storage.videoFile(video.id, 'manifest.json');
    const manifest = path ? JSON.parse((await this.storage.readFile(path).catch(() => Buffer.from('{}'))).toString('utf8')) : {};
    return (manifest.files ?? []).map((f: ContentFileType) => ({ path: f.path, cid: f.cid, sha256: f.sha256, bytes: f.bytes }));
  }

  private denial(video: VideoEntity | null, user: AuthUser): UserError | null {
    return editDenial(video, user);
  }

  private toType(video: VideoEntity, user: AuthUser | null): VideoType {
    return VideoType.from(video, this.config.publicApiUrl, canEdit(video, user));
  }

  private connection(page: Page<VideoEntity>, user: AuthUser | null): VideoConnection {
    const edges = page.items.map((v) => ({ cursor: encodeCursor(v), node: this.toType(v, user) }));
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
}

function checkAfter(after: string | null) {
  if (after == null) return null;
  const cursor = decodeCursor(after);
  if (!cursor)
    throw new GraphQLError('"after" is not a cursor from this API.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
  return cursor;
}
