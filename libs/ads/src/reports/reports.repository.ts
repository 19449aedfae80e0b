import { Injectable } from '@nestjs/common';
import { Database, keysetAfter, Row } from '@wetube/platform';

export interface AdReportFilter {
  campaignId?: string | null;
  lineItemId?: string | null;
  /** Inclusive, on the impression's served time. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

/** A line item's served ads of one UTC day as counted: events per kind and the charged spend. */
export interface AdDelivery {
  lineItemId: string;
  lineItemName: string;
  campaignId: string;
  /** UTC day, 'YYYY-MM-DD'. */
  day: string;
  impressions: number;
  starts: number;
  firstQuartiles: number;
  midpoints: number;
  thirdQuartiles: number;
  completes: number;
  clicks: number;
  /** Sum of the charged impressions' prices, minor units. */
  spend: bigint;
}

const EVENT_COUNTS = [
  ['impressions', 'impression'],
  ['starts', 'start'],
  ['first_quartiles', 'firstQuartile'],
  ['midpoints', 'midpoint'],
  ['third_quartiles', 'thirdQuartile'],
  ['completes', 'complete'],
  ['clicks', 'click'],
] as const;

function toAdDelivery(r: Row): AdDelivery {
  return {
    lineItemId: String(r.line_item_id),
    lineItemName: String(r.name),
    campaignId: String(r.campaign_id),
    day: String(r.day),
    impressions: Number(r.impressions ?? 0),
    starts: Number(r.starts ?? 0),
    firstQuartiles: Number(r.first_quartiles ?? 0),
    midpoints: Number(r.midpoints ?? 0),
    thirdQuartiles: Number(r.third_quartiles ?? 0),
    completes: Number(r.completes ?? 0),
    clicks: Number(r.clicks ?? 0),
    spend: BigInt(String(r.spend ?? '0').replace(/\.0*$/, '')),
  };
}

/**
 * The report read model over ad_impressions, ad_line_items and ad_events: one SQL GROUP BY over an
 * advertiser's line items' impressions and their beacon events, per line item and UTC day of the
 * impression's serving (`ad_impressions.created_at`), so a quartile fired after midnight still
 * counts with its impression.
 */
@Injectable()
export class AdReportsRepository {
  constructor(private readonly db: Database) {}

  /** Newest day first, then by line item id, after the keyset `after`; at most `limit` rows. */
  async deliveryByDay(
    advertiserId: string,
    filter: AdReportFilter,
    after: { day: string; lineItemId: string } | null,
    limit: number,
  ): Promise<AdDelivery[]> {
    const day = this.db.dialect.utcDay('i.created_at');
    const where = ['li.advertiser_id = ?'];
    const params: unknown[] = [advertiserId];
    if (filter.campaignId) {
      where.push('li.campaign_id = ?');
      params.push(filter.campaignId);
    }
    if (filter.lineItemId) {
      where.push('i.line_item_id = ?');
      params.push(filter.lineItemId);
    }
    if (filter.from) {
      where.push('i.created_at >= ?');
      params.push(this.db.dialect.time(filter.from));
    }
    if (filter.to) {
      where.push('i.created_at < ?');
      params.push(this.db.dialect.time(filter.to));
    }
    const counts = EVENT_COUNTS.map(([col, ev]) => `SUM(CASE WHEN e.event = '${ev}' THEN 1 ELSE 0 END) AS ${col}`).join(
      ',\n              ',
    );
    const inner = `
       SELECT i.line_item_id AS line_item_id, li.name AS name, li.campaign_id AS campaign_id, ${day} AS day,
              ${counts},
              CAST(SUM(CASE WHEN e.event = 'impression' AND i.status = 'CHARGED' THEN i.price ELSE 0 END) AS TEXT) AS spend
         FROM ad_impressions i
         JOIN ad_line_items li ON li.id = i.line_item_id
         JOIN ad_events e ON e.impression_id = i.id
        WHERE ${where.join(' AND ')}
        GROUP BY i.line_item_id, li.name, li.campaign_id, ${day}`;
    let keyset = '';
    if (after) {
      const k = keysetAfter([
        { column: 'r.day', value: after.day, order: 'DESC' },
        { column: 'r.line_item_id', value: after.lineItemId, order: 'ASC' },
      ]);
      keyset = `WHERE ${k.sql}`;
      params.push(...k.params);
    }
    params.push(limit);
    const rows = await this.db.query(`SELECT r.* FROM (${inner}) r ${keyset} ORDER BY r.day DESC, r.line_item_id ASC LIMIT ?`, params);
    return rows.map(toAdDelivery);
  }
}
