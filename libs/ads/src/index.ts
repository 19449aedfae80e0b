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

// Advertiser API: API keys, campaigns, line items (budgets in ledger escrow), creatives. See README.md "Advertiser API".
export { AdsModule, AdsCoreModule } from './ads.module';
export { AdvertiserGuard, CurrentAdvertiser, type AdvertiserCaller } from './advertisers/advertiser.guard';
export { ApiKeysService, API_KEY_PREFIX, hashApiKey, type ApiKey } from './advertisers/api-keys.service';
export { CampaignsService, escrowKey, releaseKey, type Escrow } from './campaigns/campaigns.service';
export { CreativesService } from './campaigns/creatives.service';
export type { Campaign, CampaignStatus, Creative, CreativeApproval, LineItem } from './campaigns/campaigns.model';
export { validateLineItem, isCountryCode, type FieldError, type LineItemDraft } from './campaigns/line-item.validator';

// The ad server: decisions with reservations, beacons and charging, asset-list / VAST / beacon endpoints. See README.md "Ad server".
export { AdDecisionService, POD_SIZE, type BreakRequest, type BreakDecision, type ServedAd } from './server/ad-decision.service';
export { SNAPSHOT_TTL_MS } from './server/line-item.snapshot';
export { AdChargingService, chargeKey, type BeaconOutcome } from './server/ad-charging.service';
export { AdBreaksProvider } from './server/ad-breaks.provider';
export { AdServerController } from './server/ad-server.controller';
export { AdServerScheduler } from './server/ad-server.scheduler';
export { BeaconSigner, BEACON_EVENTS, isBeaconEvent, type BeaconEvent, type Beacons } from './server/beacons';
export { classifyDevice, countryOf } from './server/device';

// Reports: delivery per line item and UTC day (advertiser API). See README.md "Reports".
export {
  AdReportsService,
  encodeReportCursor,
  decodeReportCursor,
  type AdReportRow,
  type AdReportFilter,
  type AdReportPage,
} from './reports/reports.service';
export { AdReportsResolver } from './reports/reports.resolver';
