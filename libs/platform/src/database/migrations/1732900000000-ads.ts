import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * The advertiser API: API keys (sha256 of the secret, never the secret), campaigns, line items (their
 * budget sits in a ledger hold named by hold_id) and creatives (an advertiser's own video + click-through).
 */
export class Ads1732900000000 implements MigrationInterface {
  name = 'Ads1732900000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'ad_api_keys',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'advertiser_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '80' },
          // The first characters of the secret ('wtak_' + 4), to tell keys apart in a list.
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: t.timestamp },
          { name: 'last_used_at', type: t.timestamp, isNullable: true },
          { name: 'revoked_at', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex('ad_api_keys', new TableIndex({ name: 'idx_ad_api_keys_hash', columnNames: ['token_hash'], isUnique: true }));
    await q.createIndex(
      'ad_api_keys',
      new TableIndex({ name: 'idx_ad_api_keys_advertiser', columnNames: ['advertiser_id', 'created_at'] }),
    );
    await q.createTable(
      new Table({
        name: 'ad_campaigns',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'advertiser_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'ad_campaigns',
      new TableIndex({ name: 'idx_ad_campaigns_advertiser', columnNames: ['advertiser_id', 'created_at', 'id'] }),
    );
    await q.createTable(
      new Table({
        name: 'ad_line_items',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'campaign_id', type: 'varchar', length: '36' },
          { name: 'advertiser_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'flight_start', type: t.timestamp },
          { name: 'flight_end', type: t.timestamp },
          { name: 'budget', type: 'bigint' },
          { name: 'daily_cap', type: 'bigint', isNullable: true },
          { name: 'cpm_bid', type: 'bigint' },
          { name: 'pacing', type: 'varchar', length: '8' },
          // JSON: Targeting and FrequencyCaps as the decision engine reads them.
          { name: 'targeting', type: 'text' },
          { name: 'frequency_caps', type: 'text' },
          { name: 'hold_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'idempotency_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'closed_at', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'ad_line_items',
      new TableIndex({ name: 'idx_ad_line_items_campaign', columnNames: ['campaign_id', 'created_at'] }),
    );
    await q.createIndex('ad_line_items', new TableIndex({ name: 'idx_ad_line_items_status', columnNames: ['status'] }));
    await q.createIndex(
      'ad_line_items',
      new TableIndex({ name: 'idx_ad_line_items_key', columnNames: ['advertiser_id', 'idempotency_key'], isUnique: true }),
    );
    await q.createTable(
      new Table({
        name: 'ad_creatives',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'line_item_id', type: 'varchar', length: '36' },
          { name: 'advertiser_id', type: 'varchar', length: '36' },
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'click_through_url', type: 'varchar', length: '2048' },
          { name: 'approval', type: 'varchar', length: '16' },
          { name: 'approved_at', type: t.timestamp, isNullable: true },
          { name: 'approved_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'ad_creatives',
      new TableIndex({ name: 'idx_ad_creatives_line_item', columnNames: ['line_item_id', 'created_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['ad_creatives', 'ad_line_items', 'ad_campaigns', 'ad_api_keys']) await q.dropTable(table);
  }
}
