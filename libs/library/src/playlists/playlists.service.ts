import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canView, CoverStore, VideoEntity, VideosService } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { Database, isUniqueViolation, UserError } from '@wetube/platform';
import { cleanDetails, ITEMS_MAX, PLAYLISTS_MAX, PlaylistDetails, WATCH_LATER_TITLE } from './playlist.rules';
import { PlaylistItemRecord, PlaylistRecord, PlaylistsRepository, WATCH_LATER } from './playlists.repository';
import { cleanShow, DEFAULT_SHOW, PLAYLIST_KINDS, PlaylistKind, ShowDetails, ShowMeta } from './show.rules';

/** What create/update take beyond the title, description and visibility: the kind and a show's podcast fields. */
export interface KindDetails {
  kind?: string | null;
  show?: ShowDetails | null;
}

export type PlaylistResult = { ok: true; playlist: PlaylistRecord } | { ok: false; errors: UserError[] };

/** An item as a viewer sees it: its video when they may watch it, else null ("unavailable": private, deleted, not ready). */
export interface ViewedItem {
  item: PlaylistItemRecord;
  video: VideoEntity | null;
}

/** The highest explicit episode / track number. */
export const EPISODE_NUMBER_MAX = 1_000_000;

const notFound = (field = 'playlistId') => UserError.of(field, 'No such playlist.', 'NOT_FOUND');

/**
 * Playlists: the owner's own (PUBLIC, UNLISTED or PRIVATE) and the built-in "Watch later" (PRIVATE,
 * made on first use, never renamed or deleted). Item edits run in one transaction holding the
 * playlist's row, so positions stay 0..n-1 and the count exact whatever runs at the same time.
 */
@Injectable()
export class PlaylistsService {
  constructor(
    private readonly playlists: PlaylistsRepository,
    private readonly videos: VideosService,
    private readonly db: Database,
    private readonly covers: CoverStore,
  ) {}

  /** Whether `viewer` may see the playlist: PUBLIC and UNLISTED (by id) to anyone, PRIVATE to its owner only. */
  static canSee(p: PlaylistRecord, viewer: AuthUser | null | undefined): boolean {
    return p.visibility !== 'PRIVATE' || viewer?.id === p.ownerId;
  }

  async find(id: string, viewer: AuthUser | null): Promise<PlaylistRecord | null> {
    const p = await this.playlists.findById(id);
    return p && PlaylistsService.canSee(p, viewer) ? p : null;
  }

