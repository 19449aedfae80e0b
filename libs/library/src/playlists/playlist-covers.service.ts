import { Injectable } from '@nestjs/common';
import { CoverStore } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { UserError } from '@wetube/platform';
import { PlaylistsRepository } from './playlists.repository';
import { PlaylistResult, PlaylistsService } from './playlists.service';

/**
 * An album's or show's own artwork (`playlists.cover_key`): shown for the playlist and, for a show,
 * the feed's channel image (podcast apps' show artwork); without it both use the first item's
 * picture. A plain playlist has none of its own (as on YouTube, its first video's picture).
 */
@Injectable()
export class PlaylistCoversService {
  constructor(
    private readonly playlists: PlaylistsService,
    private readonly rows: PlaylistsRepository,
    private readonly store: CoverStore,
  ) {}

  /** Stores the picture as the playlist's artwork. Throws PictureError for a refused picture. */
  async set(viewer: AuthUser, id: string, input: Buffer): Promise<PlaylistResult> {
    const owned = await this.playlists.owned(viewer, id);
    if (!owned.ok) return owned;
    const p = owned.playlist;
    if (p.kind === 'PLAYLIST') {
      return {
        ok: false,
        errors: [
          UserError.of(
            'kind',
            'Only albums and shows have artwork of their own; a playlist shows its first item. Make it an album or a show first.',
            'NOT_ALBUM_OR_SHOW',
          ),
        ],
      };
    }
    const key = await this.store.save(p.id, p.kind, input);
    const now = new Date();
    try {
      await this.rows.setCover(p.id, key, now);
    } catch (err) {
      await this.store.remove(key);
      throw err;
    }
    await this.store.remove(p.coverKey ?? null);
    return { ok: true, playlist: { ...p, coverKey: key, updatedAt: now } };
  }

  /** Removes the uploaded artwork (nothing to do when there is none). */
  async clear(viewer: AuthUser, id: string): Promise<PlaylistResult> {
    const owned = await this.playlists.owned(viewer, id);
    if (!owned.ok || !owned.playlist.coverKey) return owned;
    const now = new Date();
    await this.rows.setCover(id, null, now);
    await this.store.remove(owned.playlist.coverKey);
    return { ok: true, playlist: { ...owned.playlist, coverKey: null, updatedAt: now } };
  }
}
