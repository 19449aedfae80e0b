import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';
import { playUntil } from './support/play-until';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;
declare const PageTransitionEvent: any;

const SAMPLE_TITLE = 'Welcome to WeTube';
/** The sample video is 20 s: half of it (10 s) of real playback is a view; a little more to be sure. */
const WATCH_SEC = 11;

/**
 * View counts, likes and trending as a viewer meets them in Chromium: the sample video's count goes
 * up by one after watching (the page's playback-session heartbeat on leaving reports the played
 * seconds) and not again after another watch on reload; like and dislike toggle with their counts
 * (and survive a reload); signed out, a click asks to sign in; the home page's Trending row and the
 * cards show the views. Screenshots at 1280 × 860 and 390 × 844: artifacts/e2e/views-*.png.
 */
describe('views, likes and trending in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let videoId = '';
  const pageErrors: string[] = [];
  const shot = (p: Page, name: string) => p.screenshot({ path: join(ARTIFACTS, `views-${name}.png`), fullPage: true });

  /** The count the api holds now (asked anonymously, as any visitor would). */
  async function apiViews(): Promise<{ viewCount: number; likeCount: number; dislikeCount: number }> {
    const res = await fetch(`${platform.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($id: ID!) { video(id: $id) { viewCount likeCount dislikeCount } }`,
        variables: { id: videoId },
      }),
    });
    return ((await res.json()) as any).data.video;
  }

  /** The watch page's own view count (data-count of `view-count`). */
  async function shownViews(p: Page): Promise<number> {
    const el = p.getByTestId('view-count');
    await el.waitFor({ timeout: 30_000 });
    return Number(await el.getAttribute('data-count'));
  }

  /** Plays the video until the page has played `WATCH_SEC` seconds of it. */
  async function watchEnough(p: Page, label: string): Promise<void> {
    await p.locator('video[data-testid=player]').waitFor({ timeout: 30_000 });
    await playUntil(
      p,
      label,
      `(() => { let s = 0; for (let i = 0; i < el.played.length; i++) s += el.played.end(i) - el.played.start(i); return s >= ${WATCH_SEC}; })()`,
      { stallShot: `views-${label}-stalled`, pageErrors: () => pageErrors, timeout: 90_000 },
    );
  }

  /**
   * The played seconds of the page's goodbye heartbeat (`ended: true`, sent with keepalive as the
   * page goes) once the api answered it; null if Chromium did not report it within 15 s (a request
   * of an unloading page may go unreported; the count is what the test checks).
   */
  function goodbyeHeartbeat(ctx: BrowserContext): Promise<number | null> {
    return new Promise((resolve) => {
      const done = (v: number | null) => {
        ctx.off('requestfinished', onFinished);
        clearTimeout(timer);
        resolve(v);
      };
      const onFinished = (req: any) => {
        const body = req.postData() ?? '';
        if (!/playbackHeartbeat/.test(body) || !/"ended":true/.test(body)) return;
        const seconds = Number(/"watchedSeconds":([0-9.]+)/.exec(body)?.[1] ?? 0);
        if (seconds >= WATCH_SEC - 1) done(seconds); // not an earlier page's goodbye after a short visit
      };
      const timer = setTimeout(() => done(null), 15_000);
      ctx.on('requestfinished', onFinished);
    });
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('signs up a viewer and finds the sample video with no views yet', async () => {
    await page.goto(`${platform.webUrl}/register`);
    await page.fill('input[name=displayName]', 'E2E Viewer');
    await page.fill('input[name=email]', `viewer.${Date.now()}@example.com`);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText('E2E Viewer').first().waitFor({ timeout: 15_000 });
    await page.goto(platform.webUrl);
    const card = page.getByTestId('video-card').filter({ hasText: SAMPLE_TITLE }).first();
    await card.waitFor({ timeout: 30_000 });
    assert.equal(await card.getByTestId('card-views').textContent(), '0 views');
    const href = (await card.locator('a').first().getAttribute('href')) ?? '';
    videoId = decodeURIComponent(href.split('/').pop() ?? '');
    assert.match(videoId, /^[0-9a-f-]{36}$/);
    assert.equal(await page.getByTestId('trending').count(), 0, 'nothing trends before anyone watched');
  });

  it('the view count goes up by one after watching, and not again on reload', async () => {
    await page.goto(`${platform.webUrl}/watch/${videoId}`);
    assert.equal(await shownViews(page), 0);
    assert.equal((await apiViews()).viewCount, 0);
    await watchEnough(page, 'first-watch');
    assert.equal((await apiViews()).viewCount, 0, 'not counted before the page reports its playback');
    // Leaving the page (a reload) sends the session's goodbye heartbeat with the played seconds.
    const goodbye = goodbyeHeartbeat(context);
    await page.reload();
    await goodbye;
    // The count the reloaded page shows (its query may have raced the goodbye: reload until it shows).
    const deadline = Date.now() + 20_000;
    let shown = await shownViews(page);
    while (shown !== 1 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.reload();
      shown = await shownViews(page);
    }
    assert.equal(shown, 1, 'one view after watching');
    assert.equal((await apiViews()).viewCount, 1);
    await shot(page, 'watch-desktop');

    // Watch again after the reload (a new playback session of the same account) and say goodbye
    // while the page is still there (the browser's pagehide, dispatched), so the test knows the api
    // got this session's played seconds before it checks the count; then reload.
    await watchEnough(page, 'second-watch');
    const again = goodbyeHeartbeat(context);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    assert.ok(((await again) ?? 0) >= WATCH_SEC - 1, 'the second watch was reported to the api');
    await page.reload();
    assert.equal((await apiViews()).viewCount, 1, 'the same viewer within 24 h: still one view');
    assert.equal(await shownViews(page), 1);
  });

  it('like and dislike toggle with their counts, and stay after a reload', async () => {
    const like = page.getByTestId('like-button');
    const dislike = page.getByTestId('dislike-button');
    await like.waitFor();
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    await like.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=like-button]')?.getAttribute('data-count') === '1');
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    assert.equal((await page.getByTestId('like-count').textContent())?.trim(), '1');
    await expectApi({ likeCount: 1, dislikeCount: 0 });
    await page.reload();
    await like.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=like-button]')?.getAttribute('aria-pressed') === 'true');
    assert.equal(await like.getAttribute('data-count'), '1', 'the like is remembered');
    await dislike.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=dislike-button]')?.getAttribute('aria-pressed') === 'true');
    assert.equal(await like.getAttribute('aria-pressed'), 'false', 'a dislike replaces the like');
    assert.equal(await like.getAttribute('data-count'), '0');
    assert.equal(await dislike.getAttribute('data-count'), '1');
    await expectApi({ likeCount: 0, dislikeCount: 1 });
    await dislike.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=dislike-button]')?.getAttribute('aria-pressed') === 'false');
    await expectApi({ likeCount: 0, dislikeCount: 0 });
    await like.click();
    await expectApi({ likeCount: 1, dislikeCount: 0 });
    assert.equal(await page.getByTestId('rating-error').count(), 0);
    await shot(page, 'liked-desktop');
  });

  it('signed out, a like asks to sign in and changes nothing', async () => {
    const guest = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await guest.newPage();
    await p.goto(`${platform.webUrl}/watch/${videoId}`);
    await p.getByTestId('like-button').waitFor({ timeout: 30_000 });
    assert.equal(await p.getByTestId('like-button').getAttribute('data-count'), '1');
    await p.getByTestId('like-button').click();
    await p.getByTestId('rating-signin').waitFor({ timeout: 5_000 });
    assert.match((await p.getByTestId('rating-signin').textContent()) ?? '', /Sign in/);
    assert.equal(await p.getByTestId('like-button').getAttribute('data-count'), '1');
    await expectApi({ likeCount: 1, dislikeCount: 0 });
    await shot(p, 'watch-mobile-signed-out');
    await guest.close();
  });

  it('the home page shows the video trending and its views on the cards, at desktop and mobile widths', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 860 }],
      ['mobile', { width: 390, height: 844 }],
    ] as const) {
      const ctx = name === 'desktop' ? context : await browser.newContext({ viewport, isMobile: true, hasTouch: true });
      const p = name === 'desktop' ? page : await ctx.newPage();
      // The ranking is cached up to 10 s: reload until the view is in it.
      const deadline = Date.now() + 30_000;
      await p.goto(platform.webUrl);
      while ((await p.getByTestId('trending').count()) === 0 && Date.now() < deadline) {
        await p.waitForTimeout(1000);
        await p.reload();
        await p.getByTestId('video-card').first().waitFor({ timeout: 30_000 });
      }
      const trending = p.getByTestId('trending');
      await trending.waitFor({ timeout: 5_000 });
      const card = trending.getByTestId('video-card').filter({ hasText: SAMPLE_TITLE }).first();
      assert.equal((await card.getByTestId('card-views').textContent())?.trim(), '1 view');
      const box = await trending.boundingBox();
      assert.ok(box && box.width <= viewport.width, `the trending row fits the ${name} width (${box?.width})`);
      await shot(p, `home-${name}`);
      if (name === 'mobile') await ctx.close();
    }
    assert.deepEqual(pageErrors, []);
  });

  async function expectApi(want: { likeCount: number; dislikeCount: number }): Promise<void> {
    const deadline = Date.now() + 10_000;
    let got = await apiViews();
    while ((got.likeCount !== want.likeCount || got.dislikeCount !== want.dislikeCount) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      got = await apiViews();
    }
    assert.deepEqual({ likeCount: got.likeCount, dislikeCount: got.dislikeCount }, want);
  }
});
