import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The category a creator files a video under (one of catalog's VIDEO_CATEGORIES; NULL: none). */
export class VideoCategory1733200000000 implements MigrationInterface {
  name = 'VideoCategory1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('videos', new TableColumn({ name: 'category', type: 'varchar', length: '40', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('videos', 'category');
  }
}
