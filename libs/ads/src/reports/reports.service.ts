import { Injectable } from '@nestjs/common';
import { decodeKeyset, encodeKeyset } from '@wetube/platform';
import { AdDelivery, AdReportFilter, AdReportsRepository } from './reports.repository';

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

export type { AdReportFilter } from './reports.repository';

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

/**
 * Advertiser reports: delivery per line item and UTC day of the impression's serving (one GROUP BY
 * in AdReportsRepository), with the rates and eCPM derived here. Only events count: a reserved
 * impression whose beacon never came (or that expired) is not in the report.
 */
@Injectable()
export class AdReportsService {
  constructor(private readonly reports: AdReportsRepository) {}

  /** Newest day first, then by line item id; `first + 1` read to know whether there is a next page. */
  async report(
    advertiserId: string,
    first: number,
    after: { day: string; lineItemId: string } | null,
    filter: AdReportFilter,
  ): Promise<AdReportPage> {
    const rows = await this.reports.deliveryByDay(advertiserId, filter, after, first + 1);
    return { rows: rows.slice(0, first).map(toRow), hasNextPage: rows.length > first };
  }
}

function toRow(r: AdDelivery): AdReportRow {
  const { impressions, completes, clicks, spend } = r;
  return {
    ...r,
    completionRate: impressions > 0 ? completes / impressions : 0,
    clickThroughRate: impressions > 0 ? clicks / impressions : 0,
    eCpm: impressions > 0 ? (spend * 1000n) / BigInt(impressions) : 0n,
  };
}
