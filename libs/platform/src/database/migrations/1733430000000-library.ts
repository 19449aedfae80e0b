import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * The viewer's library (libs/library): watch history (where each video was left, per account),
 * whether an account paused its history, playlists (Watch later among them) and their items in a
 * dense 0..n-1 order.
 */
export class Library1733430000000 implements MigrationInterface {
  name = 'Library1733430000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    const byUser = { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' };
    await q.createTable(
      new Table({
        name: 'watch_history',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'video_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position_sec', type: 'real' },
          { name: 'finished', type: 'boolean' },
          { name: 'watched_at', type: t.timestamp },
        ],
        foreignKeys: [
          byUser,
          { columnNames: ['video_id'], referencedTableName: 'videos', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createIndex('watch_history', new TableIndex({ name: 'idx_watch_history_user_time', columnNames: ['user_id', 'watched_at'] }));
    await q.createIndex('watch_history', new TableIndex({ name: 'idx_watch_history_video', columnNames: ['video_id'] }));

    await q.createTable(
      new Table({
        name: 'history_settings',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'paused', type: 'boolean' },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [byUser],
      }),
    );

    await q.createTable(
      new Table({
        name: 'playlists',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'varchar', length: '36' },
          // 'WATCH_LATER' for the built-in one (one per owner: the unique index below), NULL for the rest.
          { name: 'system_kind', type: 'varchar', length: '16', isNullable: true },
          { name: 'title', type: 'varchar', length: '150' },
          { name: 'description', type: 'text' },
          { name: 'visibility', type: 'varchar', length: '16' },
          // Kept in the same transaction as the items (the 5,000 limit and positions read it).
          { name: 'item_count', type: 'integer', default: 0 },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [{ ...byUser, columnNames: ['owner_id'] }],
      }),
    );
    await q.createIndex('playlists', new TableIndex({ name: 'idx_playlists_owner', columnNames: ['owner_id', 'created_at'] }));
    await q.createIndex(
      'playlists',
      new TableIndex({ name: 'idx_playlists_owner_system', columnNames: ['owner_id', 'system_kind'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'playlist_items',
        columns: [
          { name: 'playlist_id', type: 'varchar', length: '36', isPrimary: true },
          // No foreign key to videos: a deleted video stays in the list as "unavailable" (the order stays dense).
          { name: 'video_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position', type: 'integer' },
          { name: 'added_at', type: t.timestamp },
        ],
        foreignKeys: [
          { columnNames: ['playlist_id'], referencedTableName: 'playlists', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createIndex('playlist_items', new TableIndex({ name: 'idx_playlist_items_order', columnNames: ['playlist_id', 'position'] }));
    await q.createIndex('playlist_items', new TableIndex({ name: 'idx_playlist_items_video', columnNames: ['video_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('playlist_items');
    await q.dropTable('playlists');
    await q.dropTable('history_settings');
    await q.dropTable('watch_history');
  }
}
