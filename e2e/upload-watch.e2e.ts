import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

/**
 * The first user path, as a person walks it: the platform started with `npm start`, then in
 * Chromium: register, upload a clip on the upload page, watch it transcode, play it, switch quality.
 */
describe('upload, transcode, watch in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let watchHref = '';
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

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

  it('the home page lists the sample video', async () => {
    await page.goto(platform.webUrl);
    await page.getByText('Welcome to WeTube').first().waitFor({ timeout: 30_000 });
    await shot('home');
  });

  it('registers a creator account', async () => {
    await page.goto(`${platform.webUrl}/register`);
    await shot('register');
    await page.fill('input[name=displayName]', 'E2E Creator');
    await page.fill('input[name=email]', `creator.${Date.now()}@example.com`);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText('E2E Creator').first().waitFor({ timeout: 15_000 });
  });

  it('uploads a clip on the upload page and sees it transcode to READY', async () => {
    const clip = await generateClip({ path: join(platform.dataDir, 'e2e-clip.mp4'), durationSec: 12, width: 1280, height: 720 });
    await page.goto(`${platform.webUrl}/upload`);
    await page.fill('input[name=title]', 'A walk by the sea');
    await page.setInputFiles('[data-testid=file-input]', clip);
    await shot('upload');
    await page.click('[data-testid=upload-start]');
    const status = page.locator('[data-testid=video-status]');
    await status.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid=video-status]')?.textContent?.trim();
        return s === 'READY' || s === 'FAILED';
      },
      undefined,
      { timeout: 180_000, polling: 250 },
    );
    await shot('upload-done');
    assert.equal((await status.textContent())?.trim(), 'READY');
    watchHref = (await page.getAttribute('[data-testid=watch-link]', 'href')) ?? '';
    assert.match(watchHref, /\/watch\/[0-9a-f-]{36}$/);
  });

  it('lists the upload in the studio', async () => {
    await page.goto(`${platform.webUrl}/studio`);
    await page.getByText('A walk by the sea').first().waitFor({ timeout: 15_000 });
    await shot('studio');
  });

  it('plays the video past 3 s and switches quality', async () => {
    await page.goto(new URL(watchHref, platform.webUrl).toString());
    const player = page.locator('video[data-testid=player]');
    await player.waitFor();
    // Press play (muted, as a page may autoplay), again if the player was still being set up.
    await page
      .waitForFunction(
        () => {
          const v = document.querySelector('video');
          if (!v) return false;
          if (v.paused && v.readyState >= 2) {
            v.muted = true;
            void v.play().catch(() => undefined);
          }
          return v.currentTime > 3;
        },
        undefined,
        { timeout: 60_000, polling: 500 },
      )
      .catch(async (err) => {
        await shot('watch-stalled');
        const state = await page.evaluate(() => {
          const v = document.querySelector('video');
          const b = v?.buffered;
          return {
            t: v?.currentTime,
            readyState: v?.readyState,
            paused: v?.paused,
            error: v?.error?.message,
            buffered: b?.length ? [b.start(0), b.end(b.length - 1)] : [],
            level: window.__wetubeHls?.currentLevel,
            ui: document.querySelector('[data-testid=player-error]')?.textContent,
          };
        });
        throw new Error(`${err.message}; player: ${JSON.stringify(state)}; page errors: ${JSON.stringify(pageErrors)}`);
      });
    assert.equal(await page.locator('[data-testid=player-error]').count(), 0, 'no player error shown');
    await shot('watch');

    const options = await page.$$eval('[data-testid=quality-select] option', (os) =>
      os.map((o) => ({ value: (o as any).value, label: o.textContent })),
    );
    assert.ok(options.length >= 4, `quality menu offers Auto + 3 rungs: ${JSON.stringify(options)}`);
    const lowest = options.find((o) => /360/.test(o.label ?? ''))!;
    await page.selectOption('[data-testid=quality-select]', lowest.value);
    await page.waitForFunction(() => /360/.test(document.querySelector('[data-testid=current-quality]')?.textContent ?? ''), undefined, {
      timeout: 30_000,
    });
    const before = await page.evaluate(() => document.querySelector('video')!.currentTime);
    await page.waitForFunction((t) => document.querySelector('video')!.currentTime > t + 1, before, { timeout: 30_000 });
    const highest = options.find((o) => /720/.test(o.label ?? ''))!;
    await page.selectOption('[data-testid=quality-select]', highest.value);
    await page.waitForFunction(() => /720/.test(document.querySelector('[data-testid=current-quality]')?.textContent ?? ''), undefined, {
      timeout: 30_000,
    });
    const hlsError = await page.evaluate(() => (window as any).__wetubeFatal ?? null);
    assert.equal(hlsError, null);
    await shot('watch-quality');
    assert.deepEqual(pageErrors, []);
  });

  it('shows seek-bar thumbnails from the storyboard', async () => {
    const bar = page.locator('[data-testid=seek-bar]');
    if (await bar.count()) {
      const box = (await bar.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    }
    await page.locator('[data-testid=seek-thumb]').waitFor({ state: 'visible', timeout: 10_000 });
    await shot('watch-seek-thumbnail');
  });

  it('shows the sign-in page', async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${platform.webUrl}/signin`);
    await p.locator('input[name=email]').waitFor();
    await p.screenshot({ path: join(ARTIFACTS, 'signin.png'), fullPage: true });
    await fresh.close();
  });
});
