import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/** Seeder nodes: which account each seeder's Ed25519 key (its platform peer id) belongs to. */
export class SeederNodes1732600000000 implements MigrationInterface {
  name = 'SeederNodes1732600000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'seeder_nodes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'varchar', length: '36' },
          // base64url of the raw 32-byte key: 43 characters.
          { name: 'public_key', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'created_at', type: t.timestamp },
          { name: 'last_seen_at', type: t.timestamp },
        ],
        foreignKeys: [{ columnNames: ['owner_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    // One account per key: the unique index decides when two accounts race for one key.
    await q.createIndex(
      'seeder_nodes',
      new TableIndex({ name: 'idx_seeder_nodes_public_key', columnNames: ['public_key'], isUnique: true }),
    );
    await q.createIndex('seeder_nodes', new TableIndex({ name: 'idx_seeder_nodes_owner', columnNames: ['owner_id', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('seeder_nodes');
  }
}
