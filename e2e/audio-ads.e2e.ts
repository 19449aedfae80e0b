import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generateAudioFile, generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';
import { listenUntil, readListenState } from './support/listen-until';

// Functions passed to page.evaluate run in the page; this name exists there.
declare const window: any;
declare const document: any;

const ADMIN_EMAIL = 'admin@audio-ads-e2e.test';
const PASSWORD = 'correct horse battery';
const CLC = 1_000_000n;
const PRICE = 1000n; // CPM 1 CLC: 1000 minor units per impression
const CREATOR_SHARE = 550n; // AD_SHARE_CREATOR_PERCENT 55 %
const TRACK_SEC = 20;
/** The creator's mid-roll on the track, seconds from the start (on the 2 s segment grid). */
const MIDROLL_SEC = 8;
const AD_SEC = 4;

const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
const NEW_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code message } } }`;
const NEW_LINE_ITEM = `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { id status targeting { positions mediaKinds } } userErrors { field code message } } }`;
const NEW_CREATIVE = `mutation($input: CreateCreativeInput!) { createCreative(input: $input) { creative { id approval } userErrors { field code message } } }`;
const REPORT = `query($f: AdReportFilterInput) { adReport(filter: $f) { edges { node { lineItemId lineItemName impressions starts completes spend } } } }`;
const BUY = `mutation($input: BuyPlanInput!) { buyPlan(input: $input) { entitlement { planId expiresAt } userErrors { code message } } }`;
const WALLET = `{ wallet { balance creatorRevenue adFreeUntil } }`;

/** A playlist or media segment of an item (not its poster or waveform): the item whose sound was loaded. */
const HLS_MEDIA = /\/hls\/([0-9a-f-]{36})\/[^?]*\.(?:m3u8|m4s|mp4|m4a|aac|ts)(?:\?|$)/;

/** One asset-list answer the listen page got: its URL and the ads' playlists. */
interface AssetList {
  url: string;
  uris: string[];
  adFree: boolean;
}

/**
 * Issue 14, "Ads", as a listener meets them in Chromium: an advertiser uploads two short AUDIO
 * creatives and books them on audio items only (one pre-roll, one mid-roll), plus a VIDEO creative
 * that bids highest everywhere; the creator sets a mid-roll at 0:08 on a 20 s track in the studio.
 * A listener without a plan hears the audio pre-roll in the listen page's one <audio> ("Ad 1 of 1",
 * the ad's progress in place of the waveform), then the track, then the audio mid-roll at 0:08;
 * the report counts both impressions with their spend and never the video creative. A listener
 * with an ad-free plan goes straight to the track. Screenshot: artifacts/e2e/listen-ad.png.
 */
describe('audio ads: pre-roll and mid-roll with audio creatives on the listen page', { timeout: 600_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let admin: ApiClient;
  let adco: ApiClient;
  let creator: ApiClient;
  let creatorEmail = '';
  let trackId = '';
  /** The creatives' uploaded items. */
  const ads = { audioPre: '', audioMid: '', video: '' };
  /** Line item ids. */
  const li = { audioPre: '', audioMid: '', video: '' };
  const errors: string[] = [];

  const creatorRevenue = async () => BigInt((await creator.gql(WALLET)).data.wallet.creatorRevenue);
  const kindOf = async (id: string) => (await adco.gql(`query($id: ID!) { video(id: $id) { kind } }`, { id })).data.video.kind;

  /** The listen page's asset-list answers, recorded as they come. */
  function recordAssetLists(page: Page): AssetList[] {
    const lists: AssetList[] = [];
    page.on('response', (r) => {
      if (!r.url().includes('/ads/asset-list/')) return;
      void r
        .json()
        .then((b: any) =>
          lists.push({ url: r.url(), uris: (b?.ASSETS ?? []).map((a: any) => String(a.URI)), adFree: b?.['X-WETUBE']?.adFree === true }),
        )
        .catch(() => lists.push({ url: r.url(), uris: ['(not JSON)'], adFree: false }));
    });
    return lists;
  }

  async function reportRows(done: (rows: Record<string, any>) => boolean): Promise<Record<string, any>> {
    let rows: Record<string, any> = {};
    for (let i = 0; i < 40; i++) {
      const r = await adco.gql(REPORT, { f: {} });
      rows = Object.fromEntries((r.data?.adReport?.edges ?? []).map((e: any) => [e.node.lineItemId, e.node]));
      if (done(rows)) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    return rows;
  }

  /** The advertiser's page: a page of the test's own api (tests send traffic only to this machine). */
  const clickThroughOf = (name: string) =>
    `${platform.apiUrl.replace('//localhost:', '//127.0.0.1:')}/api/health?ad=${encodeURIComponent(name)}`;

  async function lineItem(campaignId: string, name: string, cpmBid: bigint, targeting: Record<string, string[]> | null, videoId: string) {
    const made = (
      await adco.gql(NEW_LINE_ITEM, {
        input: {
          campaignId,
          name,
          flightStart: new Date(Date.now() - 60_000).toISOString(),
          flightEnd: new Date(Date.now() + 7 * 86400_000).toISOString(),
          budget: String(5n * CLC),
          cpmBid: String(cpmBid),
          pacing: 'ASAP',
          ...(targeting ? { targeting } : {}),
        },
      })
    ).data.createLineItem;
    assert.deepEqual(made.userErrors, []);
    assert.equal(made.lineItem.status, 'ACTIVE');
    const cr = (await adco.gql(NEW_CREATIVE, { input: { lineItemId: made.lineItem.id, videoId, clickThroughUrl: clickThroughOf(name) } }))
      .data.createCreative;
    assert.deepEqual(cr.userErrors, [], `${name}: the creative is accepted`);
    if (cr.creative.approval !== 'APPROVED') {
      assert.deepEqual(
        (await admin.gql(`mutation($id: ID!) { approveCreative(id: $id) { userErrors { code } } }`, { id: cr.creative.id })).data
          .approveCreative.userErrors,
        [],
      );
    }
    return made.lineItem as { id: string; targeting: { positions: string[]; mediaKinds: string[] } };
  }

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

  it('an advertiser uploads audio creatives and books them on audio items (pre-roll, mid-roll) beside a video creative; the creator sets a mid-roll at 0:08 on the track in the studio', async () => {
    adco = new ApiClient(platform.apiUrl);
    const adcoEmail = (await adco.signUp('Audioco', 'advertiser')).email;
    creator = new ApiClient(platform.apiUrl);
    creatorEmail = (await creator.signUp('Track Creator')).email;
    assert.deepEqual(
      (await admin.gql(MINT, { input: { toEmail: adcoEmail, amount: String(20n * CLC), idempotencyKey: 'audio-ads-e2e-mint' } })).data.mint
        .userErrors,
      [],
    );
    const dir = platform.dataDir;
    const [track, adPre, adMid, adVideo] = await Promise.all([
      generateAudioFile({
        path: join(dir, 'audio-ads-track.mp3'),
        durationSec: TRACK_SEC,
        quiet: true,
        codec: 'libmp3lame',
        bitrateK: 128,
        coverSize: 300,
        tags: { title: 'Track with ads', artist: 'The E2E Quartet' },
      }),
      generateAudioFile({ path: join(dir, 'audio-ad-pre.mp3'), durationSec: AD_SEC, codec: 'libmp3lame', bitrateK: 128 }),
      generateAudioFile({ path: join(dir, 'audio-ad-mid.mp3'), durationSec: AD_SEC, codec: 'libmp3lame', bitrateK: 128 }),
      generateClip({ path: join(dir, 'video-ad.mp4'), durationSec: AD_SEC, width: 640, height: 360 }),
    ]);
    const up = await tusUpload(creator, track, { title: 'Track with ads', filename: 'track.mp3', metadata: { visibility: 'PUBLIC' } });
    assert.ok(up.videoId, JSON.stringify(up.error));
    trackId = up.videoId;
    ads.audioPre = (await tusUpload(adco, adPre, { title: 'Radio spot: spring', filename: 'spring.mp3' })).videoId!;
    ads.audioMid = (await tusUpload(adco, adMid, { title: 'Radio spot: summer', filename: 'summer.mp3' })).videoId!;
    ads.video = (await tusUpload(adco, adVideo, { title: 'TV spot' })).videoId!;
    assert.equal((await waitForStatus(creator, trackId, ['READY', 'FAILED'], 300_000)).status, 'READY');
    for (const id of Object.values(ads)) assert.equal((await waitForStatus(adco, id, ['READY', 'FAILED'], 300_000)).status, 'READY');
    assert.deepEqual(
      [await kindOf(trackId), await kindOf(ads.audioPre), await kindOf(ads.audioMid), await kindOf(ads.video)],
      ['AUDIO', 'AUDIO', 'AUDIO', 'VIDEO'],
    );

    // Booked before anything asks the ad server on this platform: its line-item snapshot is loaded at
    // the listener's first break, with these in it.
    const campaign = (await adco.gql(NEW_CAMPAIGN, { input: { name: 'Radio' } })).data.createCampaign;
    assert.deepEqual(campaign.userErrors, []);
    const pre = await lineItem(
      campaign.campaign.id,
      'Audio pre-roll',
      CLC,
      { mediaKinds: ['AUDIO'], positions: ['PREROLL'] },
      ads.audioPre,
    );
    assert.deepEqual(pre.targeting, { positions: ['PREROLL'], mediaKinds: ['AUDIO'] });
    li.audioPre = pre.id;
    const mid = await lineItem(
      campaign.campaign.id,
      'Audio mid-roll',
      CLC,
      { mediaKinds: ['AUDIO'], positions: ['MIDROLL'] },
      ads.audioMid,
    );
    assert.deepEqual(mid.targeting, { positions: ['MIDROLL'], mediaKinds: ['AUDIO'] });
    li.audioMid = mid.id;
    // The video creative bids highest and targets nothing: only its kind keeps it out of the track.
    li.video = (await lineItem(campaign.campaign.id, 'Video everywhere', 3n * CLC, null, ads.video)).id;

    // The creator's mid-roll, set in the studio's edit form of the audio item.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`studio: ${e.message}`));
    try {
      await page.goto(`${platform.webUrl}/signin`);
      await page.fill('input[name=email]', creatorEmail);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
      await page.goto(`${platform.webUrl}/studio`);
      const row = page.locator(`[data-testid=studio-video][data-video-id="${trackId}"]`);
      await row.locator('summary', { hasText: 'Edit details' }).click();
      await row.getByTestId('midrolls-default').uncheck();
      await row.getByTestId('midrolls-input').fill('0:08');
      await row.getByTestId('save-video').click();
      await row.getByTestId('saved').waitFor({ timeout: 15_000 });
      await row.getByTestId('midrolls-served').getByText('0:08').waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
    const seen = await new ApiClient(platform.apiUrl).gql(`query($id: ID!) { video(id: $id) { kind midrolls midrollsAreDefault } }`, {
      id: trackId,
    });
    assert.deepEqual(seen.data.video, { kind: 'AUDIO', midrolls: [MIDROLL_SEC], midrollsAreDefault: false });
  });

  it('a listener without a plan hears the audio pre-roll ("Ad 1 of 1") in the listen player, the track, the audio mid-roll at 0:08, the track again; the report counts both, never the video creative', async () => {
    const revenueBefore = await creatorRevenue();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const beacons: { id: string; event: string }[] = [];
    const hlsItems = new Set<string>();
    page.on('request', (r) => {
      const b = /\/ads\/beacon\/([^/]+)\/([a-zA-Z]+)/.exec(r.url());
      if (b) beacons.push({ id: b[1], event: b[2] });
      const h = HLS_MEDIA.exec(r.url());
      if (h) hlsItems.add(h[1]);
    });
    const assetLists = recordAssetLists(page);

    await page.goto(`${platform.webUrl}/watch/${trackId}`);
    await page.locator(`[data-testid=listen-page][data-track-id="${trackId}"]`).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=listen-play]:not([disabled])').click();

    // The pre-roll, in the listen page: its badge and progress where the waveform was.
    await listenUntil(page, 'audio-ads-preroll', `!!document.querySelector('[data-testid=ad-badge]')`, () => errors);
    let s = await readListenState(page);
    assert.match(s.badge ?? '', /^Ad 1 of 1 · \ds$/, `the badge: ${JSON.stringify(s)}`);
    assert.equal(s.breakAt, 0, 'the pre-roll');
    assert.deepEqual([s.waveform, s.audios, s.videos], [false, 1, 0], 'no waveform during the ad; the one <audio>, no <video>');
    // The ad plays in that <audio>: its progress moves and the countdown goes down.
    const firstBadge = s.badge!;
    await listenUntil(
      page,
      'audio-ads-preroll-progress',
      `Number(document.querySelector('[data-testid=ad-progress]')?.getAttribute('aria-valuenow') ?? 0) >= 1 && (document.querySelector('[data-testid=ad-badge]')?.textContent ?? '') !== ${JSON.stringify(firstBadge)}`,
      () => errors,
      15_000,
    );
    s = await readListenState(page);
    assert.match(s.badge ?? '', /^Ad 1 of 1 · \ds$/);
    assert.equal(s.paused, false, 'the ad is playing');
    const adTimes = (await page.getByTestId('listen-time').textContent()) ?? '';
    assert.match(adTimes, /^0:0\d0:0[45]$/, `the time row shows the break's own times, not the track's 0:20: ${adTimes}`);
    await page.screenshot({ path: join(ARTIFACTS, 'listen-ad.png'), fullPage: true });
    // "Learn more": the advertiser's page in a new tab (no opener), the ad paused, one click beacon;
    // play goes on with the ad.
    const learnMore = page.getByTestId('ad-learn-more');
    assert.equal(await learnMore.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([context.waitForEvent('page'), learnMore.click()]);
    await tab.waitForLoadState('domcontentloaded');
    assert.equal(tab.url(), clickThroughOf('Audio pre-roll'), "the new tab opens the audio pre-roll's page");
    assert.equal(await tab.evaluate(() => window.opener), null, 'no opener');
    await tab.close();
    await page.waitForFunction(() => document.querySelector('audio[data-testid=listen-audio]').paused, undefined, { timeout: 5000 });
    assert.match((await readListenState(page)).badge ?? '', /^Ad 1 of 1/, 'still in the ad, paused');
    await page.locator('[data-testid=listen-play]:not([disabled])').click();
    await page.waitForFunction(() => !document.querySelector('audio[data-testid=listen-audio]').paused, undefined, { timeout: 5000 });
    assert.ok(hlsItems.has(ads.audioPre), `the audio pre-roll's playlists were loaded: ${[...hlsItems].join(' ')}`);

    // Then the track, past 3 s, with its waveform back.
    await listenUntil(
      page,
      'audio-ads-content',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > 3`,
      () => errors,
    );
    s = await readListenState(page);
    assert.deepEqual([s.waveform, s.adProgress], [true, null], 'the waveform is back after the ad');

    // The mid-roll at the creator's 0:08.
    await listenUntil(page, 'audio-ads-midroll', `!!document.querySelector('[data-testid=ad-badge]')`, () => errors, 60_000);
    s = await readListenState(page);
    assert.ok(s.breakAt !== null && Math.abs(s.breakAt - MIDROLL_SEC) < 0.5, `the break at ${MIDROLL_SEC} s: ${JSON.stringify(s)}`);
    assert.ok(Math.abs(s.primary - MIDROLL_SEC) < 1, `the track stopped at the break: ${JSON.stringify(s)}`);
    assert.match(s.badge ?? '', /^Ad 1 of 1 · \ds$/);
    await page.screenshot({ path: join(ARTIFACTS, 'listen-ad-midroll.png'), fullPage: true });
    await listenUntil(
      page,
      'audio-ads-after-midroll',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > ${MIDROLL_SEC + 3}`,
      () => errors,
      60_000,
    );
    assert.ok(hlsItems.has(ads.audioMid), `the audio mid-roll's playlists were loaded: ${[...hlsItems].join(' ')}`);

    // Only the audio creatives were served and played; the video one never.
    assert.ok(assetLists.length >= 2, `asset lists of both breaks: ${JSON.stringify(assetLists)}`);
    const served = assetLists.flatMap((a) => a.uris);
    assert.ok(served.length >= 2, `ads served: ${JSON.stringify(assetLists)}`);
    for (const uri of served) assert.ok(uri.includes(ads.audioPre) || uri.includes(ads.audioMid), `an audio creative: ${uri}`);
    assert.equal(hlsItems.has(ads.video), false, 'the video creative was never loaded');

    const count = (event: string) => new Set(beacons.filter((b) => b.event === event).map((b) => b.id)).size;
    for (let i = 0; i < 20 && count('complete') < 2; i++) await new Promise((r) => setTimeout(r, 250));
    assert.equal(count('impression'), 2, `two ads, one impression each: ${JSON.stringify(beacons)}`);
    assert.equal(count('complete'), 2, 'each played to its end');
    assert.equal(count('click'), 1, `one click, on the pre-roll: ${JSON.stringify(beacons)}`);

    // The advertiser's report: one impression on each audio line item, with its spend; none on the video one.
    const rows = await reportRows((r) => r[li.audioPre]?.completes === 1 && r[li.audioMid]?.completes === 1);
    assert.deepEqual(
      [rows[li.audioPre]?.impressions, rows[li.audioPre]?.completes, BigInt(rows[li.audioPre]?.spend ?? -1)],
      [1, 1, PRICE],
      `audio pre-roll: ${JSON.stringify(rows)}`,
    );
    assert.deepEqual(
      [rows[li.audioMid]?.impressions, rows[li.audioMid]?.completes, BigInt(rows[li.audioMid]?.spend ?? -1)],
      [1, 1, PRICE],
      `audio mid-roll: ${JSON.stringify(rows)}`,
    );
    assert.equal(rows[li.video]?.impressions ?? 0, 0, `the video creative: no impression (${JSON.stringify(rows)})`);
    assert.equal((await creatorRevenue()) - revenueBefore, 2n * CREATOR_SHARE, "the creator's share of both impressions");
    const report = await context.newPage();
    await report.setContent(
      `<html><body style="font-family:sans-serif;padding:24px"><h1>adReport (advertiser API)</h1><pre>${JSON.stringify(Object.values(rows), null, 2)}</pre></body></html>`,
    );
    await report.screenshot({ path: join(ARTIFACTS, 'listen-ad-report.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a listener with an ad-free plan goes straight to the track (empty asset lists, no ad badge)', async () => {
    const planholder = new ApiClient(platform.apiUrl);
    const { email } = await planholder.signUp('Planholder');
    assert.deepEqual(
      (await admin.gql(MINT, { input: { toEmail: email, amount: String(20n * CLC), idempotencyKey: 'audio-ads-e2e-mint-plan' } })).data.mint
        .userErrors,
      [],
    );
    const plans = (await planholder.gql(`{ plans { id } }`)).data.plans as { id: string }[];
    const buy = (await planholder.gql(BUY, { input: { planId: plans[0].id, idempotencyKey: 'audio-ads-e2e-plan' } })).data.buyPlan;
    assert.deepEqual(buy.userErrors, []);
    assert.ok((await planholder.gql(WALLET)).data.wallet.adFreeUntil, 'the plan makes the listener ad-free');

    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.webUrl}/signin`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByText('Planholder').first().waitFor({ timeout: 15_000 });
    const hlsItems = new Set<string>();
    page.on('request', (r) => {
      const h = HLS_MEDIA.exec(r.url());
      if (h) hlsItems.add(h[1]);
    });
    const assetLists = recordAssetLists(page);
    await page.goto(`${platform.webUrl}/watch/${trackId}`);
    await page.locator(`[data-testid=listen-page][data-track-id="${trackId}"]`).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=listen-play]:not([disabled])').click();
    await listenUntil(page, 'audio-ads-adfree', `(window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > 3`, () => errors);
    await page.screenshot({ path: join(ARTIFACTS, 'listen-adfree.png'), fullPage: true });
    assert.equal(await page.evaluate(() => !!window.__sawAd), false, 'no ad badge for an ad-free listener');
    assert.ok(assetLists.length >= 1, 'the pre-roll asset list was asked for');
    for (const a of assetLists) {
      assert.match(a.url, /[?&]session=/, 'the asset list request carries the playback session');
      assert.deepEqual([a.uris, a.adFree], [[], true], 'an ad-free session gets an empty asset list');
    }
    assert.deepEqual([...hlsItems], [trackId], 'only the track was loaded');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
