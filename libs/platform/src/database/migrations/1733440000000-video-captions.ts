import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * Caption tracks of a video, one per language: the checked WebVTT text (SRT uploads converted) is
 * the source the published subtitle renditions are made from. `revision` names the published folder
 * (`captions/<language>.<revision>/`), so a replaced track gets new URLs.
 */
export class VideoCaptions1733440000000 implements MigrationInterface {
  name = 'VideoCaptions1733440000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'video_captions',
        columns: [
          { name: 'video_id', type: 'varchar', length: '36', isPrimary: true },
          // Canonical BCP 47 (at most 35 characters).
          { name: 'language', type: 'varchar', length: '35', isPrimary: true },
          { name: 'label', type: 'varchar', length: '120' },
          { name: 'vtt', type: 'text' },
          { name: 'source_format', type: 'varchar', length: '8' },
          { name: 'cue_count', type: 'integer' },
          { name: 'revision', type: 'varchar', length: '16' },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        // The primary key (video_id, language) is also the index of a video's tracks.
        foreignKeys: [{ columnNames: ['video_id'], referencedTableName: 'videos', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('video_captions');
  }
}
