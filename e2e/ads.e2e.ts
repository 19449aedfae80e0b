import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';
import { checkAdvertiserDashboard } from './support/advertiser-dashboard';
import { newViewer, type Viewer } from './support/p2p-viewer';
import { playUntil as playUntilIn } from './support/play-until';
import { MidrollAdsE2E } from './support/ads-midroll';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

const ADMIN_EMAIL = 'admin@ads-e2e.test';
const PASSWORD = 'correct horse battery';
const CLC = 1_000_000n;
const PRICE = 1000n; // CPM 1 CLC: 1000 minor units per impression
const CREATOR_SHARE = 550n; // AD_SHARE_CREATOR_PERCENT 55 %
const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
const NEW_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code message } } }`;
const NEW_LINE_ITEM = `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { id status } userErrors { field code message } } }`;
const NEW_CREATIVE = `mutation($input: CreateCreativeInput!) { createCreative(input: $input) { creative { id approval videoStatus } userErrors { field code message } } }`;
const REPORT = `query($f: AdReportFilterInput) { adReport(filter: $f) { edges { node { lineItemId lineItemName day impressions starts firstQuartiles midpoints thirdQuartiles completes spend eCpm } } } }`;
const BUY = `mutation($input: BuyPlanInput!) { buyPlan(input: $input) { entitlement { planId expiresAt } userErrors { code message } } }`;
const WALLET = `{ wallet { balance creatorRevenue adFreeUntil } }`;

/**
 * Ads in the watch page, end to end: an advertiser books a pre-roll on a creator's video; a viewer
 * without a plan sees it (the badge, the beacons) before the content, the advertiser's report counts
 * the impression and its spend, the creator earns its share; a viewer with an ad-free plan sees none.
 */
describe('ads: a pre-roll before the content for viewers without a plan', { timeout: 600_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let admin: ApiClient;
  let adco: ApiClient;
  let creator: ApiClient;
  let contentId = '';
  let lineItemId = '';
  const errors: string[] = [];

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const registered = async (name: string, accountType?: string) => {
    const c = new ApiClient(platform.apiUrl);
    const email = `${name.toLowerCase()}.${Date.now()}@ads-e2e.test`;
    const r = await c.rest('POST', '/api/auth/register', { email, password: PASSWORD, displayName: name, accountType });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    c.token = r.body.token;
    return { client: c, email };
  };
  const creatorRevenue = async () => BigInt((await creator.gql(WALLET)).data.wallet.creatorRevenue);

  /** Content time (the primary player's, not the ad's: ads play in the same <video>). */
  const contentTime = (page: Page): Promise<number> =>
    page.evaluate(() => {
      const v = document.querySelector('video');
      const hls = window.__wetubeHls;
      const inAd = !!document.querySelector('[data-testid=ad-badge]') || !!hls?.interstitialsManager?.playingItem?.event;
      return inAd ? 0 : (hls?.interstitialsManager?.primary?.currentTime ?? v?.currentTime ?? 0);
    });

  const playUntil = (v: Viewer, name: string, done: string) =>
    playUntilIn(v.page, name, done, { stallShot: `ads-${name}-stalled`, pageErrors: () => errors });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser({ ADMIN_EMAILS: ADMIN_EMAIL }));
    admin = new ApiClient(platform.apiUrl);
    const reg = await admin.rest('POST', '/api/auth/register', { email: ADMIN_EMAIL, password: PASSWORD, displayName: 'Admin' });
    assert.equal(reg.status, 201);
    admin.token = reg.body.token;
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('an advertiser books a pre-roll: coins from an admin, campaign, line item and creative on its uploaded clip', async () => {
    const a = await registered('Adco', 'advertiser');
    adco = a.client;
    creator = (await registered('Creator')).client;
    assert.deepEqual(
      (await admin.gql(MINT, { input: { toEmail: a.email, amount: String(20n * CLC), idempotencyKey: 'ads-e2e-mint' } })).data.mint
        .userErrors,
      [],
    );
    const [content, ad] = await Promise.all([
      generateClip({ path: join(platform.dataDir, 'ads-content.mp4'), durationSec: 8, width: 640, height: 360 }),
      generateClip({ path: join(platform.dataDir, 'ads-ad.mp4'), durationSec: 3, width: 640, height: 360 }),
    ]);
    contentId = (await tusUpload(creator, content, { title: 'Content with a pre-roll' })).videoId!;
    const adVideoId = (await tusUpload(adco, ad, { title: 'Spring sale' })).videoId!;
    assert.equal((await waitForStatus(creator, contentId, ['READY', 'FAILED'], 300_000)).status, 'READY');
    assert.equal((await waitForStatus(adco, adVideoId, ['READY', 'FAILED'], 300_000)).status, 'READY');

    const campaign = (await adco.gql(NEW_CAMPAIGN, { input: { name: 'Spring' } })).data.createCampaign;
    assert.deepEqual(campaign.userErrors, []);
    const li = (
      await adco.gql(NEW_LINE_ITEM, {
        input: {
          campaignId: campaign.campaign.id,
          name: 'Spring pre-roll',
          flightStart: new Date(Date.now() - 60_000).toISOString(),
          flightEnd: new Date(Date.now() + 7 * 86400_000).toISOString(),
          budget: String(5n * CLC),
          cpmBid: String(CLC),
          pacing: 'ASAP',
        },
      })
    ).data.createLineItem;
    assert.deepEqual(li.userErrors, []);
    assert.equal(li.lineItem.status, 'ACTIVE');
    lineItemId = li.lineItem.id;
    const cr = (await adco.gql(NEW_CREATIVE, { input: { lineItemId, videoId: adVideoId, clickThroughUrl: 'https://adco.example/spring' } }))
      .data.createCreative;
    assert.deepEqual(cr.userErrors, []);
    if (cr.creative.approval !== 'APPROVED') {
      assert.deepEqual(
        (await admin.gql(`mutation($id: ID!) { approveCreative(id: $id) { userErrors { code } } }`, { id: cr.creative.id })).data
          .approveCreative.userErrors,
        [],
      );
    }
    // The ad server's snapshot of servable line items is fresh for 3 s.
    await new Promise((r) => setTimeout(r, 3500));
  });

  it('a viewer without a plan sees the pre-roll ("Ad 1 of 1" and a countdown), then the content plays past 3 s', async () => {
    const revenueBefore = await creatorRevenue();
    const v = await newViewer(browser, 'ad-viewer');
    v.page.on('pageerror', (e) => errors.push(e.message));
    const beacons: string[] = [];
    const mediaPlaylists: string[] = [];
    v.page.on('request', (r) => {
      const m = /\/ads\/beacon\/[^/]+\/([a-zA-Z]+)/.exec(r.url());
      if (m) beacons.push(m[1]);
      if (/\/hls\/[^/]+\/[^/]+\/playlist\.m3u8/.test(r.url())) mediaPlaylists.push(r.url());
    });
    await v.page.goto(`${platform.webUrl}/watch/${contentId}`);
    await v.page.locator('video[data-testid=player]').waitFor();
    await playUntil(v, 'ad', `!!document.querySelector('[data-testid=ad-badge]')`);
    const badge = (await v.page.getByTestId('ad-badge').textContent()) ?? '';
    assert.match(badge, /Ad 1 of 1/);
    // The media playlists were loaded with the session, and hls.js filled their asset-list URLs in
    // from it (EXT-X-DEFINE QUERYPARAM): the break's URL as parsed already carries the session.
    const sessions = new Set(mediaPlaylists.map((u) => new URL(u).searchParams.get('session')));
    assert.equal(sessions.size, 1, `one session on every media playlist request: ${mediaPlaylists.join(' ')}`);
    const [session] = [...sessions];
    assert.match(session ?? '', /^[0-9a-f-]{36}$/);
    const parsedUrls: string[] = await v.page.evaluate(() =>
      (window.__wetubeHls?.interstitialsManager?.events ?? []).map((e: any) => e.assetListUrl),
    );
    assert.ok(
      parsedUrls.length >= 1 && parsedUrls.every((u) => new URL(u).searchParams.get('session') === session),
      `asset lists as parsed: ${parsedUrls.join(' ')}`,
    );
    assert.match(badge, /\d+s/);
    await shot(v.page, 'ads-playing');
    await playUntil(
      v,
      'content',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > 3`,
    );
    assert.ok((await contentTime(v.page)) > 3);
    await shot(v.page, 'ads-content-after-preroll');
    for (let i = 0; i < 20 && !beacons.includes('complete'); i++) await new Promise((r) => setTimeout(r, 250));
    for (const e of ['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'])
      assert.ok(beacons.includes(e), `beacon ${e} fired: ${beacons.join(',')}`);
    assert.equal(beacons.filter((b) => b === 'impression').length, 1, 'one impression beacon');

    // The impression is charged: the report shows it and its spend, the creator got its share.
    let row: any = null;
    for (let i = 0; i < 40; i++) {
      const r = await adco.gql(REPORT, { f: { lineItemId } });
      row = r.data?.adReport?.edges?.[0]?.node ?? null;
      if (row && row.impressions === 1 && row.completes === 1) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    assert.ok(row, 'a report row');
    assert.equal(row.impressions, 1);
    assert.equal(row.starts, 1);
    assert.equal(row.completes, 1);
    assert.equal(BigInt(row.spend), PRICE);
    assert.equal((await creatorRevenue()) - revenueBefore, CREATOR_SHARE, "the creator's share of the impression");
    const report = await v.context.newPage();
    await report.setContent(
      `<html><body style="font-family:sans-serif;padding:24px"><h1>adReport (advertiser API)</h1><pre data-testid="report">${JSON.stringify(row, null, 2)}</pre>` +
        `<p>Creator revenue grew by ${CREATOR_SHARE} minor units (55 % of ${PRICE}).</p></body></html>`,
    );
    await report.screenshot({ path: join(ARTIFACTS, 'ads-report.png'), fullPage: true });
    await report.close();
    assert.deepEqual(errors, []);
    await v.context.close();
  });

  it('the advertiser sees the campaign, the line item with its impression and spend on /advertiser', () =>
    checkAdvertiserDashboard({
      browser,
      webUrl: platform.webUrl,
      advertiser: adco,
      password: PASSWORD,
      campaignName: 'Spring',
      lineItemId,
      impressions: 1,
      spend: PRICE,
    }));

  it('a viewer with an ad-free plan gets straight to the content (no ad)', async () => {
    const { client, email } = await registered('Planholder');
    assert.deepEqual(
      (await admin.gql(MINT, { input: { toEmail: email, amount: String(20n * CLC), idempotencyKey: 'ads-e2e-mint-plan' } })).data.mint
        .userErrors,
      [],
    );
    const plans = (await client.gql(`{ plans { id } }`)).data.plans as { id: string }[];
    const buy = (await client.gql(BUY, { input: { planId: plans[0].id, idempotencyKey: 'ads-e2e-plan' } })).data.buyPlan;
    assert.deepEqual(buy.userErrors, []);
    const v = await newViewer(browser, 'adfree-viewer');
    v.page.on('pageerror', (e) => errors.push(e.message));
    await v.page.goto(`${platform.webUrl}/signin`);
    await v.page.fill('input[name=email]', email);
    await v.page.fill('input[name=password]', PASSWORD);
    await v.page.click('button[type=submit]');
    await v.page.getByText('Planholder').first().waitFor({ timeout: 15_000 });
    const assetLists: { url: string; assets: number }[] = [];
    v.page.on('response', (r) => {
      if (!r.url().includes('/ads/asset-list/')) return;
      void r
        .json()
        .then((b: any) => assetLists.push({ url: r.url(), assets: b?.ASSETS?.length ?? -1 }))
        .catch(() => assetLists.push({ url: r.url(), assets: -1 }));
    });
    await v.page.goto(`${platform.webUrl}/watch/${contentId}`);
    await v.page.locator('video[data-testid=player]').waitFor();
    await playUntil(
      v,
      'adfree',
      `(window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? document.querySelector('video').currentTime) > 3`,
    );
    await shot(v.page, 'ads-adfree-content');
    assert.equal(await v.page.evaluate(() => !!window.__sawAd), false, 'no ad badge for an ad-free viewer');
    assert.ok(assetLists.length >= 1, 'the pre-roll asset list was asked for');
    for (const a of assetLists) {
      assert.match(a.url, /[?&]session=/, 'the asset list request carries the playback session');
      assert.equal(a.assets, 0, 'an ad-free session gets an empty asset list');
    }
    assert.deepEqual(errors, []);
    await v.context.close();
  });
});

describe('ads: a creator-chosen mid-roll, click-through, no seeking through ads', { timeout: 600_000 }, () => {
  const e2e = new MidrollAdsE2E();
  before(() => e2e.start());
  after(() => e2e.stop());
  it('a creator sets a mid-roll at 8 s on a 20 s clip; an advertiser books one line item everywhere, one on mid-rolls only', () =>
    e2e.book());
  it('a viewer without a plan: the pre-roll ("Ad 1 of 1"); "Learn more" opens the click-through in a new tab and pauses the ad, the click beacon goes once', () =>
    e2e.prerollAndClickThrough());
  it('then the content, the mid-roll pod at 8 s ("Ad 1 of 2", "Ad 2 of 2") with the ad progress in place of the seek bar, the content again past 11 s; the report counts 3 impressions', () =>
    e2e.midrollAndReport());
  it('a seek past the unplayed mid-roll plays the break first', async (t) => {
    const { resumedAt } = await e2e.seekPastMidroll();
    t.diagnostic(
      `content time first seen after the break: ${resumedAt.toFixed(1)} s (the seek asked for 15 s; hls.js resumes at the break)`,
    );
  });
});
