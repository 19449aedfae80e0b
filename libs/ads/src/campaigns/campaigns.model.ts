import type { FrequencyCaps, LineItemStatus, PacingMode, Targeting } from '../decision/decision.types';
import { toDate, toDateOrNull, type Row } from '@wetube/platform';

export type CampaignStatus = 'ACTIVE' | 'PAUSED';
export type CreativeApproval = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface Campaign {
  id: string;
  advertiserId: string;
  name: string;
  status: CampaignStatus;
  createdAt: Date;
}

export interface LineItem {
  id: string;
  campaignId: string;
  advertiserId: string;
  name: string;
  /** DRAFT only while its budget is being moved into escrow. */
  status: LineItemStatus;
  flightStart: Date;
  flightEnd: Date;
  budget: bigint;
  dailyCap: bigint | null;
  cpmBid: bigint;
  pacing: PacingMode;
  targeting: Targeting;
  frequencyCaps: FrequencyCaps;
  /** The ledger hold that is this line item's escrow (null while DRAFT). */
  holdId: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

export interface Creative {
  id: string;
  lineItemId: string;
  advertiserId: string;
  videoId: string;
  clickThroughUrl: string;
  approval: CreativeApproval;
  approvedAt: Date | null;
  createdAt: Date;
}

export const LINE_ITEM_COLUMNS = `id, campaign_id, advertiser_id, name, status, flight_start, flight_end, CAST(budget AS TEXT) AS budget,
  CAST(daily_cap AS TEXT) AS daily_cap, CAST(cpm_bid AS TEXT) AS cpm_bid, pacing, targeting, frequency_caps, hold_id, idempotency_key, created_at, closed_at`;

export function toCampaign(r: Row): Campaign {
  return {
    id: String(r.id),
    advertiserId: String(r.advertiser_id),
    name: String(r.name),
    status: String(r.status) as CampaignStatus,
    createdAt: toDate(r.created_at),
  };
}

export function toLineItem(r: Row): LineItem {
  return {
    id: String(r.id),
    campaignId: String(r.campaign_id),
    advertiserId: String(r.advertiser_id),
    name: String(r.name),
    status: String(r.status) as LineItemStatus,
    flightStart: toDate(r.flight_start),
    flightEnd: toDate(r.flight_end),
    budget: BigInt(String(r.budget)),
    dailyCap: r.daily_cap == null ? null : BigInt(String(r.daily_cap)),
    cpmBid: BigInt(String(r.cpm_bid)),
    pacing: String(r.pacing) as PacingMode,
    targeting: JSON.parse(String(r.targeting)) as Targeting,
    frequencyCaps: JSON.parse(String(r.frequency_caps)) as FrequencyCaps,
    holdId: r.hold_id == null ? null : String(r.hold_id),
    idempotencyKey: r.idempotency_key == null ? null : String(r.idempotency_key),
    createdAt: toDate(r.created_at),
    closedAt: toDateOrNull(r.closed_at),
  };
}

export function toCreative(r: Row): Creative {
  return {
    id: String(r.id),
    lineItemId: String(r.line_item_id),
    advertiserId: String(r.advertiser_id),
    videoId: String(r.video_id),
    clickThroughUrl: String(r.click_through_url),
    approval: String(r.approval) as CreativeApproval,
    approvedAt: toDateOrNull(r.approved_at),
    createdAt: toDate(r.created_at),
  };
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; field: string; message: string; code: string };
export type Outcomes<T> = { ok: true; value: T } | { ok: false; errors: Array<{ field: string; message: string; code: string }> };

export function refuse(field: string, message: string, code: string): { ok: false; field: string; message: string; code: string } {
  return { ok: false, field, message, code };
}
