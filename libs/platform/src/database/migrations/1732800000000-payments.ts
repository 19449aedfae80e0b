import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * What the ledger pays for: playback sessions with their bandwidth holds, receipt high-water marks
 * per (session, peer), viewer-peer pair counters (reward decay), ad-free plans and entitlements,
 * and plan revenue settlements.
 */
export class Payments1732800000000 implements MigrationInterface {
  name = 'Payments1732800000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'payment_sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'creator_id', type: 'varchar', length: '36' },
          { name: 'viewer_id', type: 'varchar', length: '36', isNullable: true },
          // The user id, or 'ip:<hash>' for an anonymous viewer: who the pair decay counts against.
          { name: 'viewer_key', type: 'varchar', length: '80' },
          { name: 'session_public_key', type: 'varchar', length: '64' },
          { name: 'ad_free', type: 'boolean' },
          { name: 'funding', type: 'varchar', length: '16' },
          { name: 'hold_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'budget', type: 'bigint' },
          { name: 'segment_ms', type: 'integer' },
          { name: 'streams', type: 'integer' },
          { name: 'video_segments', type: 'integer' },
          { name: 'started_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'last_seen_at', type: t.timestamp },
          { name: 'ended_at', type: t.timestamp, isNullable: true },
          { name: 'watched_ms', type: 'bigint', default: 0 },
          { name: 'closed_at', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'payment_sessions',
      new TableIndex({ name: 'idx_payment_sessions_key', columnNames: ['session_public_key'], isUnique: true }),
    );
    await q.createIndex(
      'payment_sessions',
      new TableIndex({ name: 'idx_payment_sessions_open', columnNames: ['closed_at', 'last_seen_at'] }),
    );
    await q.createIndex(
      'payment_sessions',
      new TableIndex({ name: 'idx_payment_sessions_adfree', columnNames: ['ad_free', 'started_at'] }),
    );
    await q.createIndex(
      'payment_sessions',
      new TableIndex({ name: 'idx_payment_sessions_viewer', columnNames: ['viewer_id', 'started_at'] }),
    );
    await q.createIndex(
      'payment_sessions',
      new TableIndex({ name: 'idx_payment_sessions_viewer_key', columnNames: ['viewer_key', 'closed_at'] }),
    );
    await q.createTable(
      new Table({
        name: 'payment_receipt_marks',
        columns: [
          { name: 'session_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'peer_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'peer_user_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'bigint' },
          { name: 'segments', type: 'integer' },
          { name: 'bytes', type: 'bigint' },
          { name: 'paid', type: 'bigint' },
          { name: 'updated_at', type: t.timestamp },
        ],
      }),
    );
    // One row per paid receipt: the journal entry of its call, whom it paid and for how many segments (earnings charts).
    await q.createTable(
      new Table({
        name: 'payment_rewards',
        columns: [
          { name: 'entry_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'session_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'peer_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'peer_user_id', type: 'varchar', length: '36' },
          { name: 'segments', type: 'integer' },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'payment_rewards',
      new TableIndex({ name: 'idx_payment_rewards_peer', columnNames: ['peer_user_id', 'created_at'] }),
    );
    await q.createTable(
      new Table({
        name: 'payment_pair_stats',
        columns: [
          { name: 'viewer_key', type: 'varchar', length: '80', isPrimary: true },
          { name: 'peer_user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'window_start', type: t.timestamp },
          { name: 'segments', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payment_plans',
        columns: [
          { name: 'id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'period_days', type: 'integer' },
          { name: 'price', type: 'bigint' },
          { name: 'active', type: 'boolean' },
          { name: 'sort', type: 'integer' },
        ],
      }),
    );
    await q.query(
      `INSERT INTO payment_plans (id, name, period_days, price, active, sort) VALUES ('week', 'Ad-free week', 7, 5000000, ${t.timestamp === 'timestamptz' ? 'true' : '1'}, 1), ('month', 'Ad-free month', 30, 15000000, ${t.timestamp === 'timestamptz' ? 'true' : '1'}, 2)`,
    );
    await q.createTable(
      new Table({
        name: 'payment_entitlements',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'plan_id', type: 'varchar', length: '32' },
          { name: 'entry_id', type: 'varchar', length: '36' },
          { name: 'price', type: 'bigint' },
          { name: 'starts_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'payment_entitlements',
      new TableIndex({ name: 'idx_payment_entitlements_entry', columnNames: ['entry_id'], isUnique: true }),
    );
    await q.createIndex(
      'payment_entitlements',
      new TableIndex({ name: 'idx_payment_entitlements_user', columnNames: ['user_id', 'expires_at'] }),
    );
    await q.createTable(
      new Table({
        name: 'payment_settlements',
        columns: [
          { name: 'period_end', type: t.timestamp, isPrimary: true },
          { name: 'period_start', type: t.timestamp },
          { name: 'entry_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'pool', type: 'bigint' },
          { name: 'to_creators', type: 'bigint' },
          { name: 'watched_ms', type: 'bigint' },
          { name: 'settled_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex('ledger_entries', new TableIndex({ name: 'idx_ledger_entries_created', columnNames: ['created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('ledger_entries', 'idx_ledger_entries_created');
    for (const table of [
      'payment_settlements',
      'payment_entitlements',
      'payment_plans',
      'payment_pair_stats',
      'payment_rewards',
      'payment_receipt_marks',
      'payment_sessions',
    ])
      await q.dropTable(table);
  }
}