  /** The viewer's Watch later, made on first use (two first uses at once make one). */
  async watchLater(viewer: AuthUser): Promise<PlaylistRecord> {
    const found = await this.playlists.findSystem(viewer.id, WATCH_LATER);
    if (found) return found;
    const now = new Date();
    const p: PlaylistRecord = {
      id: randomUUID(),
      ownerId: viewer.id,
      systemKind: WATCH_LATER,
      title: WATCH_LATER_TITLE,
      description: '',
      visibility: 'PRIVATE',
      kind: 'PLAYLIST',
      show: null,
      itemCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.playlists.insert(p);
      return p;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await this.playlists.findSystem(viewer.id, WATCH_LATER))!;
    }
  }

  /** The viewer's own playlists, Watch later first (made if missing). */
  async mine(viewer: AuthUser): Promise<PlaylistRecord[]> {
    await this.watchLater(viewer);
    return this.playlists.listByOwner(viewer.id, false);
  }

  /** Someone's playlists as `viewer` may list them: all for the owner, PUBLIC ones for everyone else (a channel's Playlists tab). */
  playlistsOf(ownerId: string, viewer: AuthUser | null): Promise<PlaylistRecord[]> {
    return this.playlists.listByOwner(ownerId, viewer?.id !== ownerId);
  }

  /** Which of the viewer's playlists hold the video (the save button's ticks). */
  idsHolding(viewer: AuthUser, videoId: string): Promise<string[]> {
    return this.playlists.idsHolding(viewer.id, videoId);
  }

  async create(viewer: AuthUser, details: PlaylistDetails & KindDetails & { videoId?: string | null }): Promise<PlaylistResult> {
    const clean = cleanDetails(details, true);
    if (!clean.ok) return clean;
    const kinded = cleanKind(details, 'PLAYLIST', null);
    if (!kinded.ok) return kinded;
    if (details.videoId) {
      const video = await this.videos.findById(details.videoId);
      if (!video || !canView(video, viewer)) return { ok: false, errors: [UserError.of('videoId', 'No such video.', 'NOT_FOUND')] };
    }
    // The owner's Watch later row is their lock: creates of one account run one at a time, so the limit holds.
    const lockRow = await this.watchLater(viewer);
    const now = new Date();
    const p: PlaylistRecord = {
      id: randomUUID(),
      ownerId: viewer.id,
      systemKind: null,
      title: clean.value.title!,
      description: clean.value.description ?? '',
      visibility: clean.value.visibility ?? 'PRIVATE',
      kind: kinded.kind,
      show: kinded.show,
      itemCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.db.transaction(async () => {
      await this.playlists.lock(lockRow.id);
      if ((await this.playlists.countOwned(viewer.id)) >= PLAYLISTS_MAX) return false;
      await this.playlists.insert(p);
      return true;
    });
    if (!created) {
      return {
        ok: false,
        errors: [UserError.of('title', `You have ${PLAYLISTS_MAX} playlists, the most one account may have.`, 'PLAYLIST_LIMIT')],
      };
    }
    if (details.videoId) return this.add(viewer, p.id, details.videoId);
    return { ok: true, playlist: p };
  }

  async update(viewer: AuthUser, id: string, details: PlaylistDetails & KindDetails): Promise<PlaylistResult> {
    const owned = await this.owned(viewer, id);
    if (!owned.ok) return owned;
    const p = owned.playlist;
    if (p.systemKind) {
      return {
        ok: false,
        errors: [UserError.of('playlistId', `"${p.title}" is built in: it cannot be renamed or shared.`, 'BUILT_IN_PLAYLIST')],
      };
    }
    const clean = cleanDetails(details, false);
    if (!clean.ok) return clean;
    const kinded = cleanKind(details, p.kind, p.show);
    if (!kinded.ok) return kinded;
    const next = { ...p, ...clean.value, kind: kinded.kind, show: kinded.show, updatedAt: new Date() };
    await this.playlists.updateDetails(id, next);
    return { ok: true, playlist: next };
  }

  async delete(viewer: AuthUser, id: string): Promise<{ ok: true } | { ok: false; errors: UserError[] }> {
    const owned = await this.owned(viewer, id);
    if (!owned.ok) return owned;
    if (owned.playlist.systemKind) {
      return {
        ok: false,
        errors: [UserError.of('playlistId', `"${owned.playlist.title}" is built in: it cannot be deleted.`, 'BUILT_IN_PLAYLIST')],
      };
    }
    await this.playlists.delete(id);
    await this.covers.remove(owned.playlist.coverKey ?? null);
    return { ok: true };
  }

  /** Appends the video (a video already there stays where it is). The viewer must own the playlist and be able to watch the video. */
  async add(viewer: AuthUser, playlistId: string, videoId: string): Promise<PlaylistResult> {
    const owned = await this.owned(viewer, playlistId);
    if (!owned.ok) return owned;
    const video = await this.videos.findById(videoId);
    if (!video || !canView(video, viewer)) return { ok: false, errors: [UserError.of('videoId', 'No such video.', 'NOT_FOUND')] };
    return this.editItems(playlistId, async (p, now) => {
      if (await this.playlists.findItem(p.id, videoId)) return p;
      if (p.itemCount >= ITEMS_MAX) {
        return [UserError.of('playlistId', `This playlist is full (${ITEMS_MAX.toLocaleString('en-US')} videos).`, 'PLAYLIST_FULL')];
      }
      await this.playlists.insertItem({ playlistId: p.id, videoId, position: p.itemCount, addedAt: now });
      return { ...p, itemCount: p.itemCount + 1 };
    });
  }

  /** Takes the video out (nothing to do when it is not there); the items after it move up one. */
  async remove(viewer: AuthUser, playlistId: string, videoId: string): Promise<PlaylistResult> {
    const owned = await this.owned(viewer, playlistId);
    if (!owned.ok) return owned;
    return this.editItems(playlistId, async (p) => {
      const item = await this.playlists.findItem(p.id, videoId);
      if (!item) return p;
      await this.playlists.deleteItem(p.id, videoId);
      await this.playlists.shift(p.id, item.position + 1, p.itemCount - 1, -1);
      return { ...p, itemCount: p.itemCount - 1 };
    });
  }

  /** Moves the video to `position` (0 = first); the items between move by one. */
  async move(viewer: AuthUser, playlistId: string, videoId: string, position: number): Promise<PlaylistResult> {
    const owned = await this.owned(viewer, playlistId);
    if (!owned.ok) return owned;
    if (!Number.isInteger(position) || position < 0) {
      return { ok: false, errors: [UserError.of('position', 'The position must be a whole number, 0 or more.', 'BAD_POSITION')] };
    }
    return this.editItems(playlistId, async (p) => {
      const item = await this.playlists.findItem(p.id, videoId);
      if (!item) return [UserError.of('videoId', 'That video is not in this playlist.', 'NOT_IN_PLAYLIST')];
      if (position >= p.itemCount) {
        return [UserError.of('position', `The position must be from 0 to ${p.itemCount - 1}.`, 'BAD_POSITION')];
      }
      if (position === item.position) return p;
      if (position < item.position) await this.playlists.shift(p.id, position, item.position - 1, 1);
      else await this.playlists.shift(p.id, item.position + 1, position, -1);
      await this.playlists.setPosition(p.id, videoId, position);
      return { ...p };
    });
  }

  /**
   * Sets an item's explicit episode (SHOW) or track (ALBUM) number, 1..EPISODE_NUMBER_MAX; null goes
   * back to its position + 1. A plain playlist has no numbers (NOT_NUMBERED).
   */
  async setNumber(viewer: AuthUser, playlistId: string, videoId: string, n: number | null): Promise<PlaylistResult> {
    const owned = await this.owned(viewer, playlistId);
    if (!owned.ok) return owned;
    if (owned.playlist.kind === 'PLAYLIST') {
      return { ok: false, errors: [UserError.of('playlistId', 'Only an album or a show numbers its items.', 'NOT_NUMBERED')] };
    }
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > EPISODE_NUMBER_MAX)) {
      return {
        ok: false,
        errors: [
          UserError.of(
            'number',
            `The number must be a whole number from 1 to ${EPISODE_NUMBER_MAX.toLocaleString('en-US')}.`,
            'BAD_NUMBER',
          ),
        ],
      };
    }
    return this.editItems(playlistId, async (p, now) => {
      if (!(await this.playlists.findItem(p.id, videoId)))
        return [UserError.of('videoId', 'That video is not in this playlist.', 'NOT_IN_PLAYLIST')];
      await this.playlists.setEpisodeNumber(p.id, videoId, n);
      return { ...p, updatedAt: now };
    });
  }

  /** A page of items in order, each with its video when `viewer` may watch it. */
  async items(
    p: PlaylistRecord,
    viewer: AuthUser | null,
    first: number,
    afterPosition: number,
  ): Promise<{ items: ViewedItem[]; hasNextPage: boolean }> {
    const rows = await this.playlists.items(p.id, first + 1, afterPosition);
    const page = rows.slice(0, first);
    const videos = new Map((await this.videos.findByIds(page.map((r) => r.videoId))).map((v) => [v.id, v]));
    const items = page.map((item) => {
      const video = videos.get(item.videoId);
      return { item, video: video && canView(video, viewer) && video.status === 'READY' ? video : null };
    });
    return { items, hasNextPage: rows.length > first };
  }

  /** The playlist when `viewer` owns it; NOT_FOUND when they may not see it, FORBIDDEN when they may but it is not theirs. */
  async owned(viewer: AuthUser, id: string): Promise<PlaylistResult> {
    const p = await this.playlists.findById(id);
    if (!p || !PlaylistsService.canSee(p, viewer)) return { ok: false, errors: [notFound()] };
    if (p.ownerId !== viewer.id)
      return { ok: false, errors: [UserError.of('playlistId', 'Only its owner can change this playlist.', 'FORBIDDEN')] };
    return { ok: true, playlist: p };
  }

  /** Runs an item edit in one transaction on the locked playlist row, then writes the new count. */
  private async editItems(
    id: string,
    edit: (p: PlaylistRecord, now: Date) => Promise<PlaylistRecord | UserError[]>,
  ): Promise<PlaylistResult> {
    return this.db.transaction(async (): Promise<PlaylistResult> => {
      const locked = await this.playlists.lock(id);
      if (!locked) return { ok: false, errors: [notFound()] };
      const now = new Date();
      const next = await edit(locked, now);
      if (Array.isArray(next)) return { ok: false, errors: next };
      if (next !== locked) {
        await this.playlists.setItemCount(id, next.itemCount, now);
        return { ok: true, playlist: { ...next, updatedAt: now } };
      }
      return { ok: true, playlist: locked };
    });
  }
}

