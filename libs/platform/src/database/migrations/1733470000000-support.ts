import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * Pay as you listen (libs/support; issue 14).
 *
 * - `support_settings` (listener, creator): on/off, Cloudcoin per minute played, the daily ceiling.
 * - `support_splits` (creator, recipient): the creator's split of what supporters pay, whole percent
 *   summing to 100 (no rows: all to the creator).
 * - `support_sessions`: one per playback session with support on: its ledger hold, the rate, the
 *   attended playback it has paid for and what it paid; OPEN until released.
 * - `support_days` (listener, creator, UTC day): what that day's holds committed (placed minus the
 *   rest given back), the row the daily ceiling is checked under (locked at each session start).
 */
export class Support1733470000000 implements MigrationInterface {
  name = 'Support1733470000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    const user = (column: string) => ({
      columnNames: [column],
      referencedTableName: 'users',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await q.createTable(
      new Table({
        name: 'support_settings',
        columns: [
          { name: 'listener_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'creator_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'enabled', type: 'integer' },
          { name: 'per_minute', type: 'bigint' },
          { name: 'daily_ceiling', type: 'bigint' },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [user('listener_id'), user('creator_id')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'support_splits',
        columns: [
          { name: 'creator_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'recipient_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'percent', type: 'integer' },
          { name: 'position', type: 'integer' },
        ],
        foreignKeys: [user('creator_id'), user('recipient_id')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'support_sessions',
        columns: [
          { name: 'session_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'listener_id', type: 'varchar', length: '36' },
          { name: 'creator_id', type: 'varchar', length: '36' },
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'hold_id', type: 'varchar', length: '36' },
          { name: 'per_minute', type: 'bigint' },
          { name: 'held', type: 'bigint' },
          // Attended playback before support began (turned on mid-session): not paid for.
          { name: 'base_ms', type: 'bigint', default: 0 },
          { name: 'attended_ms', type: 'bigint', default: 0 },
          { name: 'paid', type: 'bigint', default: 0 },
          { name: 'status', type: 'varchar', length: '8' },
          { name: 'started_at', type: t.timestamp },
          { name: 'last_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'closed_at', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex('support_sessions', new TableIndex({ name: 'idx_support_sessions_open', columnNames: ['status', 'last_at'] }));
    await q.createIndex('support_sessions', new TableIndex({ name: 'idx_support_sessions_listener', columnNames: ['listener_id', 'day'] }));
    await q.createIndex('support_sessions', new TableIndex({ name: 'idx_support_sessions_creator', columnNames: ['creator_id', 'day'] }));
    await q.createTable(
      new Table({
        name: 'support_days',
        columns: [
          { name: 'listener_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'creator_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'committed', type: 'bigint', default: 0 },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('support_days');
    await q.dropTable('support_sessions');
    await q.dropTable('support_splits');
    await q.dropTable('support_settings');
  }
}
