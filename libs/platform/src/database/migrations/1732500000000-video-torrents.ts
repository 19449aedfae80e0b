import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/** One BitTorrent swarm per rendition of a video: the tracker admits only these infohashes. */
export class VideoTorrents1732500000000 implements MigrationInterface {
  name = 'VideoTorrents1732500000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'video_torrents',
        columns: [
          { name: 'info_hash', type: 'varchar', length: '40', isPrimary: true },
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'rendition', type: 'varchar', length: '32' },
          { name: 'magnet_uri', type: 'text' },
          { name: 'bytes', type: 'bigint' },
          { name: 'created_at', type: t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['video_id'], referencedTableName: 'videos', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createIndex(
      'video_torrents',
      new TableIndex({ name: 'idx_video_torrents_video', columnNames: ['video_id', 'rendition'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('video_torrents');
  }
}
