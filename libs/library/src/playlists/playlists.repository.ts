import { Injectable } from '@nestjs/common';
import { Database, Row, toDate } from '@wetube/platform';
import type { PlaylistKind, ShowMeta } from './show.rules';

export type PlaylistVisibility = 'PUBLIC' | 'UNLISTED' | 'PRIVATE';

/** The built-in playlists (one of each per account at most). */
export const WATCH_LATER = 'WATCH_LATER';

/** One playlist row. */
export interface PlaylistRecord {
  id: string;
  ownerId: string;
  /** 'WATCH_LATER' for the built-in list, null for the owner's own. */
  systemKind: string | null;
  title: string;
  description: string;
  visibility: PlaylistVisibility;
  /** PLAYLIST, ALBUM or SHOW (a podcast). */
  kind: PlaylistKind;
  /** The podcast fields: set for a SHOW (kept when it stops being one, so turning it back restores them). */
  show: ShowMeta | null;
  itemCount: number;
  /** An album's or show's own artwork (`covers/<key>.jpg`, see CoverStore); null: its first item's picture. */
  coverKey?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One entry of a playlist: a video at a position (0..itemCount-1, dense). */
export interface PlaylistItemRecord {
  playlistId: string;
  videoId: string;
  position: number;
  addedAt: Date;
  /** An explicit episode / track number; null: position + 1. */
  episodeNumber?: number | null;
}

function toPlaylist(r: Row): PlaylistRecord {
  return {
    id: String(r.id),
    ownerId: String(r.owner_id),
    systemKind: r.system_kind == null ? null : String(r.system_kind),
    title: String(r.title),
    description: String(r.description ?? ''),
    visibility: String(r.visibility) as PlaylistVisibility,
    kind: (r.kind == null ? 'PLAYLIST' : String(r.kind)) as PlaylistKind,
    show: r.show_meta == null ? null : (JSON.parse(String(r.show_meta)) as ShowMeta),
    itemCount: Number(r.item_count),
    coverKey: r.cover_key == null ? null : String(r.cover_key),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

function toItem(r: Row): PlaylistItemRecord {
  return {
    playlistId: String(r.playlist_id),
    videoId: String(r.video_id),
    position: Number(r.position),
    addedAt: toDate(r.added_at),
    episodeNumber: r.episode_number == null ? null : Number(r.episode_number),
  };
}

/**
 * The playlists and playlist_items tables. Item writes run inside the service's transaction after
 * {@link lock} (the playlist row FOR UPDATE on PostgreSQL; SQLite's transaction holds the write lock),
 * so positions stay dense and item_count exact under concurrent edits.
 */
@Injectable()
export class PlaylistsRepository {
  constructor(private readonly db: Database) {}

  async insert(p: PlaylistRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO playlists (id, owner_id, system_kind, title, description, visibility, kind, show_meta, item_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id,
        p.ownerId,
        p.systemKind,
        p.title,
        p.description,
        p.visibility,
        p.kind,
        p.show ? JSON.stringify(p.show) : null,
        p.itemCount,
        this.db.dialect.time(p.createdAt),
        this.db.dialect.time(p.updatedAt),
      ],
    );
  }

  async findById(id: string): Promise<PlaylistRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM playlists WHERE id = ?`, [id]);
    return r ? toPlaylist(r) : null;
  }

  async findSystem(ownerId: string, kind: string): Promise<PlaylistRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM playlists WHERE owner_id = ? AND system_kind = ?`, [ownerId, kind]);
    return r ? toPlaylist(r) : null;
  }

