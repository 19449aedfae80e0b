/**
 * The advertiser GraphQL API (libs/ads) as the advertiser dashboard (/advertiser) uses it: its
 * documents, and names for the types generated from them (web/lib/gql, `npm run codegen`). Amounts
 * are `Amount` strings of minor units; format them with ../money.
 *
 * Queries are split so each stays under the API's complexity limit (GRAPHQL_MAX_COMPLEXITY 2000,
 * a list costs its children × `first`): campaigns alone, then each campaign's line items.
 */
import { gql } from '../api';
import { graphql } from '../gql';
import type {
  AdCampaignsQuery,
  AdReportQuery,
  AdvertiserApiKeysQuery,
  CampaignFieldsFragment,
  CreateAdvertiserApiKeyMutation,
  CreativeFieldsFragment,
  LineItemFieldsFragment,
  MyAdVideosQuery,
  RevokeAdvertiserApiKeyMutation,
  CreateCampaignMutation,
  CreateCreativeMutation,
  CreateLineItemMutation,
} from '../gql/graphql';

export type { AdDevice, AdPosition, CampaignStatus, CreativeApproval, LineItemStatus, Pacing } from '../gql/graphql';
export type Amount = string;
export type Campaign = CampaignFieldsFragment;
export type Creative = CreativeFieldsFragment;
export type LineItem = LineItemFieldsFragment;
export type Targeting = LineItem['targeting'];
export type AdReportRow = AdReportQuery['adReport']['edges'][number]['node'];
export type ApiKey = AdvertiserApiKeysQuery['advertiserApiKeys'][number];
/** The advertiser's own uploads, for picking a creative's video. */
export type AdVideo = MyAdVideosQuery['myVideos']['edges'][number]['node'];
/** One page of campaigns (edges and pageInfo). */
export type CampaignPage = AdCampaignsQuery['campaigns'];

export type CampaignPayload = CreateCampaignMutation['createCampaign'];
export type LineItemPayload = CreateLineItemMutation['createLineItem'];
export type CreativePayload = CreateCreativeMutation['createCreative'];
export type CreateApiKeyPayload = CreateAdvertiserApiKeyMutation['createAdvertiserApiKey'];
export type RevokeApiKeyPayload = RevokeAdvertiserApiKeyMutation['revokeAdvertiserApiKey'];

export const CAMPAIGN_FIELDS = graphql(`
  fragment CampaignFields on Campaign {
    id
    name
    status
    createdAt
  }
`);

export const CREATIVE_FIELDS = graphql(`
  fragment CreativeFields on Creative {
    id
    videoId
    clickThroughUrl
    approval
    videoStatus
    createdAt
  }
`);

export const LINE_ITEM_FIELDS = graphql(`
  fragment LineItemFields on LineItem {
    id
    campaignId
    name
    status
    flightStart
    flightEnd
    budget
    dailyCap
    cpmBid
    pacing
    targeting {
      categories
      tags
      devices
      countries
      timeZone
      positions
      mediaKinds
    }
    escrowBalance
    spent
    returned
    createdAt
    closedAt
    creatives {
      ...CreativeFields
    }
  }
`);

export const API_KEY_FIELDS = graphql(`
  fragment ApiKeyFields on AdvertiserApiKey {
    id
    name
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

/** The spendable wallet balance (line item budgets come out of it). */
export const ADVERTISER_QUERY = graphql(`
  query Advertiser {
    advertiser {
      id
      walletBalance
    }
  }
`);

export const CAMPAIGNS_QUERY = graphql(`
  query AdCampaigns($first: Int, $after: String) {
    campaigns(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CampaignFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CAMPAIGN_LINE_ITEMS_QUERY = graphql(`
  query AdCampaignLineItems($id: ID!, $first: Int, $after: String) {
    campaign(id: $id) {
      id
      lineItems(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...LineItemFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const CREATE_CAMPAIGN_MUTATION = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        ...CampaignFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SET_CAMPAIGN_STATUS_MUTATION = graphql(`
  mutation SetCampaignStatus($id: ID!, $status: CampaignStatus!) {
    setCampaignStatus(id: $id, status: $status) {
      campaign {
        ...CampaignFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CREATE_LINE_ITEM_MUTATION = graphql(`
  mutation CreateLineItem($input: CreateLineItemInput!) {
    createLineItem(input: $input) {
      lineItem {
        ...LineItemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const PAUSE_LINE_ITEM_MUTATION = graphql(`
  mutation PauseLineItem($id: ID!) {
    pauseLineItem(id: $id) {
      lineItem {
        ...LineItemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RESUME_LINE_ITEM_MUTATION = graphql(`
  mutation ResumeLineItem($id: ID!) {
    resumeLineItem(id: $id) {
      lineItem {
        ...LineItemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CANCEL_LINE_ITEM_MUTATION = graphql(`
  mutation CancelLineItem($id: ID!) {
    cancelLineItem(id: $id) {
      lineItem {
        ...LineItemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type LineItemAction = 'pause' | 'resume' | 'cancel';

/** Pauses, resumes or cancels a line item; the payload carries the line item as it now is. */
export async function runLineItemAction(action: LineItemAction, id: string): Promise<LineItemPayload> {
  switch (action) {
    case 'pause':
      return (await gql(PAUSE_LINE_ITEM_MUTATION, { id })).pauseLineItem;
    case 'resume':
      return (await gql(RESUME_LINE_ITEM_MUTATION, { id })).resumeLineItem;
    case 'cancel':
      return (await gql(CANCEL_LINE_ITEM_MUTATION, { id })).cancelLineItem;
  }
}

export const CREATE_CREATIVE_MUTATION = graphql(`
  mutation CreateCreative($input: CreateCreativeInput!) {
    createCreative(input: $input) {
      creative {
        ...CreativeFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The advertiser's own uploads, for picking a creative's video. */
export const MY_AD_VIDEOS_QUERY = graphql(`
  query MyAdVideos($first: Int) {
    myVideos(first: $first) {
      edges {
        node {
          id
          title
          status
          durationSec
        }
      }
    }
  }
`);

export const API_KEYS_QUERY = graphql(`
  query AdvertiserApiKeys {
    advertiserApiKeys {
      ...ApiKeyFields
    }
  }
`);

export const CREATE_API_KEY_MUTATION = graphql(`
  mutation CreateAdvertiserApiKey($input: CreateAdvertiserApiKeyInput!) {
    createAdvertiserApiKey(input: $input) {
      apiKey {
        ...ApiKeyFields
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const REVOKE_API_KEY_MUTATION = graphql(`
  mutation RevokeAdvertiserApiKey($id: ID!) {
    revokeAdvertiserApiKey(id: $id) {
      apiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Advertisers (and admins) may use the advertiser API with their session. Roles come as GraphQL enum names. */
export function canAdvertise(roles: readonly string[] | undefined | null): boolean {
  return (roles ?? []).some((r) => /^(advertiser|admin)$/i.test(r));
}
