import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/** Every admin mint (who, to whom, how much, when, key, memo), written in the mint's own transaction. */
export class MintAudit1733310000000 implements MigrationInterface {
  name = 'MintAudit1733310000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'payment_mints',
        columns: [
          { name: 'entry_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'admin_user_id', type: 'varchar', length: '36' },
          // The recipient account's owner; NULL for the bandwidth pool.
          { name: 'to_user_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'to_account_kind', type: 'varchar', length: '32' },
          { name: 'amount', type: 'bigint' },
          { name: 'idempotency_key', type: 'varchar', length: '200' },
          { name: 'memo', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex('payment_mints', new TableIndex({ name: 'idx_payment_mints_created', columnNames: ['created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('payment_mints');
  }
}
