import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

const COUNTERS = ['view_count', 'like_count', 'dislike_count'];

/**
 * Views, likes and dislikes (libs/engagement; issue 13).
 *
 * - `videos.view_count`, `like_count`, `dislike_count` (BIGINT, 0): the counts cards, the watch
 *   page, search's VIEWS order and "most viewed" read without counting rows; changed only by
 *   engagement's statements, in the transaction of the row that counts.
 * - `video_view_marks` (video, viewer) → when that viewer's last view was counted: the unique key
 *   that makes "once per viewer per video per 24 h" hold under concurrent heartbeats (a conditional
 *   upsert: counted only when the mark is older than the window).
 * - `video_views`: one row per counted view (trending: views in the last 48 h).
 * - `video_ratings`: one LIKE or DISLIKE per account and video.
 *
 * The columns are added with plain `ALTER TABLE … ADD COLUMN` (a constant default), which SQLite
 * does in place: `videos` is not re-created, so the search triggers on it stay (nothing to
 * re-install; the search repository checks them at start). `down` drops them the same way
 * (SQLite ≥ 3.35), again without re-creating the table.
 */
export class Engagement1733410000000 implements MigrationInterface {
  name = 'Engagement1733410000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    for (const c of COUNTERS) await q.query(`ALTER TABLE videos ADD COLUMN ${c} bigint NOT NULL DEFAULT 0`);
    const video = { columnNames: ['video_id'], referencedTableName: 'videos', referencedColumnNames: ['id'], onDelete: 'CASCADE' };
    await q.createTable(
      new Table({
        name: 'video_view_marks',
        columns: [
          { name: 'video_id', type: 'varchar', length: '36', isPrimary: true },
          // The account id, or the anonymous playback session's viewer key (a hash of the address).
          { name: 'viewer_key', type: 'varchar', length: '80', isPrimary: true },
          { name: 'counted_at', type: t.timestamp },
        ],
        foreignKeys: [video],
      }),
    );
    await q.createTable(
      new Table({
        name: 'video_views',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'viewer_key', type: 'varchar', length: '80' },
          { name: 'viewer_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'session_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'viewed_at', type: t.timestamp },
        ],
        foreignKeys: [video],
      }),
    );
    await q.createIndex('video_views', new TableIndex({ name: 'idx_video_views_time', columnNames: ['viewed_at', 'video_id'] }));
    await q.createIndex('video_views', new TableIndex({ name: 'idx_video_views_video', columnNames: ['video_id', 'viewed_at'] }));
    await q.createTable(
      new Table({
        name: 'video_ratings',
        columns: [
          { name: 'video_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'rating', type: 'varchar', length: '8' },
          { name: 'rated_at', type: t.timestamp },
        ],
        foreignKeys: [video],
      }),
    );
    await q.createIndex('video_ratings', new TableIndex({ name: 'idx_video_ratings_user', columnNames: ['user_id', 'rated_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('video_ratings');
    await q.dropTable('video_views');
    await q.dropTable('video_view_marks');
    for (const c of COUNTERS) await q.query(`ALTER TABLE videos DROP COLUMN ${c}`);
  }
}
