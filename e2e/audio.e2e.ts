import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateAudioFile } from '@wetube/testing';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;

/**
 * Issue 14 (first part), as a person walks it: a creator uploads an MP3 with a cover on the upload
 * page, it transcodes to READY, and the watch page plays it (audio-only HLS in the same player,
 * the cover shown over the picture).
 */
describe('upload an MP3 and play it in the browser', () => {
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

  it('registers a creator and uploads an MP3 with a cover, which becomes READY', async () => {
    await page.goto(`${platform.webUrl}/register`);
    await page.fill('input[name=displayName]', 'E2E Musician');
    await page.fill('input[name=email]', `musician.${Date.now()}@example.com`);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText('E2E Musician').first().waitFor({ timeout: 15_000 });

    const song = await generateAudioFile({
      path: join(platform.dataDir, 'e2e-song.mp3'),
      durationSec: 15,
      codec: 'libmp3lame',
      bitrateK: 192,
      coverSize: 400,
      tags: { title: 'E2E Song', artist: 'E2E Band' },
    });
    await page.goto(`${platform.webUrl}/upload`);
    await page.fill('input[name=title]', 'A song for the browser');
    await page.setInputFiles('[data-testid=file-input]', song);
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
    await shot('audio-upload-done');
    assert.equal((await status.textContent())?.trim(), 'READY');
    watchHref = (await page.getAttribute('[data-testid=watch-link]', 'href')) ?? '';
    assert.match(watchHref, /\/watch\/[0-9a-f-]{36}$/);
  });

  it('plays it on the watch page: the cover is shown and currentTime advances past 3 s', async () => {
    await page.goto(new URL(watchHref, platform.webUrl).toString());
    await page.locator('video[data-testid=player]').waitFor();
    await page.locator('[data-testid=audio-cover]').waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(
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
    );
    const state = await page.evaluate(() => {
      const v = document.querySelector('video');
      return { w: v.videoWidth, error: v.error?.message ?? null, cover: document.querySelector('[data-testid=audio-cover]')?.naturalWidth };
    });
    assert.equal(state.error, null);
    assert.equal(state.w, 0, 'audio only: no picture in the stream');
    assert.equal(state.cover, 400, 'the embedded cover is shown');
    assert.equal(await page.locator('[data-testid=player-error]').count(), 0, 'no player error shown');
    await shot('audio-watch');
    assert.deepEqual(pageErrors, []);
  });
});
