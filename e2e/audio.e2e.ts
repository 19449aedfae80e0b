import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { generateAudioFile } from '@wetube/testing';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;

/**
 * Issue 14 (first part), as a person walks it: a creator uploads an MP3 with a cover on the upload
 * page, it transcodes to READY, and its watch page (the listen page for an AUDIO item) plays it:
 * audio-only HLS in the app-wide <audio> element, the cover and the tags shown.
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

  it('plays it on its listen page: the cover and the tags are shown and currentTime advances past 3 s', async () => {
    await page.goto(new URL(watchHref, platform.webUrl).toString());
    await page.getByTestId('listen-page').waitFor();
    await page.locator('[data-testid=listen-cover]').waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByTestId('listen-artist').getByText('E2E Band').waitFor();
    await page.getByTestId('listen-play').click();
    await page.waitForFunction(() => (document.querySelector('audio[data-testid=listen-audio]')?.currentTime ?? 0) > 3, undefined, {
      timeout: 60_000,
      polling: 500,
    });
    const state = await page.evaluate(() => {
      const a = document.querySelector('audio[data-testid=listen-audio]');
      return { error: a.error?.message ?? null, cover: document.querySelector('[data-testid=listen-cover]')?.naturalWidth };
    });
    assert.equal(state.error, null);
    assert.equal(state.cover, 400, 'the embedded cover is shown');
    assert.equal(await page.locator('video').count(), 0, 'no video player for an audio item');
    assert.equal(await page.locator('[data-testid=player-error]').count(), 0, 'no player error shown');
    await shot('audio-watch');
    assert.deepEqual(pageErrors, []);
  });

  it("the creator edits the song's tags in the studio and the listen page shows them", async () => {
    const id = watchHref.split('/').pop()!;
    await page.goto(`${platform.webUrl}/studio`);
    const row = page.locator(`[data-testid=studio-video][data-video-id="${id}"]`);
    await row.locator('summary', { hasText: 'Edit details' }).click();
    const tags = row.getByTestId('audio-tags');
    await tags.waitFor({ timeout: 15_000 });
    // The form shows the tags read from the file once it has them.
    await page.waitForFunction(
      (vid: string) =>
        document.querySelector(`[data-testid=studio-video][data-video-id="${vid}"] [data-testid=audio-tags] input[name=artist]`)?.value ===
        'E2E Band',
      id,
    );
    await tags.locator('input[name=artist]').fill('The Renamed Band');
    await tags.locator('input[name=year]').fill('20201');
    await row.getByTestId('save-video').click();
    await row.getByTestId('error-year').waitFor();
    await tags.locator('input[name=year]').fill('2019');
    await row.getByTestId('save-video').click();
    await row.getByTestId('saved').waitFor();
    await page.goto(new URL(watchHref, platform.webUrl).toString());
    await page.getByTestId('listen-artist').getByText('The Renamed Band').waitFor({ timeout: 15_000 });
    assert.deepEqual(pageErrors, []);
  });

  it("the creator uploads a cover in the studio: too small is refused naming the size, a square one replaces the file's own on the listen page, removing it brings that back", async () => {
    const id = watchHref.split('/').pop()!;
    const picture = async (name: string, size: number, colour: string) => {
      const path = join(platform.dataDir, name);
      await sharp({ create: { width: size, height: size, channels: 3, background: colour } })
        .png()
        .toFile(path);
      return path;
    };
    await page.goto(`${platform.webUrl}/studio`);
    const row = page.locator(`[data-testid=studio-video][data-video-id="${id}"]`);
    await row.locator('summary', { hasText: 'Edit details' }).click();
    await row.getByTestId('cover-input').setInputFiles(await picture('small-cover.png', 200, '#20a040'));
    await row.getByTestId('cover-error').waitFor({ timeout: 15_000 });
    assert.match((await row.getByTestId('cover-error').textContent()) ?? '', /200×200; it must be at least 500×500/);
    await row.getByTestId('cover-input').setInputFiles(await picture('cover.png', 900, '#2040c0'));
    await page.waitForFunction(
      (vid: string) =>
        /\/api\/covers\/.+\.jpg$/.test(
          document.querySelector(`[data-testid=studio-video][data-video-id="${vid}"] [data-testid=cover-preview] img`)?.src ?? '',
        ),
      id,
      { timeout: 15_000 },
    );
    await shot('studio-cover');
    await page.goto(new URL(watchHref, platform.webUrl).toString());
    await page.waitForFunction(
      () => {
        const img = document.querySelector('[data-testid=listen-cover]');
        return !!img && /\/api\/covers\//.test(img.src) && img.naturalWidth > 0;
      },
      undefined,
      { timeout: 15_000 },
    );
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid=listen-cover]').naturalWidth), 1400, 'the uploaded cover');

    await page.goto(`${platform.webUrl}/studio`);
    await row.locator('summary', { hasText: 'Edit details' }).click();
    await row.getByTestId('cover-remove').click();
    await page.waitForFunction(
      (vid: string) =>
        /\/poster\.jpg$/.test(
          document.querySelector(`[data-testid=studio-video][data-video-id="${vid}"] [data-testid=cover-preview] img`)?.src ?? '',
        ),
      id,
      { timeout: 15_000 },
    );
    await page.goto(new URL(watchHref, platform.webUrl).toString());
    await page.waitForFunction(() => (document.querySelector('[data-testid=listen-cover]')?.naturalWidth ?? 0) === 400, undefined, {
      timeout: 15_000,
    });
    assert.deepEqual(pageErrors, []);
  });
});
