import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/** The Cloudcoin ledger: accounts, journal entries with their postings, and two-phase holds. */
export class Ledger1732700000000 implements MigrationInterface {
  name = 'Ledger1732700000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'ledger_accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'owner_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'currency', type: 'varchar', length: '8' },
          { name: 'balance', type: 'bigint' },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    // One account of a kind per owner: the unique index decides when two requests open it at once.
    await q.createIndex(
      'ledger_accounts',
      new TableIndex({ name: 'idx_ledger_accounts_owner', columnNames: ['kind', 'owner_id'], isUnique: true }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_entries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'idempotency_key', type: 'varchar', length: '200' },
          { name: 'payload_hash', type: 'varchar', length: '64' },
          { name: 'memo', type: 'text', isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'ledger_entries',
      new TableIndex({ name: 'idx_ledger_entries_key', columnNames: ['idempotency_key'], isUnique: true }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_postings',
        columns: [
          { name: 'entry_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'amount', type: 'bigint' },
        ],
        foreignKeys: [
          { columnNames: ['entry_id'], referencedTableName: 'ledger_entries', referencedColumnNames: ['id'] },
          { columnNames: ['account_id'], referencedTableName: 'ledger_accounts', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('ledger_postings', new TableIndex({ name: 'idx_ledger_postings_account', columnNames: ['account_id'] }));
    await q.createTable(
      new Table({
        name: 'ledger_holds',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'source_account_id', type: 'varchar', length: '36' },
          { name: 'amount', type: 'bigint' },
          { name: 'paid_out', type: 'bigint' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'place_entry_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: t.timestamp },
          { name: 'closed_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['account_id'], referencedTableName: 'ledger_accounts', referencedColumnNames: ['id'] },
          { columnNames: ['source_account_id'], referencedTableName: 'ledger_accounts', referencedColumnNames: ['id'] },
          { columnNames: ['place_entry_id'], referencedTableName: 'ledger_entries', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('ledger_holds', new TableIndex({ name: 'idx_ledger_holds_account', columnNames: ['account_id'], isUnique: true }));
    await q.createIndex(
      'ledger_holds',
      new TableIndex({ name: 'idx_ledger_holds_place_entry', columnNames: ['place_entry_id'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('ledger_holds');
    await q.dropTable('ledger_postings');
    await q.dropTable('ledger_entries');
    await q.dropTable('ledger_accounts');
  }
}