/**
 * The kind (checked against PLAYLIST/ALBUM/SHOW) and the show's podcast fields merged over what the
 * playlist had (a new show starts from DEFAULT_SHOW). Podcast fields for a playlist that is not a
 * show are refused, so an owner never sets fields that do nothing.
 */
function cleanKind(
  d: KindDetails,
  kind: PlaylistKind,
  show: ShowMeta | null,
): { ok: true; kind: PlaylistKind; show: ShowMeta | null } | { ok: false; errors: UserError[] } {
  let nextKind = kind;
  if (d.kind != null) {
    if (!PLAYLIST_KINDS.includes(d.kind as PlaylistKind)) {
      return { ok: false, errors: [UserError.of('kind', `The kind must be one of ${PLAYLIST_KINDS.join(', ')}.`, 'KIND_INVALID')] };
    }
    nextKind = d.kind as PlaylistKind;
  }
  if (nextKind !== 'SHOW') {
    if (d.show) return { ok: false, errors: [UserError.of('show', 'Podcast fields are for a SHOW only.', 'NOT_A_SHOW')] };
    return { ok: true, kind: nextKind, show };
  }
  const merged = cleanShow(d.show ?? {}, show ?? DEFAULT_SHOW);
  return merged.ok ? { ok: true, kind: nextKind, show: merged.value } : merged;
}
