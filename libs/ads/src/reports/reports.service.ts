import { Injectable } from '@nestjs/common';
import { Database, decodeKeyset, encodeKeyset, keysetAfter } from '@wetube/platform';

/** One report row: a line item's served ads of one UTC day (the day the ad was served). */
export interface AdReportRow {
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
  /** completes / impressions; 0 without impressions. */
  completionRate: number;
  /** Click-throughs (each ad counted once). */
  clicks: number;
  /** clicks / impressions; 0 without impressions. */
  clickThroughRate: number;
  /** Sum of the charged impressions' prices, minor units. */
  spend: bigint;
  /** floor(spend × 1000 / impressions); 0 without impressions. */
  eCpm: bigint;
}

export interface AdReportFilter {
  campaignId?: string | null;
  lineItemId?: string | null;
  /** Inclusive, on the impression's served time. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

export interface AdReportPage {
  rows: AdReportRow[];
  hasNextPage: boolean;
}

/** Keyset cursor over (day DESC, line item id ASC): opaque base64url JSON. */
export function encodeReportCursor(day: string, lineItemId: string): string {
  return encodeKeyset(['r1', day, lineItemId]);
}

export function decodeReportCursor(cursor: string): { day: string; lineItemId: string } | null {
  const v = decodeKeyset(cursor, 3);
  if (!v || v[0] !== 'r1') return null;
  const [, day, lineItemId] = v;
  if (typeof day !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(day) || typeof lineItemId !== 'string') return null;
  return { day, lineItemId };
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

/**
 * Advertiser reports: one SQL GROUP BY over the caller's line items' impressions and their beacon
 * events, per line item and UTC day of the impression's serving (`ad_impressions.created_at`), so
 * a quartile fired after midnight still counts with its impression. Only events count: a reserved
 * impression whose beacon never came (or that expired) is not in the report.
 */
@Injectable()
export class AdReportsService {
  constructor(private readonly db: Database) {}

  /** Newest day first, then by line item id; `first + 1` read to know whether there is a next page. */
  async report(
    advertiserId: string,
    first: number,
    after: { day: string; lineItemId: string } | null,
    filter: AdReportFilter,
  ): Promise<AdReportPage> {
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
    params.push(first + 1);
    const rows = await this.db.query(`SELECT r.* FROM (${inner}) r ${keyset} ORDER BY r.day DESC, r.line_item_id ASC LIMIT ?`, params);
    return { rows: rows.slice(0, first).map(toRow), hasNextPage: rows.length > first };
  }
}

function toRow(r: Record<string, unknown>): AdReportRow {
  const impressions = Number(r.impressions ?? 0);
  const completes = Number(r.completes ?? 0);
  const spend = BigInt(String(r.spend ?? '0').replace(/\.0*$/, ''));
  return {
    lineItemId: String(r.line_item_id),
    lineItemName: String(r.name),
    campaignId: String(r.campaign_id),
    day: String(r.day),
    impressions,
    starts: Number(r.starts ?? 0),
    firstQuartiles: Number(r.first_quartiles ?? 0),
    midpoints: Number(r.midpoints ?? 0),
    thirdQuartiles: Number(r.third_quartiles ?? 0),
    completes,
    completionRate: impressions > 0 ? completes / impressions : 0,
    clicks: Number(r.clicks ?? 0),
    clickThroughRate: impressions > 0 ? Number(r.clicks ?? 0) / impressions : 0,
    spend,
    eCpm: impressions > 0 ? (spend * 1000n) / BigInt(impressions) : 0n,
  };
}
