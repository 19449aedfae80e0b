/**
 * The advertiser GraphQL API (libs/ads) as the advertiser dashboard (/advertiser) uses it: types
 * and documents. Amounts are `Amount` strings of minor units; format them with ../money.
 *
 * Queries are split so each stays under the API's complexity limit (GRAPHQL_MAX_COMPLEXITY 2000,
 * a list costs its children × `first`): campaigns alone, then each campaign's line items.
 */
import type { PageInfo, UserError, VideoStatus } from '../types';

export type Amount = string;
export type CampaignStatus = 'ACTIVE' | 'PAUSED';
export type LineItemStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED' | 'CANCELLED';
export type Pacing = 'EVEN' | 'ASAP';
export type AdPosition = 'PREROLL' | 'MIDROLL';
export type AdDevice = 'desktop' | 'mobile' | 'tablet' | 'tv';
export type CreativeApproval = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  createdAt: string;
}

export interface Creative {
  id: string;
  videoId: string;
  clickThroughUrl: string;
  approval: CreativeApproval;
  videoStatus: VideoStatus | null;
  createdAt: string;
}

export interface Targeting {
  categories: string[];
  tags: string[];
  devices: AdDevice[];
  countries: string[];
  timeZone: string;
  positions: AdPosition[];
}

export interface LineItem {
  id: string;
  campaignId: string;
  name: string;
  status: LineItemStatus;
  flightStart: string;
  flightEnd: string;
  budget: Amount;
  dailyCap: Amount | null;
  cpmBid: Amount;
  pacing: Pacing;
  targeting: Targeting;
  escrowBalance: Amount;
  spent: Amount;
  returned: Amount;
  creatives: Creative[];
  createdAt: string;
  closedAt: string | null;
}

export interface AdReportRow {
  lineItemId: string;
  lineItemName: string;
  campaignId: string;
  day: string;
  impressions: number;
  starts: number;
  completes: number;
  completionRate: number;
  clicks: number;
  clickThroughRate: number;
  spend: Amount;
  eCpm: Amount;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Edges<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export interface CampaignPayload {
  campaign: Campaign | null;
  userErrors: UserError[];
}
export interface LineItemPayload {
  lineItem: LineItem | null;
  userErrors: UserError[];
}
export interface CreativePayload {
  creative: Creative | null;
  userErrors: UserError[];
}
export interface CreateApiKeyPayload {
  apiKey: ApiKey | null;
  secret: string | null;
  userErrors: UserError[];
}
export interface RevokeApiKeyPayload {
  apiKey: ApiKey | null;
  userErrors: UserError[];
}

const USER_ERRORS = 'userErrors { field message code }';
const CAMPAIGN_FIELDS = 'id name status createdAt';
const CREATIVE_FIELDS = 'id videoId clickThroughUrl approval videoStatus createdAt';
export const LINE_ITEM_FIELDS = `id campaignId name status flightStart flightEnd budget dailyCap cpmBid pacing
  targeting { categories tags devices countries timeZone positions }
  escrowBalance spent returned createdAt closedAt creatives { ${CREATIVE_FIELDS} }`;
const API_KEY_FIELDS = 'id name prefix createdAt lastUsedAt revokedAt';

/** The spendable wallet balance (line item budgets come out of it). */
export const ADVERTISER_QUERY = `query Advertiser { advertiser { id walletBalance } }`;

export const CAMPAIGNS_QUERY = `query AdCampaigns($first: Int, $after: String) {
  campaigns(first: $first, after: $after) {
    edges { cursor node { ${CAMPAIGN_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const CAMPAIGN_LINE_ITEMS_QUERY = `query AdCampaignLineItems($id: ID!, $first: Int, $after: String) {
  campaign(id: $id) {
    id
    lineItems(first: $first, after: $after) {
      edges { cursor node { ${LINE_ITEM_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export const CREATE_CAMPAIGN_MUTATION = `mutation CreateCampaign($input: CreateCampaignInput!) {
  createCampaign(input: $input) { campaign { ${CAMPAIGN_FIELDS} } ${USER_ERRORS} }
}`;

export const SET_CAMPAIGN_STATUS_MUTATION = `mutation SetCampaignStatus($id: ID!, $status: CampaignStatus!) {
  setCampaignStatus(id: $id, status: $status) { campaign { ${CAMPAIGN_FIELDS} } ${USER_ERRORS} }
}`;

export const CREATE_LINE_ITEM_MUTATION = `mutation CreateLineItem($input: CreateLineItemInput!) {
  createLineItem(input: $input) { lineItem { ${LINE_ITEM_FIELDS} } ${USER_ERRORS} }
}`;

export type LineItemAction = 'pause' | 'resume' | 'cancel';
const ACTION_FIELD: Record<LineItemAction, string> = { pause: 'pauseLineItem', resume: 'resumeLineItem', cancel: 'cancelLineItem' };

/** The mutation and its payload field for a line item action. */
export function lineItemActionMutation(action: LineItemAction): { query: string; field: string } {
  const field = ACTION_FIELD[action];
  return { field, query: `mutation LineItemAction($id: ID!) { ${field}(id: $id) { lineItem { ${LINE_ITEM_FIELDS} } ${USER_ERRORS} } }` };
}

export const CREATE_CREATIVE_MUTATION = `mutation CreateCreative($input: CreateCreativeInput!) {
  createCreative(input: $input) { creative { ${CREATIVE_FIELDS} } ${USER_ERRORS} }
}`;

/** The advertiser's own uploads, for picking a creative's video. */
export const MY_AD_VIDEOS_QUERY = `query MyAdVideos($first: Int) {
  myVideos(first: $first) { edges { node { id title status durationSec } } }
}`;

export interface AdVideo {
  id: string;
  title: string;
  status: VideoStatus;
  durationSec: number | null;
}

export const API_KEYS_QUERY = `query AdvertiserApiKeys { advertiserApiKeys { ${API_KEY_FIELDS} } }`;

export const CREATE_API_KEY_MUTATION = `mutation CreateAdvertiserApiKey($input: CreateAdvertiserApiKeyInput!) {
  createAdvertiserApiKey(input: $input) { apiKey { ${API_KEY_FIELDS} } secret ${USER_ERRORS} }
}`;

export const REVOKE_API_KEY_MUTATION = `mutation RevokeAdvertiserApiKey($id: ID!) {
  revokeAdvertiserApiKey(id: $id) { apiKey { ${API_KEY_FIELDS} } ${USER_ERRORS} }
}`;

/** Advertisers (and admins) may use the advertiser API with their session. Roles come as GraphQL enum names. */
export function canAdvertise(roles: readonly string[] | undefined | null): boolean {
  return (roles ?? []).some((r) => /^(advertiser|admin)$/i.test(r));
}
