/**
 * What the ad decision engine reads and returns. Pure data: the ad server loads line items and the
 * viewer's history from wherever it keeps them and passes snapshots in. Amounts are bigint minor
 * units (1 CLC = 1,000,000); a CPM is the price of 1,000 impressions in minor units.
 */

export type Device = 'desktop' | 'mobile' | 'tablet' | 'tv';
export type AdPosition = 'PREROLL' | 'MIDROLL';
export type PacingMode = 'EVEN' | 'ASAP';
/** Only `ACTIVE` serves; the other values are what the advertiser API is expected to use. */
export type LineItemStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED' | 'CANCELLED';

/**
 * A weekly window in the line item's time zone. `days`: 0 = Sunday … 6 = Saturday. Minutes of the
 * local day, start inclusive, end exclusive (0 … 1440). When `endMinute < startMinute` the window
 * runs past midnight into the next day (it belongs to the day it starts on); `start == end` is empty.
 */
export interface DayPart {
  days: readonly number[];
  startMinute: number;
  endMinute: number;
}

/**
 * Every dimension that is set (defined and non-empty) must match; an unset one matches anything.
 * Categories and tags match when the video has at least one of them (case-insensitive); countries
 * are ISO 3166-1 alpha-2 (case-insensitive); an unknown device or country never matches a set one.
 */
export interface Targeting {
  categories?: readonly string[] | null;
  tags?: readonly string[] | null;
  devices?: readonly Device[] | null;
  countries?: readonly string[] | null;
  dayParts?: readonly DayPart[] | null;
  /** IANA zone of the day-parts and of the line item's day (daily cap, daily pacing). Default UTC. */
  timeZone?: string | null;
  positions?: readonly AdPosition[] | null;
  /** What the item the break is in carries: VIDEO, AUDIO (songs, podcasts), or either when unset. */
  mediaKinds?: readonly MediaKind[] | null;
}

/**
 * What an item carries. A creative serves only in items of its own kind: an audio creative in a song
 * or podcast (a listener sees no picture), a video creative in a video.
 */
export type MediaKind = 'VIDEO' | 'AUDIO';
export const MEDIA_KINDS: readonly MediaKind[] = ['VIDEO', 'AUDIO'];

/**
 * Per viewer. Unset (undefined/null) = no cap; 0 = never. `perDay` is a rolling 24 h window,
 * `perStream` counts this playback session, `perPod` counts ads of this decision (default 1).
 */
export interface FrequencyCaps {
  perHour?: number | null;
  perDay?: number | null;
  lifetime?: number | null;
  perStream?: number | null;
  perPod?: number | null;
}

export interface CreativeForDecision {
  id: string;
  durationMs: number;
  ready: boolean;
  approved: boolean;
  /** Default VIDEO. */
  kind?: MediaKind;
}

export interface LineItemForDecision {
  id: string;
  campaignId: string;
  advertiserId: string;
  status: LineItemStatus;
  /** Serves when start ≤ now < end. */
  flight: { start: Date; end: Date };
  budget: bigint;
  spent: bigint;
  /** null: no daily cap. The day is the local day in `targeting.timeZone` (see `localDayWindow`). */
  dailyCap: bigint | null;
  /** What was charged since the start of the line item's current local day. */
  spentToday: bigint;
  cpmBid: bigint;
  pacing: PacingMode;
  targeting: Targeting;
  frequencyCaps: FrequencyCaps;
  creatives: readonly CreativeForDecision[];
}

/** A viewer's impressions of one line item in the frequency caps' windows (rolling, ending at the request's time). */
export interface ImpressionCounts {
  lastHour: number;
  last24h: number;
  lifetime: number;
  thisStream: number;
}

export interface ViewerImpression {
  lineItemId: string;
  at: Date;
  sessionId: string;
}

export interface AdRequest {
  now: Date;
  /** `kind` default VIDEO. */
  video: { categories: readonly string[]; tags: readonly string[]; kind?: MediaKind };
  device: Device | null;
  /** From the deployment's country header; null when absent. */
  country: string | null;
  position: AdPosition;
  /** Most ads in this break. */
  podSize: number;
  /**
   * The viewer's past impressions, or (`counts`) the same already counted per line item at `now`
   * for this `sessionId` (an ad server that aggregates in SQL); `counts` wins when both are given.
   */
  viewerHistory: { impressions: readonly ViewerImpression[]; counts?: ReadonlyMap<string, ImpressionCounts> };
  sessionId: string;
  floorCpm: bigint;
}

/** Why a line item did not get into the pod (one reason per line item, the first check it failed). */
export const EXCLUSION_REASONS = [
  'NOT_ACTIVE',
  'FLIGHT_NOT_STARTED',
  'FLIGHT_ENDED',
  'POSITION',
  'DEVICE',
  'COUNTRY',
  'CATEGORY',
  'TAG',
  'DAY_PART',
  'MEDIA_KIND',
  'BAD_TIME_ZONE',
  'NO_CREATIVE',
  /** Creatives, but none of the item's kind (only video creatives for a podcast, say). */
  'NO_CREATIVE_OF_KIND',
  'PRICE_ZERO',
  'BELOW_FLOOR',
  'BUDGET_EXHAUSTED',
  'DAILY_CAP_REACHED',
  'FREQ_HOUR',
  'FREQ_DAY',
  'FREQ_LIFETIME',
  'FREQ_STREAM',
  'FREQ_POD',
  'PACING_FLIGHT',
  'PACING_DAY',
  'OUTBID',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export type Eligibility = { eligible: true; priceMinor: bigint } | { eligible: false; reason: ExclusionReason };

export interface PodAd {
  lineItemId: string;
  creativeId: string;
  /** What one impression of this ad costs (first price), in minor units. */
  priceMinor: bigint;
}

export interface Decision {
  ads: PodAd[];
  /** How many line items were looked at (all of the input). */
  considered: number;
  /** Line items that got no ad, by reason; considered = (line items with an ad) + Σ excluded. */
  excluded: Partial<Record<ExclusionReason, number>>;
}

/** Uniform in [0, 1). Inject a seeded one (`seededRng`) to make decisions reproducible. */
export type Rng = () => number;
