import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { generateClip } from '@wetube/testing';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';
import { playUntil } from './support/play-until';

// Functions passed to page.evaluate / waitForFunction run in the page; these names exist there.
declare const document: any;
declare const window: any;
declare const PageTransitionEvent: any;

const DESKTOP = { width: 1280, height: 860 };
const MOBILE = { width: 390, height: 844 };

const TITLE = 'Bioluminescent plankton at Vaadhoo';
/** "plankton" with one letter wrong, typed into the header's box. */
const TYPO = 'plamkton';
const CHANNEL_NAME = 'Nadia Night Sea';
const CLIP_SEC = 12;
/** Half of a 12 s video is a view (libs/catalog watched.ts); played a little more to be sure. */
const WATCH_SEC = 8;
const FIRST_CUE = 'The sea lights up at night';
const SRT = ['1', '00:00:00,200 --> 00:00:05,000', FIRST_CUE, '', '2', '00:00:05,500 --> 00:00:11,000', 'Every wave a blue spark', ''].join(
  '\r\n',
);
const COMMENT = 'Saw this glow in the Maldives last year.\nIt is even brighter in person.';

/**
 * Issue 13's journey, in real Chromium against the platform started as the README starts it: a
 * creator registers, sets up a channel (handle, avatar, banner), uploads a video and an SRT caption
 * in the studio; a viewer finds it from the header's box with a typo, opens it, opens the channel
 * from the byline, subscribes, comes back, watches it with captions from the CC menu, likes,
 * comments, saves it to Watch later; the view count goes up by exactly one and not again after
 * another watch and reload; the video is in /subscriptions and /library's Watch later (and its
 * /playlist). Screenshots of every page at 1280 and 390 px: artifacts/e2e/journey-<page>-<width>.png.
 *
 * Each `it` is one step of the same journey: a failed step names itself (and what it was doing),
 * leaves `journey-failed-<step>.png`, and the later steps are skipped, naming it.
 */
