import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/** Users and videos. Written with TypeORM's Table API so one migration serves SQLite and PostgreSQL. */
export class InitialSchema1732400000000 implements MigrationInterface {
  name = 'InitialSchema1732400000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'display_name', type: 'varchar', length: '80' },
          { name: 'roles', type: 'varchar', length: '100' },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'videos',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'varchar', length: '36' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', default: "''" },
          { name: 'tags', type: 'text', default: "'[]'" },
          { name: 'visibility', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress', type: 'integer', default: 0 },
          { name: 'failure_reason', type: 'text', isNullable: true },
          { name: 'duration_ms', type: 'integer', isNullable: true },
          { name: 'width', type: 'integer', isNullable: true },
          { name: 'height', type: 'integer', isNullable: true },
          { name: 'source_name', type: 'varchar', length: '255', isNullable: true },
          { name: 'source_bytes', type: 'bigint', isNullable: true },
          { name: 'upload_id', type: 'varchar', length: '128', isNullable: true, isUnique: true },
          { name: 'renditions', type: 'text', default: "'[]'" },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
          { name: 'ready_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['owner_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createIndex('videos', new TableIndex({ name: 'idx_videos_listing', columnNames: ['status', 'visibility', 'created_at'] }));
    await q.createIndex('videos', new TableIndex({ name: 'idx_videos_owner', columnNames: ['owner_id', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('videos');
    await q.dropTable('users');
  }
}
