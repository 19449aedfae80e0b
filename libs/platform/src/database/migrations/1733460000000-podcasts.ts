import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Albums and shows (issue 14, podcasts). `playlists.kind` is PLAYLIST (default), ALBUM or SHOW (a
 * podcast); `playlists.show_meta` (JSON text, NULL unless the playlist is or was a show) holds the
 * podcast fields: author, language (BCP 47), iTunes category (and subcategory), explicit, locked.
 * `playlist_items.episode_number` (NULL: the item's position + 1) is an owner's explicit episode or
 * track number. The show's `podcast:guid` is not stored: it is derived from the feed URL (UUIDv5).
 * Plain `ALTER TABLE ADD/DROP COLUMN` on both databases (no trigger names these columns).
 */
export class Podcasts1733460000000 implements MigrationInterface {
  name = 'Podcasts1733460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE playlists ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'PLAYLIST'`);
    await q.query(`ALTER TABLE playlists ADD COLUMN show_meta text`);
    await q.query(`ALTER TABLE playlist_items ADD COLUMN episode_number integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE playlist_items DROP COLUMN episode_number');
    await q.query('ALTER TABLE playlists DROP COLUMN show_meta');
    await q.query('ALTER TABLE playlists DROP COLUMN kind');
  }
}
