import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A creator's chosen mid-roll points (JSON array of whole seconds from the start; NULL: the
 * platform's default, a mid-roll every 8 minutes for videos over 10 minutes).
 */
export class VideoMidrolls1733100000000 implements MigrationInterface {
  name = 'VideoMidrolls1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('videos', new TableColumn({ name: 'midrolls', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('videos', 'midrolls');
  }
}
