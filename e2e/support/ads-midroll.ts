import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from '../platform.harness';
import { playUntil as playUntilIn } from './play-until';
import { newViewer, type Viewer } from './p2p-viewer';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

const ADMIN_EMAIL = 'admin@ads-midroll-e2e.test';
const PASSWORD = 'correct horse battery';
const CLC = 1_000_000n;
/** The creator's mid-roll, seconds from the start (on the 2 s segment grid, so not snapped). */
const MIDROLL_SEC = 8;
const CONTENT_SEC = 20;
const AD_SEC = 4;

const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
const NEW_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code message } } }`;
const NEW_LINE_ITEM = `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { id status } userErrors { field code message } } }`;
const NEW_CREATIVE = `mutation($input: CreateCreativeInput!) { createCreative(input: $input) { creative { id approval } userErrors { field code message } } }`;
const REPORT = `query($f: AdReportFilterInput) { adReport(filter: $f) { edges { node { lineItemId lineItemName impressions starts completes clicks clickThroughRate spend } } } }`;

interface LineItem {
  id: string;
  name: string;
  clickThroughUrl: string;
}

/** What the player shows, read in the page. */
interface PlayerState {
  badge: string | null;
  /** Content time (hls.js's primary timeline). */
  primary: number;
  /** Start (content seconds) of the break playing, or null. */
  breakAt: number | null;
  paused: boolean;
  /** The control bar is the content's (seek bar, speed menu), not the ad's. */
  controls: boolean;
  seekBar: boolean;
  adProgress: boolean;
  learnMore: boolean;
}

const readState = (page: Page): Promise<PlayerState> =>
  page.evaluate(() => {
    const v = document.querySelector('video[data-testid=player]');
    const m = window.__wetubeHls?.interstitialsManager;
    const item = m?.playingItem;
    return {
      badge: document.querySelector('[data-testid=ad-badge]')?.textContent ?? null,
      primary: m?.primary?.currentTime ?? v?.currentTime ?? 0,
      breakAt: item?.event ? item.start : null,
      paused: !!v?.paused,
      controls: document.querySelector('[data-testid=player-controls]')?.getAttribute('data-mode') === 'content' && !v?.controls,
      seekBar: !!document.querySelector('[data-testid=seek-bar]'),
      adProgress: !!document.querySelector('[data-testid=ad-progress]'),
      learnMore: !!document.querySelector('[data-testid=ad-learn-more]'),
    };
  });

/**
 * Creator-chosen mid-rolls in the watch page, end to end, on a platform of its own (the other ads
 * e2e's report numbers stay its own): a creator sets a mid-roll at 8 s on a 20 s clip
 * (in the studio's edit form); an advertiser runs one line item everywhere and one on
 * mid-rolls only, so a viewer without a plan gets a one-ad pre-roll and a two-ad mid-roll pod.
 * Also the ads' click-through and the seek bar during ads.
 */
export class MidrollAdsE2E {
  private platform!: Platform;
  private browser!: Browser;
  private admin!: ApiClient;
  private adco!: ApiClient;
  private creator!: ApiClient;
  private contentId = '';
  private everywhere!: LineItem;
  private midOnly!: LineItem;
  private viewer: Viewer | null = null;
  /** Beacons the first viewer's page sent: impression id and event. */
  private readonly beacons: { id: string; event: string }[] = [];

  async start(): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform: this.platform, browser: this.browser } = await startPlatformAndBrowser({ ADMIN_EMAILS: ADMIN_EMAIL }));
    this.admin = new ApiClient(this.platform.apiUrl);
    const reg = await this.admin.rest('POST', '/api/auth/register', { email: ADMIN_EMAIL, password: PASSWORD, displayName: 'Admin' });
    assert.equal(reg.status, 201);
    this.admin.token = reg.body.token;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.platform?.stop();
  }

  /**
   * The creator signs in, opens the studio's "Edit details" of the clip, files it under Music,
   * replaces the default ad breaks by a mid-roll at 0:08 (a bad time first: the field says why) and
   * saves; the form then shows the breaks as served (artifacts/e2e/studio-ad-breaks.png).
   */
  private async setAdBreaksInStudio(email: string): Promise<void> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${this.platform.webUrl}/signin`);
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
      await page.goto(`${this.platform.webUrl}/studio`);
      const row = page.locator(`[data-testid=studio-video][data-video-id="${this.contentId}"]`);
      await row.locator('summary', { hasText: 'Edit details' }).click();
      await row.getByTestId('video-category').selectOption('Music');
      await row.getByTestId('midrolls-default').uncheck();
      await row.getByTestId('midrolls-input').fill('soon');
      await row.getByTestId('save-video').click();
      assert.match((await row.getByTestId('error-midrolls').textContent({ timeout: 10_000 })) ?? '', /"soon" is not a time/);
      await row.getByTestId('midrolls-input').fill('0:08');
      await row.getByTestId('save-video').click();
      await row.getByTestId('saved').waitFor({ timeout: 15_000 });
      await page.waitForFunction(
        (id) => (document.querySelector(`[data-video-id="${id}"] [data-testid=midrolls-served]`)?.textContent ?? '').includes('0:08'),
        this.contentId,
        { timeout: 10_000 },
      );
      await page.screenshot({ path: join(ARTIFACTS, 'studio-ad-breaks.png'), fullPage: true });
    } finally {
      await context.close();
    }
    const v = (
      await this.creator.gql(`query($id: ID!) { video(id: $id) { midrolls midrollsAreDefault category } }`, { id: this.contentId })
    ).data.video;
    assert.deepEqual(v, { midrolls: [MIDROLL_SEC], midrollsAreDefault: false, category: 'Music' }, 'saved from the studio');
  }

  /** The creator's clip with a mid-roll at 8 s; an advertiser's two line items (everywhere; mid-rolls only). */
  async book(): Promise<void> {
    const adco = await this.registered('Midco', 'advertiser');
    this.adco = adco.client;
    const creator = await this.registered('Creator');
    this.creator = creator.client;
    assert.deepEqual(
      (await this.admin.gql(MINT, { input: { toEmail: adco.email, amount: String(20n * CLC), idempotencyKey: 'ads-midroll-e2e-mint' } }))
        .data.mint.userErrors,
      [],
    );
    const dir = this.platform.dataDir;
    const [content, adA, adB] = await Promise.all([
      generateClip({ path: join(dir, 'midroll-content.mp4'), durationSec: CONTENT_SEC, width: 640, height: 360 }),
      generateClip({ path: join(dir, 'midroll-ad-a.mp4'), durationSec: AD_SEC, width: 640, height: 360 }),
      generateClip({ path: join(dir, 'midroll-ad-b.mp4'), durationSec: AD_SEC, width: 640, height: 360 }),
    ]);
    this.contentId = (await tusUpload(this.creator, content, { title: 'Content with a mid-roll' })).videoId!;
    const adAId = (await tusUpload(this.adco, adA, { title: 'Everywhere ad' })).videoId!;
    const adBId = (await tusUpload(this.adco, adB, { title: 'Mid-roll ad' })).videoId!;
    for (const [client, id] of [
      [this.creator, this.contentId],
      [this.adco, adAId],
      [this.adco, adBId],
    ] as const) {
      assert.equal((await waitForStatus(client, id, ['READY', 'FAILED'], 300_000)).status, 'READY');
    }

    // The creator's mid-roll and category, set in the studio's edit form.
    await this.setAdBreaksInStudio(creator.email);
    const seen = await new ApiClient(this.platform.apiUrl).gql(`query($id: ID!) { video(id: $id) { midrolls } }`, { id: this.contentId });
    assert.deepEqual(seen.data.video.midrolls, [MIDROLL_SEC], 'a viewer sees the effective mid-roll offsets');
    assert.equal(await this.servedBreaks(), 2, 'the media playlist carries the pre-roll and the mid-roll');

    // Click-throughs on the test's own api (never an outside address).
    const api = this.platform.apiUrl.replace('//localhost:', '//127.0.0.1:');
    const campaign = (await this.adco.gql(NEW_CAMPAIGN, { input: { name: 'Mid-rolls' } })).data.createCampaign;
    assert.deepEqual(campaign.userErrors, []);
    this.everywhere = await this.lineItem(campaign.campaign.id, 'Everywhere', CLC, null, adAId, `${api}/api/health?ad=everywhere`);
    this.midOnly = await this.lineItem(
      campaign.campaign.id,
      'Mid-rolls only',
      2n * CLC,
      ['MIDROLL'],
      adBId,
      `${api}/api/health?ad=midroll`,
    );
    // The ad server's snapshot of servable line items is fresh for 3 s.
    await new Promise((r) => setTimeout(r, 3500));
  }

  /**
   * A viewer without a plan: the pre-roll ("Ad 1 of 1"; the ad's progress in place of the seek
   * bar, the control bar in its ad mode); "Learn more" opens the click-through in a new tab (noopener) and
   * pauses the ad; a click on the paused picture resumes it, a click on the playing picture opens the
   * page again and pauses; the click beacon goes once.
   */
  async prerollAndClickThrough(): Promise<void> {
    const v = await newViewer(this.browser, 'midroll-viewer');
    this.viewer = v;
    v.page.on('request', (r) => {
      const m = /\/ads\/beacon\/([^/]+)\/([a-zA-Z]+)/.exec(r.url());
      if (m) this.beacons.push({ id: m[1], event: m[2] });
    });
    await v.page.goto(`${this.platform.webUrl}/watch/${this.contentId}`);
    await v.page.locator('video[data-testid=player]').waitFor();
    await this.playUntil(v, 'preroll', `!!document.querySelector('[data-testid=ad-learn-more]')`);
    let s = await readState(v.page);
    assert.match(s.badge ?? '', /Ad 1 of 1/);
    assert.equal(s.breakAt, 0, 'the pre-roll');
    assert.deepEqual(
      [s.controls, s.seekBar, s.adProgress],
      [false, false, true],
      "during the ad: the ad's controls, no seek bar, the ad progress",
    );

    const link = v.page.getByTestId('ad-learn-more');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match((await link.getAttribute('rel')) ?? '', /\bnoopener\b/);
    const [tab] = await Promise.all([v.context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('domcontentloaded');
    assert.equal(tab.url(), this.everywhere.clickThroughUrl, 'the new tab opens the click-through');
    assert.equal(await tab.evaluate(() => window.opener), null, 'no opener');
    await tab.close();
    await v.page.waitForFunction(() => document.querySelector('video').paused, undefined, { timeout: 5000 });
    s = await readState(v.page);
    assert.match(s.badge ?? '', /Ad 1 of 1/, 'still in the ad, paused');
    await v.page.getByTestId('ad-play').waitFor();
    await v.page.screenshot({ path: join(ARTIFACTS, 'ads-clickthrough.png'), fullPage: true });
    // The player's shortcuts neither seek nor speed up an ad; its speed menu is off.
    const adTime = await v.page.evaluate(() => document.querySelector('video').currentTime);
    await v.page.evaluate(() => document.activeElement?.blur());
    for (const key of ['l', 'ArrowRight', '5', '>', '>']) await v.page.keyboard.press(key);
    await new Promise((r) => setTimeout(r, 300));
    const afterKeys = await v.page.evaluate(() => ({
      t: document.querySelector('video').currentTime,
      rate: document.querySelector('video').playbackRate,
    }));
    assert.deepEqual(afterKeys, { t: adTime, rate: 1 }, 'the ad stays where it was, at 1×');
    assert.match((await readState(v.page)).badge ?? '', /Ad 1 of 1/, 'still in the ad');
    assert.equal(await v.page.getByTestId('player-speed').isDisabled(), true, 'the speed menu is off during the ad');

    await v.page.getByTestId('ad-click-area').click();
    await v.page.waitForFunction(() => !document.querySelector('video').paused, undefined, { timeout: 5000 });
    const [again] = await Promise.all([v.context.waitForEvent('page'), v.page.getByTestId('ad-click-area').click()]);
    await again.waitForLoadState('domcontentloaded');
    assert.equal(again.url(), this.everywhere.clickThroughUrl, 'a click on the picture opens it too');
    await again.close();
    assert.equal((await readState(v.page)).paused, true, 'and pauses the ad');
    await new Promise((r) => setTimeout(r, 500));
    const clicks = this.beacons.filter((b) => b.event === 'click');
    assert.equal(clicks.length, 1, `one click beacon for the ad: ${JSON.stringify(this.beacons)}`);
    assert.equal(this.beacons.find((b) => b.event === 'impression')?.id, clicks[0].id, 'of the ad that was clicked');
  }

  /**
   * The same viewer: content after the pre-roll, the mid-roll pod at 8 s ("Ad 1 of 2", "Ad 2 of 2",
   * the ad's own progress, no seek bar), the content again past 11 s; the report counts the
   * impressions: the everywhere line item twice (pre-roll, mid-roll), the mid-roll one once.
   */
  async midrollAndReport(): Promise<void> {
    const v = this.viewer!;
    await this.playUntil(
      v,
      'content',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > 2`,
    );
    await this.playUntil(v, 'midroll', `!!document.querySelector('[data-testid=ad-badge]')`, 60_000);
    let s = await readState(v.page);
    assert.ok(s.breakAt !== null && Math.abs(s.breakAt - MIDROLL_SEC) < 0.5, `the break at ${MIDROLL_SEC} s: ${JSON.stringify(s)}`);
    assert.ok(Math.abs(s.primary - MIDROLL_SEC) < 1, `the content stopped at the break: ${JSON.stringify(s)}`);
    assert.match(s.badge ?? '', /Ad 1 of 2/);
    assert.deepEqual(
      [s.controls, s.seekBar, s.adProgress],
      [false, false, true],
      "during the ad: the ad's controls, no seek bar, the ad progress",
    );
    await v.page.screenshot({ path: join(ARTIFACTS, 'ads-midroll.png'), fullPage: true });
    await this.playUntil(v, 'midroll-second-ad', `/Ad 2 of 2/.test(document.querySelector('[data-testid=ad-badge]')?.textContent ?? '')`);
    await this.playUntil(
      v,
      'content-after-midroll',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) >= 11`,
      60_000,
    );
    s = await readState(v.page);
    assert.deepEqual([s.controls, s.seekBar, s.adProgress], [true, true, false], 'the content: its controls and the seek bar back');

    for (let i = 0; i < 20 && this.count('complete') < 3; i++) await new Promise((r) => setTimeout(r, 250));
    assert.equal(this.count('impression'), 3, `three ads, one impression each: ${JSON.stringify(this.beacons)}`);
    assert.equal(this.count('complete'), 3, 'each played to its end');
    const rows = await this.reportUntil((r) => r[this.everywhere.id]?.impressions === 2 && r[this.midOnly.id]?.impressions === 1);
    assert.equal(rows[this.everywhere.id]?.impressions, 2, `everywhere: pre-roll and mid-roll (${JSON.stringify(rows)})`);
    assert.equal(rows[this.everywhere.id]?.completes, 2);
    assert.equal(rows[this.midOnly.id]?.impressions, 1, 'mid-rolls only: the mid-roll');
    assert.equal(rows[this.midOnly.id]?.completes, 1);
    assert.deepEqual(
      [rows[this.everywhere.id]?.clicks, rows[this.everywhere.id]?.clickThroughRate],
      [1, 0.5],
      'the pre-roll click-through is in the report (one click of two impressions)',
    );
    assert.equal(rows[this.midOnly.id]?.clicks, 0);
    assert.deepEqual(v.errors, []);
    await v.context.close();
    this.viewer = null;
  }

  /** Another viewer seeks from the start of the content to 15 s: the unplayed mid-roll plays first. */
  async seekPastMidroll(): Promise<{ resumedAt: number }> {
    const v = await newViewer(this.browser, 'midroll-seeker');
    await v.page.goto(`${this.platform.webUrl}/watch/${this.contentId}`);
    await v.page.locator('video[data-testid=player]').waitFor();
    await this.playUntil(v, 'seeker-preroll', `!!document.querySelector('[data-testid=ad-badge]')`);
    await this.playUntil(
      v,
      'seeker-content',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > 1`,
    );
    const bar = v.page.getByTestId('seek-bar');
    const duration = Number(await bar.getAttribute('aria-valuemax'));
    assert.ok(Math.abs(duration - CONTENT_SEC) <= 1, `the seek bar spans the content (${duration} s), not an ad`);
    const box = (await bar.boundingBox())!;
    await v.page.mouse.click(box.x + (box.width * 15) / duration, box.y + box.height / 2);
    await this.playUntil(v, 'seeker-midroll', `!!document.querySelector('[data-testid=ad-badge]')`, 30_000);
    const s = await readState(v.page);
    assert.ok(
      s.breakAt !== null && Math.abs(s.breakAt - MIDROLL_SEC) < 0.5,
      `the seek past it played the mid-roll first: ${JSON.stringify(s)}`,
    );
    assert.equal(s.seekBar, false);
    await this.playUntil(
      v,
      'seeker-after-midroll',
      `!document.querySelector('[data-testid=ad-badge]') && (window.__wetubeHls?.interstitialsManager?.primary?.currentTime ?? 0) > ${MIDROLL_SEC + 0.5}`,
      60_000,
    );
    const resumedAt = (await readState(v.page)).primary;
    assert.deepEqual(v.errors, []);
    await v.context.close();
    return { resumedAt };
  }

  private count(event: string): number {
    return new Set(this.beacons.filter((b) => b.event === event).map((b) => b.id)).size;
  }

  private async registered(name: string, accountType?: string): Promise<{ client: ApiClient; email: string }> {
    const c = new ApiClient(this.platform.apiUrl);
    const email = `${name.toLowerCase()}.${Date.now()}@ads-midroll-e2e.test`;
    const r = await c.rest('POST', '/api/auth/register', { email, password: PASSWORD, displayName: name, accountType });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    c.token = r.body.token;
    return { client: c, email };
  }

  private async lineItem(
    campaignId: string,
    name: string,
    cpmBid: bigint,
    positions: string[] | null,
    videoId: string,
    clickThroughUrl: string,
  ): Promise<LineItem> {
    const li = (
      await this.adco.gql(NEW_LINE_ITEM, {
        input: {
          campaignId,
          name,
          flightStart: new Date(Date.now() - 60_000).toISOString(),
          flightEnd: new Date(Date.now() + 7 * 86400_000).toISOString(),
          budget: String(5n * CLC),
          cpmBid: String(cpmBid),
          pacing: 'ASAP',
          ...(positions ? { targeting: { positions } } : {}),
        },
      })
    ).data.createLineItem;
    assert.deepEqual(li.userErrors, []);
    assert.equal(li.lineItem.status, 'ACTIVE');
    const cr = (await this.adco.gql(NEW_CREATIVE, { input: { lineItemId: li.lineItem.id, videoId, clickThroughUrl } })).data.createCreative;
    assert.deepEqual(cr.userErrors, []);
    if (cr.creative.approval !== 'APPROVED') {
      assert.deepEqual(
        (await this.admin.gql(`mutation($id: ID!) { approveCreative(id: $id) { userErrors { code } } }`, { id: cr.creative.id })).data
          .approveCreative.userErrors,
        [],
      );
    }
    return { id: li.lineItem.id, name, clickThroughUrl };
  }

  /** Interstitial DATERANGEs in the content's first media playlist, as the origin serves it. */
  private async servedBreaks(): Promise<number> {
    const masterUrl = `${this.platform.apiUrl}/hls/${this.contentId}/master.m3u8`;
    const master = await (await fetch(masterUrl)).text();
    const media = master.split('\n').find((l) => l.trim() && !l.startsWith('#'));
    assert.ok(media, `a media playlist in ${master}`);
    const text = await (await fetch(new URL(media.trim(), masterUrl))).text();
    return (text.match(/CLASS="com\.apple\.hls\.interstitial"/g) ?? []).length;
  }

  private async reportUntil(done: (rows: Record<string, any>) => boolean): Promise<Record<string, any>> {
    let rows: Record<string, any> = {};
    for (let i = 0; i < 40; i++) {
      const r = await this.adco.gql(REPORT, { f: {} });
      rows = Object.fromEntries((r.data?.adReport?.edges ?? []).map((e: any) => [e.node.lineItemId, e.node]));
      if (done(rows)) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    return rows;
  }

  /** Presses play (muted) until `done` holds in the page (see support/play-until.ts). */
  private playUntil(v: Viewer, name: string, done: string, timeout = 90_000): Promise<void> {
    return playUntilIn(v.page, name, done, { stallShot: `ads-midroll-${name}-stalled`, pageErrors: () => v.errors, timeout });
  }
}