describe('issue 13 discovery journey in the browser', { timeout: 1_500_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let creatorCtx: BrowserContext;
  let viewerCtx: BrowserContext;
  let creator: Page;
  let viewer: Page;
  const pageErrors: string[] = [];
  const handle = `night-sea-${Date.now().toString(36)}`;
  let videoId = '';
  let watchLaterUrl = '';
  /** The step running now and what it is doing: named in a failure. */
  let doingNow = '';
  let failedStep: string | null = null;
  const doing = (what: string) => {
    doingNow = what;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `journey-${name}.png`), fullPage: true });

  function step(name: string, fn: () => Promise<void>): void {
    it(name, async (t) => {
      if (failedStep) {
        t.skip(`an earlier step failed: "${failedStep}"`);
        return;
      }
      doingNow = '';
      try {
        await fn();
      } catch (err) {
        failedStep = name;
        const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
        for (const [who, p] of [
          ['creator', creator],
          ['viewer', viewer],
        ] as const) {
          await p
            ?.screenshot({ path: join(ARTIFACTS, `journey-failed-${slug}-${who}.png`), fullPage: true, timeout: 10_000 })
            .catch(() => undefined);
        }
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(`journey step "${name}"${doingNow ? ` (while ${doingNow})` : ''} failed: ${message}`, { cause: err });
      }
    });
  }

  async function register(page: Page, name: string): Promise<void> {
    await page.goto(`${platform.webUrl}/register`);
    await page.fill('input[name=displayName]', name);
    await page.fill('input[name=email]', `${name.toLowerCase().replace(/\W/g, '')}.${Date.now()}@journey-e2e.test`);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText(name).first().waitFor({ timeout: 30_000 });
  }

  /** The counts the api holds now, asked anonymously as any visitor would. */
  async function apiCounts(): Promise<{ viewCount: number; likeCount: number }> {
    const res = await fetch(`${platform.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { video(id: $id) { viewCount likeCount } }', variables: { id: videoId } }),
    });
    const body = (await res.json()) as any;
    assert.ok(body.data?.video, `the api answers the video's counts: ${JSON.stringify(body)}`);
    return body.data.video;
  }

  /** The watch page's own view count (`view-count`'s data-count). */
  async function shownViews(p: Page): Promise<number> {
    const el = p.getByTestId('view-count');
    await el.waitFor({ timeout: 30_000 });
    return Number(await el.getAttribute('data-count'));
  }

  /** Plays (muted) until the page has played WATCH_SEC seconds of the video (from the start again if it ended). */
  async function watchEnough(p: Page, label: string): Promise<void> {
    await p.locator('video[data-testid=player]').waitFor({ timeout: 60_000 });
    await playUntil(
      p,
      label,
      `(() => { let s = 0; for (let i = 0; i < el.played.length; i++) s += el.played.end(i) - el.played.start(i); return s >= ${WATCH_SEC}; })()`,
      { stallShot: `journey-${label}-stalled`, pageErrors: () => pageErrors, timeout: 120_000 },
    );
  }

  /**
   * The played seconds of the page's goodbye heartbeat (`ended: true`) once the api answered it;
   * null when Chromium did not report it in 20 s (a request of an unloading page may go unreported).
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
        if (seconds >= WATCH_SEC - 1) done(seconds);
      };
      const timer = setTimeout(() => done(null), 20_000);
      ctx.on('requestfinished', onFinished);
    });
  }

  /** No sideways scrolling. */
  async function assertFits(p: Page, what: string): Promise<void> {
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${what}: no sideways scrolling (${overflow} px too wide)`);
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    creatorCtx = await browser.newContext({ viewport: DESKTOP });
    viewerCtx = await browser.newContext({ viewport: DESKTOP });
    creator = await creatorCtx.newPage();
    viewer = await viewerCtx.newPage();
    creator.on('pageerror', (e) => pageErrors.push(`creator ${creator.url()}: ${e.message}`));
    viewer.on('pageerror', (e) => pageErrors.push(`viewer ${viewer.url()}: ${e.message}`));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('the creator registers and sets up a channel with a handle, avatar and banner', async () => {
    doing('registering');
    await register(creator, CHANNEL_NAME);
    doing('making the avatar and banner pictures');
    const avatar = join(platform.dataDir, 'journey-avatar.jpg');
    const banner = join(platform.dataDir, 'journey-banner.png');
    await sharp({ create: { width: 512, height: 512, channels: 3, background: '#0b1e3f' } })
      .composite([{ input: Buffer.from('<svg width="512" height="512"><circle cx="256" cy="256" r="150" fill="#3fd0ff"/></svg>') }])
      .jpeg()
      .toFile(avatar);
    await sharp({ create: { width: 2560, height: 1440, channels: 3, background: '#04122b' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="2560" height="1440"><path d="M0 1000 Q640 850 1280 1000 T2560 1000 V1440 H0 Z" fill="#1fb6ff"/></svg>',
          ),
        },
      ])
      .png()
      .toFile(banner);

    doing('opening the channel form from the studio');
    await creator.goto(`${platform.webUrl}/studio`);
    await creator.click('[data-testid=studio-channel-link]', { timeout: 30_000 });
    await creator.locator('[data-testid=channel-form]').waitFor({ timeout: 30_000 });
    doing('saving the handle and name');
    await creator.fill('[data-testid=channel-handle]', handle);
    await creator.fill('[data-testid=channel-displayName]', CHANNEL_NAME);
    await creator.fill('[data-testid=channel-description]', 'The sea at night, filmed from the shore.');
    await creator.click('[data-testid=channel-save]');
    await creator.locator('[data-testid=channel-saved]').waitFor({ timeout: 30_000 });
    for (const [kind, file] of [
      ['avatar', avatar],
      ['banner', banner],
    ] as const) {
      doing(`uploading the ${kind}`);
      await creator.setInputFiles(`[data-testid=${kind}-input]`, file);
      await creator.waitForFunction(
        (k: string) => /\/api\/channel-images\//.test(document.querySelector(`[data-testid=${k}-preview] img`)?.src ?? ''),
        kind,
        { timeout: 60_000 },
      );
    }
    assert.equal(await creator.getByTestId('avatar-error').count(), 0);
  });

  step('the creator uploads a video with a distinctive title and an SRT caption', async () => {
    doing('generating the clip');
    const clip = await generateClip({ path: join(platform.dataDir, 'journey-clip.mp4'), durationSec: CLIP_SEC, width: 640, height: 360 });
    doing('uploading on /upload');
    await creator.goto(`${platform.webUrl}/upload`);
    await creator.fill('input[name=title]', TITLE);
    await creator.setInputFiles('[data-testid=file-input]', clip);
    await creator.click('[data-testid=upload-start]');
    await creator.locator('[data-testid=video-status]').waitFor({ timeout: 120_000 });
    doing('waiting for the transcode to finish');
    await creator.waitForFunction(
      () => /^(READY|FAILED)$/.test(document.querySelector('[data-testid=video-status]')?.textContent?.trim() ?? ''),
      undefined,
      { timeout: 300_000, polling: 500 },
    );
    assert.equal((await creator.locator('[data-testid=video-status]').textContent())?.trim(), 'READY');
    const href = (await creator.getAttribute('[data-testid=watch-link]', 'href')) ?? '';
    videoId = /\/watch\/([0-9a-f-]{36})$/.exec(href)?.[1] ?? '';
    assert.ok(videoId, `the upload page links to the new video: ${href}`);

    doing('uploading the SRT in the studio Captions panel');
    const srt = join(platform.dataDir, 'journey-english.srt');
    await writeFile(srt, SRT);
    await creator.goto(`${platform.webUrl}/studio`);
    const row = creator.locator(`[data-testid=studio-video][data-video-id="${videoId}"]`);
    await row.waitFor({ timeout: 30_000 });
    const panel = row.getByTestId('captions-panel');
    await panel.locator('summary').click();
    await panel.getByTestId('caption-file').setInputFiles(srt);
    await panel.getByTestId('caption-language').fill('en');
    await panel.getByTestId('caption-label').fill('English');
    await panel.getByTestId('caption-upload').click();
    const track = panel.locator('[data-testid=caption-track][data-language=en]');
    await track.waitFor({ timeout: 60_000 });
    assert.match((await track.textContent()) ?? '', /English.*2 cues.*SRT/);
  });

  step('a viewer finds the video from the header box by a title word with a typo', async () => {
    doing('registering');
    await register(viewer, 'Vik Viewer');
    doing('searching from the header box');
    await viewer.goto(platform.webUrl);
    const input = viewer.getByTestId('search-input');
    await input.waitFor({ timeout: 30_000 });
    await input.pressSequentially(TYPO, { delay: 30 });
    await input.press('Enter');
    await viewer.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === TYPO, { timeout: 30_000 });
    doing('waiting for the results');
    const first = viewer.getByTestId('search-result').first();
    await first.waitFor({ timeout: 30_000 });
    assert.equal(await first.getAttribute('data-id'), videoId, 'the video is the first result for the typo');
    assert.match((await viewer.getByTestId('search-corrected').textContent()) ?? '', /Showing results for\s*plankton/);
    const channel = first.getByTestId('search-result-channel');
    assert.equal((await channel.textContent())?.trim(), CHANNEL_NAME);
    assert.equal(await channel.getAttribute('href'), `/@${handle}`, 'the result links to the channel');
    await shot(viewer, 'search-desktop');
    doing('opening the result');
    await first.getByTestId('search-result-link').click();
    await viewer.waitForURL((u) => u.pathname === `/watch/${videoId}`, { timeout: 30_000 });
    await viewer.getByTestId('video-title').filter({ hasText: TITLE }).waitFor({ timeout: 30_000 });
    assert.equal(await shownViews(viewer), 0, 'no views before anyone watched');
    assert.equal((await apiCounts()).viewCount, 0);
  });

  step('the viewer opens the channel from the byline, subscribes and comes back', async () => {
    doing('following the byline');
    const link = viewer.getByTestId('video-channel-link');
    await link.waitFor({ timeout: 30_000 });
    assert.equal((await viewer.getByTestId('video-owner').textContent())?.trim(), CHANNEL_NAME);
    assert.equal((await viewer.getByTestId('video-subscribers').textContent())?.trim(), '0 subscribers');
    await link.click();
    await viewer.waitForURL(`**/@${handle}`, { timeout: 30_000 });
    doing('waiting for the channel page with its avatar and banner');
    await viewer.getByTestId('channel-name').waitFor({ timeout: 30_000 });
    assert.equal((await viewer.getByTestId('channel-handle').textContent())?.trim(), `@${handle}`);
    await viewer.waitForFunction(
      () => {
        const imgs = [...document.querySelectorAll('[data-testid=channel-page] img')] as any[];
        return imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
      },
      undefined,
      { timeout: 30_000 },
    );
    await viewer.getByTestId('channel-page').getByText(TITLE).first().waitFor({ timeout: 30_000 });
    doing('subscribing');
    await viewer.click('[data-testid=subscribe-button]');
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid=subscribe-button]')?.textContent?.trim() === 'Subscribed',
      undefined,
      { timeout: 30_000 },
    );
    assert.equal((await viewer.getByTestId('channel-subscribers').textContent())?.trim(), '1 subscriber');
    await shot(viewer, 'channel-desktop');
    doing('coming back to the watch page');
    await viewer.goBack();
    await viewer.waitForURL((u) => u.pathname === `/watch/${videoId}`, { timeout: 30_000 });
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid=video-subscribers]')?.textContent?.trim() === '1 subscriber',
      undefined,
      { timeout: 30_000 },
    );
  });

  step('the viewer watches with captions from the CC menu', async () => {
    doing('choosing English in the CC menu');
    const menu = viewer.getByTestId('captions-select');
    await menu.waitFor({ timeout: 60_000 });
    assert.deepEqual(await menu.locator('option').allTextContents(), ['CC off', 'English']);
    await menu.selectOption({ label: 'English' });
    doing('playing until the first cue shows over the picture');
    await playUntil(
      viewer,
      'journey-caption',
      `(document.querySelector('[data-testid=captions-cue]')?.textContent ?? '').includes(${JSON.stringify(FIRST_CUE)})`,
      {
        stallShot: 'journey-caption-stalled',
        pageErrors: () => pageErrors,
        timeout: 120_000,
      },
    );
    const frame = (await viewer.getByTestId('player-container').boundingBox())!;
    const cue = (await viewer.getByTestId('captions-cue').boundingBox())!;
    assert.ok(
      cue.y >= frame.y && cue.y + cue.height <= frame.y + frame.height,
      `the cue is over the picture: ${JSON.stringify({ cue, frame })}`,
    );
    await viewer.screenshot({ path: join(ARTIFACTS, 'journey-watch-captions-desktop.png') });
    doing(`playing ${WATCH_SEC} s`);
    await watchEnough(viewer, 'first-watch');
    assert.equal((await apiCounts()).viewCount, 0, 'not counted before the page reports its playback');
  });

  step('the viewer likes, comments and adds the video to Watch later', async () => {
    doing('liking');
    const like = viewer.getByTestId('like-button');
    await like.waitFor({ timeout: 30_000 });
    await like.click();
    await viewer.waitForFunction(
      () => {
        const b = document.querySelector('[data-testid=like-button]');
        return b?.getAttribute('aria-pressed') === 'true' && b?.getAttribute('data-count') === '1';
      },
      undefined,
      { timeout: 30_000 },
    );
    doing('commenting');
    const section = viewer.getByTestId('comments-section');
    const form = section.getByTestId('comment-form').first();
    await form.getByTestId('comment-input').waitFor({ timeout: 30_000 });
    await form.getByTestId('comment-input').fill(COMMENT);
    await form.getByTestId('comment-submit').click();
    const body = section.getByTestId('comment-body').filter({ hasText: 'Saw this glow' }).first();
    await body.waitFor({ timeout: 30_000 });
    assert.equal(await body.evaluate((el: any) => el.innerText), COMMENT);
    await viewer.getByTestId('comments-count').filter({ hasText: '1 comment' }).waitFor({ timeout: 30_000 });
    doing('adding to Watch later');
    const later = viewer.getByTestId('watch-later-toggle');
    await later.waitFor({ timeout: 30_000 });
    await viewer.waitForFunction(() => !document.querySelector('[data-testid=watch-later-toggle]')?.disabled, undefined, {
      timeout: 30_000,
    });
    await later.click();
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid=watch-later-toggle]')?.getAttribute('aria-pressed') === 'true',
      undefined,
      { timeout: 30_000 },
    );
    const counts = await apiCounts();
    assert.equal(counts.likeCount, 1, 'the api holds the like');
  });

  step('the view count goes up by exactly one after watching, and not again after another watch and reload', async () => {
    doing('reloading (the goodbye heartbeat of the page reports the played seconds)');
    await viewer.reload();
    doing('waiting for the api to count the view');
    // Chromium may not report an unloading page's keepalive request: wait on the count itself.
    const counted = Date.now() + 45_000;
    let views = (await apiCounts()).viewCount;
    while (views === 0 && Date.now() < counted) {
      await new Promise((r) => setTimeout(r, 250));
      views = (await apiCounts()).viewCount;
    }
    assert.equal(views, 1, 'one view after watching (counted from the goodbye heartbeat)');
    doing('waiting for the page to show one view');
    // The reloaded page's query may have raced the goodbye: reload until it shows (bounded).
    const deadline = Date.now() + 30_000;
    let shown = await shownViews(viewer);
    while (shown !== 1 && Date.now() < deadline) {
      await viewer.waitForTimeout(1000);
      await viewer.reload();
      shown = await shownViews(viewer);
    }
    assert.equal(shown, 1, 'the page shows one view');
    assert.equal((await apiCounts()).viewCount, 1);
    doing('watching again and saying goodbye');
    await watchEnough(viewer, 'second-watch');
    const again = goodbyeHeartbeat(viewerCtx);
    await viewer.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    assert.ok(((await again) ?? 0) >= WATCH_SEC - 1, 'the second watch was reported to the api');
    doing('reloading after the second watch');
    await viewer.reload();
    assert.equal(await shownViews(viewer), 1, 'the page still shows one view');
    assert.equal((await apiCounts()).viewCount, 1, 'the same viewer within 24 h: still one view');
    doing('checking that the like, comment and Watch later stayed after the reload');
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid=like-button]')?.getAttribute('aria-pressed') === 'true',
      undefined,
      {
        timeout: 30_000,
      },
    );
    await viewer.getByTestId('comment-body').filter({ hasText: 'Saw this glow' }).first().waitFor({ timeout: 30_000 });
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid=watch-later-toggle]')?.getAttribute('aria-pressed') === 'true',
      undefined,
      { timeout: 30_000 },
    );
    await shot(viewer, 'watch-desktop');
  });

  step('the video is in /subscriptions and in /library Watch later (and its /playlist)', async () => {
    doing('opening /subscriptions from the header');
    await viewer.click('[data-testid=nav-subscriptions]');
    await viewer.waitForURL('**/subscriptions', { timeout: 30_000 });
    await viewer.getByTestId('subscription-feed').getByText(TITLE).first().waitFor({ timeout: 30_000 });
    await viewer.getByTestId('followed-channels').getByText(CHANNEL_NAME).waitFor({ timeout: 30_000 });
    await shot(viewer, 'subscriptions-desktop');
    doing('opening /library');
    await viewer.goto(`${platform.webUrl}/library`);
    await viewer.getByTestId('watch-later-grid').getByText(TITLE).first().waitFor({ timeout: 30_000 });
    await shot(viewer, 'library-desktop');
    doing('opening the Watch later playlist');
    await viewer.getByTestId('watch-later-open').click();
    await viewer.waitForURL((u) => u.pathname === '/playlist' && u.searchParams.has('list'), { timeout: 30_000 });
    watchLaterUrl = viewer.url();
    const items = viewer.getByTestId('playlist-item');
    await items.first().waitFor({ timeout: 30_000 });
    assert.deepEqual(
      await viewer.$$eval('[data-testid=playlist-item]', (els) => els.map((e) => (e as any).getAttribute('data-video-id'))),
      [videoId],
    );
    await shot(viewer, 'playlist-desktop');
  });

  step('every page of the journey fits a phone (390 px), with screenshots', async () => {
    const phone = await browser.newContext({
      viewport: MOBILE,
      isMobile: true,
      hasTouch: true,
      storageState: await viewerCtx.storageState(),
    });
    try {
      const p = await phone.newPage();
      p.on('pageerror', (e) => pageErrors.push(`phone ${p.url()}: ${e.message}`));
      for (const [name, url, ready] of [
        ['channel', `/@${handle}`, '[data-testid=channel-page]'],
        ['search', `/search?q=${TYPO}`, `[data-testid=search-result][data-id="${videoId}"]`],
        ['subscriptions', '/subscriptions', '[data-testid=subscription-feed]'],
        ['library', '/library', '[data-testid=watch-later-grid]'],
        ['playlist', new URL(watchLaterUrl).pathname + new URL(watchLaterUrl).search, '[data-testid=playlist-item]'],
        ['watch', `/watch/${videoId}`, '[data-testid=comment-body]'],
      ] as const) {
        doing(`opening ${url} at 390 px`);
        await p.goto(`${platform.webUrl}${url}`);
        await p.locator(ready).first().waitFor({ timeout: 30_000 });
        if (name !== 'search')
          await p
            .getByText(name === 'watch' ? 'Saw this glow' : TITLE)
            .first()
            .waitFor({ timeout: 30_000 });
        await assertFits(p, `${name} at 390 px`);
        await shot(p, `${name}-mobile`);
      }
    } finally {
      await phone.close();
    }
    assert.deepEqual(pageErrors, [], 'no script errors on any page');
  });
});