  /** The playlist row, locked until the transaction ends (PostgreSQL); null when it is gone. */
  async lock(id: string): Promise<PlaylistRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM playlists WHERE id = ?${this.db.dialect.forUpdate}`, [id]);
    return r ? toPlaylist(r) : null;
  }

  /** The owner's playlists: the built-in ones first, then newest first. `publicOnly`: what others may list. */
  async listByOwner(ownerId: string, publicOnly: boolean): Promise<PlaylistRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM playlists WHERE owner_id = ?${publicOnly ? ` AND visibility = 'PUBLIC'` : ''}
       ORDER BY CASE WHEN system_kind IS NULL THEN 1 ELSE 0 END, created_at DESC, id DESC`,
      [ownerId],
    );
    return rows.map(toPlaylist);
  }

  /** How many playlists of their own (not built-in) the owner has. */
  async countOwned(ownerId: string): Promise<number> {
    const [r] = await this.db.query(`SELECT COUNT(*) AS n FROM playlists WHERE owner_id = ? AND system_kind IS NULL`, [ownerId]);
    return Number(r.n);
  }

  async updateDetails(
    id: string,
    d: Pick<PlaylistRecord, 'title' | 'description' | 'visibility' | 'kind' | 'show' | 'updatedAt'>,
  ): Promise<void> {
    await this.db.query(
      `UPDATE playlists SET title = ?, description = ?, visibility = ?, kind = ?, show_meta = ?, updated_at = ? WHERE id = ?`,
      [d.title, d.description, d.visibility, d.kind, d.show ? JSON.stringify(d.show) : null, this.db.dialect.time(d.updatedAt), id],
    );
  }

  async setCover(id: string, coverKey: string | null, updatedAt: Date): Promise<void> {
    await this.db.query(`UPDATE playlists SET cover_key = ?, updated_at = ? WHERE id = ?`, [coverKey, this.db.dialect.time(updatedAt), id]);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM playlists WHERE id = ?`, [id]);
  }

  async setItemCount(id: string, itemCount: number, updatedAt: Date): Promise<void> {
    await this.db.query(`UPDATE playlists SET item_count = ?, updated_at = ? WHERE id = ?`, [
      itemCount,
      this.db.dialect.time(updatedAt),
      id,
    ]);
  }

  async findItem(playlistId: string, videoId: string): Promise<PlaylistItemRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM playlist_items WHERE playlist_id = ? AND video_id = ?`, [playlistId, videoId]);
    return r ? toItem(r) : null;
  }

  async insertItem(item: PlaylistItemRecord): Promise<void> {
    await this.db.query(`INSERT INTO playlist_items (playlist_id, video_id, position, added_at) VALUES (?, ?, ?, ?)`, [
      item.playlistId,
      item.videoId,
      item.position,
      this.db.dialect.time(item.addedAt),
    ]);
  }

  async deleteItem(playlistId: string, videoId: string): Promise<void> {
    await this.db.query(`DELETE FROM playlist_items WHERE playlist_id = ? AND video_id = ?`, [playlistId, videoId]);
  }

  /** Adds `delta` to the positions from `from` to `to` (inclusive) of one playlist. */
  async shift(playlistId: string, from: number, to: number, delta: number): Promise<void> {
    if (from > to) return;
    await this.db.query(`UPDATE playlist_items SET position = position + ? WHERE playlist_id = ? AND position >= ? AND position <= ?`, [
      delta,
      playlistId,
      from,
      to,
    ]);
  }

  async setEpisodeNumber(playlistId: string, videoId: string, n: number | null): Promise<void> {
    await this.db.query(`UPDATE playlist_items SET episode_number = ? WHERE playlist_id = ? AND video_id = ?`, [n, playlistId, videoId]);
  }

  async setPosition(playlistId: string, videoId: string, position: number): Promise<void> {
    await this.db.query(`UPDATE playlist_items SET position = ? WHERE playlist_id = ? AND video_id = ?`, [position, playlistId, videoId]);
  }

  /** Items in order, `limit` of them after position `afterPosition` (-1: from the start). */
  async items(playlistId: string, limit: number, afterPosition = -1): Promise<PlaylistItemRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM playlist_items WHERE playlist_id = ? AND position > ? ORDER BY position ASC, video_id ASC LIMIT ?`,
      [playlistId, afterPosition, limit],
    );
    return rows.map(toItem);
  }

  /** Which of the owner's playlists hold the video. */
  async idsHolding(ownerId: string, videoId: string): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT p.id FROM playlists p JOIN playlist_items i ON i.playlist_id = p.id WHERE p.owner_id = ? AND i.video_id = ? ORDER BY p.id`,
      [ownerId, videoId],
    );
    return rows.map((r) => String(r.id));
  }
}
