import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * The ad server: line items get their running counters (what was charged, what is reserved by
 * served-but-not-yet-seen ads, and the reserved+charged total of the line item's current local day,
 * keyed by the day's start in epoch ms), served impressions (reserved at decision time, charged by
 * their impression beacon, or expired) and beacon events (one row per impression and event).
 */
export class AdServer1733000000000 implements MigrationInterface {
  name = 'AdServer1733000000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.addColumns('ad_line_items', [
      new TableColumn({ name: 'spent', type: 'bigint', default: 0 }),
      new TableColumn({ name: 'reserved', type: 'bigint', default: 0 }),
      new TableColumn({ name: 'day_start_ms', type: 'bigint', default: 0 }),
      new TableColumn({ name: 'day_spent', type: 'bigint', default: 0 }),
    ]);
    await q.createTable(
      new Table({
        name: 'ad_impressions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'line_item_id', type: 'varchar', length: '36' },
          { name: 'creative_id', type: 'varchar', length: '36' },
          // The content video the ad ran in, and its owner (paid the creator's share).
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'creator_id', type: 'varchar', length: '36' },
          { name: 'session_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'viewer_key', type: 'varchar', length: '128', isNullable: true },
          { name: 'position', type: 'varchar', length: '8' },
          { name: 'break_index', type: 'integer' },
          { name: 'price', type: 'bigint' },
          // RESERVED (served, counted in the line item's `reserved`), CHARGED, EXPIRED.
          { name: 'status', type: 'varchar', length: '10' },
          // The line item's local day the reservation counted in (its day_start_ms then).
          { name: 'day_start_ms', type: 'bigint' },
          { name: 'created_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'charged_at', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex('ad_impressions', new TableIndex({ name: 'idx_ad_impressions_viewer', columnNames: ['viewer_key', 'created_at'] }));
    await q.createIndex('ad_impressions', new TableIndex({ name: 'idx_ad_impressions_status', columnNames: ['status', 'expires_at'] }));
    await q.createIndex(
      'ad_impressions',
      new TableIndex({ name: 'idx_ad_impressions_line_item', columnNames: ['line_item_id', 'created_at'] }),
    );
    await q.createTable(
      new Table({
        name: 'ad_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'impression_id', type: 'varchar', length: '36' },
          // impression, start, firstQuartile, midpoint, thirdQuartile, complete
          { name: 'event', type: 'varchar', length: '16' },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'ad_events',
      new TableIndex({ name: 'idx_ad_events_once', columnNames: ['impression_id', 'event'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('ad_events');
    await q.dropTable('ad_impressions');
    for (const c of ['day_spent', 'day_start_ms', 'reserved', 'spent']) await q.dropColumn('ad_line_items', c);
  }
}
