import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded covers (issue 14): `videos.cover_key` (an audio item's cover or a video's thumbnail the
 * creator uploaded; NULL: the one the transcode made, poster.jpg) and `playlists.cover_key` (an
 * album's or show's own artwork; NULL: its first item's picture). The key names the stored JPEG
 * (`<storage>/covers/<key>.jpg`). Plain `ALTER TABLE ADD/DROP COLUMN` on both databases (no
 * trigger or index names these columns).
 */
export class Covers1733490000000 implements MigrationInterface {
  name = 'Covers1733490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE videos ADD COLUMN cover_key varchar(64)');
    await q.query('ALTER TABLE playlists ADD COLUMN cover_key varchar(64)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE playlists DROP COLUMN cover_key');
    await q.query('ALTER TABLE videos DROP COLUMN cover_key');
  }
}
