import { Injectable } from '@nestjs/common';
import { Database, Row, toDate } from '@wetube/platform';
import type { FrequencyCaps, Targeting } from '../decision/decision.types';

/** A line item that may serve (ACTIVE, of an ACTIVE campaign, funded, flight not over), with its counters as stored. */
export interface ServableLineItem {
  id: string;
  campaignId: string;
  advertiserId: string;
  name: string;
  flightStart: Date;
  flightEnd: Date;
  budget: bigint;
  dailyCap: bigint | null;
  cpmBid: bigint;
  pacing: string;
  targeting: Targeting;
  frequencyCaps: FrequencyCaps;
  spent: bigint;
  reserved: bigint;
  /** The start (epoch ms, as text) of the local day `daySpent` counts. */
  dayStartMs: string;
  daySpent: bigint;
}

/** An approved creative of an ACTIVE line item (its video's facts come from catalog). */
export interface ServableCreative {
  id: string;
  lineItemId: string;
  videoId: string;
  clickThroughUrl: string;
  createdAt: Date;
}

/** A JSON column's value (text on SQLite, parsed already on PostgreSQL); `fallback` when absent or unreadable. */
function parseJson<T>(v: unknown, fallback: T): T {
  if (v == null) return fallback;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

function toServableLineItem(r: Row): ServableLineItem {
  return {
    id: String(r.id),
    campaignId: String(r.campaign_id),
    advertiserId: String(r.advertiser_id),
    name: String(r.name),
    flightStart: toDate(r.flight_start),
    flightEnd: toDate(r.flight_end),
    budget: BigInt(String(r.budget)),
    dailyCap: r.daily_cap == null ? null : BigInt(String(r.daily_cap)),
    cpmBid: BigInt(String(r.cpm_bid)),
    pacing: String(r.pacing),
    targeting: parseJson<Targeting>(r.targeting, {}),
    frequencyCaps: parseJson<FrequencyCaps>(r.frequency_caps, {}),
    spent: BigInt(String(r.spent)),
    reserved: BigInt(String(r.reserved)),
    dayStartMs: String(r.day_start_ms),
    daySpent: BigInt(String(r.day_spent)),
  };
}

function toServableCreative(r: Row): ServableCreative {
  return {
    id: String(r.id),
    lineItemId: String(r.line_item_id),
    videoId: String(r.video_id),
    clickThroughUrl: String(r.click_through_url),
    createdAt: toDate(r.created_at),
  };
}

/**
 * The ad server's read model of ad_line_items / ad_campaigns / ad_creatives: what may serve, in
 * keyset pages by id (`after`: the last id of the previous page, '' for the first).
 */
@Injectable()
export class ServableLineItemsRepository {
  constructor(private readonly db: Database) {}

  async lineItems(now: Date, after: string, limit: number): Promise<ServableLineItem[]> {
    const rows = await this.db.query(
      `SELECT li.id, li.campaign_id, li.advertiser_id, li.name, li.flight_start, li.flight_end, CAST(li.budget AS TEXT) AS budget, CAST(li.daily_cap AS TEXT) AS daily_cap,
              CAST(li.cpm_bid AS TEXT) AS cpm_bid, li.pacing, li.targeting, li.frequency_caps, CAST(li.spent AS TEXT) AS spent, CAST(li.reserved AS TEXT) AS reserved,
              CAST(li.day_start_ms AS TEXT) AS day_start_ms, CAST(li.day_spent AS TEXT) AS day_spent
         FROM ad_line_items li JOIN ad_campaigns cp ON cp.id = li.campaign_id
        WHERE li.status = 'ACTIVE' AND cp.status = 'ACTIVE' AND li.hold_id IS NOT NULL AND li.flight_end > ? AND li.id > ?
        ORDER BY li.id LIMIT ?`,
      [this.db.dialect.time(now), after, limit],
    );
    return rows.map(toServableLineItem);
  }

  async creatives(after: string, limit: number): Promise<ServableCreative[]> {
    const rows = await this.db.query(
      `SELECT c.id, c.line_item_id, c.video_id, c.click_through_url, c.created_at
         FROM ad_creatives c JOIN ad_line_items li ON li.id = c.line_item_id
        WHERE c.approval = 'APPROVED' AND li.status = 'ACTIVE' AND c.id > ?
        ORDER BY c.id LIMIT ?`,
      [after, limit],
    );
    return rows.map(toServableCreative);
  }
}
