/** @wetube/ads: advertising. */

// Decisions: the ad decision engine (pure: no database, no HTTP). See README.md "Decisions".
export { decide } from './decision/auction';
export { eligible } from './decision/eligibility';
export { pacingAllows, pacingVerdict, type PacingVerdict } from './decision/pacing';
export { pricePerImpression } from './decision/price';
export { localDayWindow, localTime, isKnownTimeZone, type LocalTime } from './decision/zoned-time';
export { seededRng } from './decision/rng';
export { EXCLUSION_REASONS } from './decision/decision.types';
export type {
  AdPosition,
  AdRequest,
  CreativeForDecision,
  DayPart,
  Decision,
  Device,
  Eligibility,
  ExclusionReason,
  FrequencyCaps,
  LineItemForDecision,
  LineItemStatus,
  PacingMode,
  PodAd,
  Rng,
  Targeting,
  ViewerImpression,
} from './decision/decision.types';

// Formats: VAST 4.2 and HLS interstitial playlists (pure writers). See README.md "Formats".
export * from './formats';
