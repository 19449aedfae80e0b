import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AdDecisionService } from '@wetube/ads';
import { LedgerService } from '@wetube/ledger';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

/** What the ad specs share: GraphQL documents, and an api with an advertiser, a creator and their clips. */
export const CLC = 1_000_000n;
export const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
export const NEW_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code message } } }`;
export const NEW_LINE_ITEM = `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { id status } userErrors { field code message } } }`;
export const NEW_CREATIVE = `mutation($input: CreateCreativeInput!) { createCreative(input: $input) { creative { id approval } userErrors { field code message } } }`;
const APPROVE = `mutation($id: ID!) { approveCreative(id: $id) { userErrors { code } } }`;

/** A beacon URL (built on PUBLIC_API_URL) as a path of the test api. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** A flight from a minute ago to a week ahead. */
export const flight = () => ({
  flightStart: new Date(Date.now() - 60_000).toISOString(),
  flightEnd: new Date(Date.now() + 7 * 86400_000).toISOString(),
});

export interface AdsWorld {
  api: TestApi;
  ledger: LedgerService;
  decisions: AdDecisionService;
  admin: ApiClient;
  adco: ApiClient;
  adcoEmail: string;
  creator: ApiClient;
  creatorId: string;
  viewer: ApiClient;
  /** A 4 s content clip of the creator's, READY. */
  contentId: string;
  /** A 3 s clip of the advertiser's (its creatives' video), READY. */
  adVideoId: string;
  /** The advertiser's campaign "Spring". */
  campaignId: string;
}

/**
 * Starts an api (`env` on top of an admin and an empty bandwidth pool) with an admin, an advertiser
 * holding `adcoCoins`, a creator and a viewer, the creator's content and the advertiser's ad clip
 * transcoded, and the campaign "Spring".
 */
export async function startAdsWorld(
  db: 'sqlite' | 'postgres',
  adminEmail: string,
  env: Record<string, string> = {},
  adcoCoins = 50n * CLC,
): Promise<AdsWorld> {
  const api = await startApi(db, { ADMIN_EMAILS: adminEmail, BANDWIDTH_POOL_SEED: '0', ...env });
  const admin = new ApiClient(api.url);
  const reg = await admin.rest('POST', '/api/auth/register', {
    email: adminEmail,
    password: 'correct horse battery',
    displayName: 'Admin',
  });
  assert.equal(reg.status, 201);
  admin.token = reg.body.token;
  const adco = new ApiClient(api.url);
  const { email: adcoEmail } = await adco.signUp('Adco', 'advertiser');
  const creator = new ApiClient(api.url);
  const { id: creatorId } = await creator.signUp('Creator');
  const viewer = new ApiClient(api.url);
  await viewer.signUp('Viewer');
  assert.deepEqual(
    (await admin.gql(MINT, { input: { toEmail: adcoEmail, amount: String(adcoCoins), idempotencyKey: `mint-adco-${adcoEmail}` } })).data
      .mint.userErrors,
    [],
  );
  const [content, ad] = await Promise.all([
    generateClip({ path: join(api.dataDir, 'content.mp4'), durationSec: 4, width: 320, height: 180 }),
    generateClip({ path: join(api.dataDir, 'ad.mp4'), durationSec: 3, width: 320, height: 180 }),
  ]);
  const contentId = (await tusUpload(creator, content)).videoId!;
  const adVideoId = (await tusUpload(adco, ad)).videoId!;
  assert.equal((await waitForStatus(creator, contentId, ['READY', 'FAILED'])).status, 'READY');
  assert.equal((await waitForStatus(adco, adVideoId, ['READY', 'FAILED'])).status, 'READY');
  const campaignId = (await adco.gql(NEW_CAMPAIGN, { input: { name: 'Spring' } })).data.createCampaign.campaign.id as string;
  return {
    api,
    ledger: api.app.get(LedgerService, { strict: false }),
    decisions: api.app.get(AdDecisionService, { strict: false }),
    admin,
    adco,
    adcoEmail,
    creator,
    creatorId,
    viewer,
    contentId,
    adVideoId,
    campaignId,
  };
}

/**
 * An ACTIVE ASAP line item of the world's campaign (CPM 1 CLC unless `extra` says otherwise) with one
 * approved creative on the advertiser's clip; the ad server's snapshot is refreshed.
 */
export async function bookLineItem(
  w: AdsWorld,
  name: string,
  budget: bigint,
  extra: Record<string, unknown> = {},
  clickThroughUrl = 'https://adco.example/spring?utm=wt&x=1',
  /** The creative's upload: the advertiser's clip unless given (an audio upload is an audio creative). */
  creativeVideoId = w.adVideoId,
): Promise<{ lineItemId: string; creativeId: string }> {
  const r = (
    await w.adco.gql(NEW_LINE_ITEM, {
      input: { campaignId: w.campaignId, name, ...flight(), budget: String(budget), cpmBid: String(CLC), pacing: 'ASAP', ...extra },
    })
  ).data.createLineItem;
  assert.deepEqual(r.userErrors, []);
  const c = (await w.adco.gql(NEW_CREATIVE, { input: { lineItemId: r.lineItem.id, videoId: creativeVideoId, clickThroughUrl } })).data
    .createCreative;
  assert.deepEqual(c.userErrors, []);
  if (c.creative.approval !== 'APPROVED')
    assert.deepEqual((await w.admin.gql(APPROVE, { id: c.creative.id })).data.approveCreative.userErrors, []);
  w.decisions.invalidate();
  return { lineItemId: r.lineItem.id as string, creativeId: c.creative.id as string };
}
