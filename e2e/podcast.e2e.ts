import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { generateAudioFile } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;

/**
 * Issue 14 (podcasts), as a creator walks it: the upload page offers "Podcast episode" once an
 * audio file is chosen (the item is then a podcast: its loudness normalized); the owner makes a
 * playlist a podcast show on its page, which then shows its kind and links its RSS feed (also as
 * <link rel="alternate"> in the head), and the feed lists the episode with its enclosure.
 */
describe('a podcast episode and a show in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let creator: ApiClient;
  let videoId = '';
  const pageErrors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `podcast-${name}.png`), fullPage: true });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    creator = new ApiClient(platform.apiUrl);
    await creator.signUp('E2E Podcaster');
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'wetube_session', value: creator.token!, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
    ]);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const picture = async (name: string, size: number, colour: string) => {
    const path = join(platform.dataDir, name);
    await sharp({ create: { width: size, height: size, channels: 3, background: colour } })
      .png()
      .toFile(path);
    return path;
  };

  it('offers "Podcast episode" for an audio file only, and uploads it as one with a cover chosen on the page', async () => {
    const talk = await generateAudioFile({
      path: join(platform.dataDir, 'e2e-talk.mp3'),
      durationSec: 8,
      codec: 'libmp3lame',
      bitrateK: 64,
      quiet: true,
    });
    await page.goto(`${platform.webUrl}/upload`);
    await page.fill('input[name=title]', 'Episode for the browser');
    assert.equal(await page.locator('[data-testid=upload-podcast]').count(), 0, 'no checkbox before a file is chosen');
    await page.setInputFiles('[data-testid=file-input]', talk);
    await page.locator('[data-testid=upload-podcast]').waitFor();
    await page.check('input[name=podcast]');
    await page.setInputFiles('[data-testid=upload-cover-input]', await picture('episode-cover.png', 800, '#a04020'));
    await page.click('[data-testid=upload-start]');
    await page.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid=video-status]')?.textContent?.trim();
        return s === 'READY' || s === 'FAILED';
      },
      undefined,
      { timeout: 180_000, polling: 250 },
    );
    const href = (await page.getAttribute('[data-testid=watch-link]', 'href')) ?? '';
    videoId = href.split('/').pop()!;
    await page.getByTestId('upload-cover-outcome').getByText('Cover saved.').waitFor({ timeout: 15_000 });
    const v = (
      await creator.gql(`query($id: ID!) { video(id: $id) { status posterUrl audio { podcast coverSource loudness { targetLufs } } } }`, {
        id: videoId,
      })
    ).data.video;
    assert.equal(v.status, 'READY');
    assert.equal(v.audio.coverSource, 'UPLOADED', 'the cover chosen on the upload page');
    assert.match(v.posterUrl, /\/api\/covers\/.+\.jpg$/);
    assert.equal(v.audio.podcast, true, 'sent as tus podcast=true');
    assert.equal(v.audio.loudness.targetLufs, -16, 'so it was normalized');
  });

  it('the owner makes a playlist a show; the page shows the kind and links the feed, which lists the episode', async () => {
    const created = await creator.gql(
      `mutation($v: ID!) { createPlaylist(input: { title: "Browser Show", visibility: PUBLIC, videoId: $v }) { playlist { id kind } userErrors { code } } }`,
      { v: videoId },
    );
    const id = created.data.createPlaylist.playlist.id;
    assert.equal(created.data.createPlaylist.playlist.kind, 'PLAYLIST');
    await page.goto(`${platform.webUrl}/playlist?list=${id}`);
    await page.locator('[data-testid=playlist-kind]').waitFor();
    assert.equal((await page.textContent('[data-testid=playlist-kind]'))?.trim(), 'playlist');
    assert.equal(await page.locator('link[rel=alternate][type="application/rss+xml"]').count(), 0);

    await page.selectOption('[data-testid=playlist-kind-select]', 'SHOW');
    await page.waitForFunction(() => document.querySelector('[data-testid=playlist-kind]')?.textContent?.trim() === 'podcast');
    await page.locator('[data-testid=show-settings]').waitFor();
    await page.fill('[data-testid=show-settings] input[name=author]', 'Browser Author');
    await page.fill('[data-testid=show-settings] input[name=language]', 'xx-nope');
    await page.click('[data-testid=show-save]');
    await page
      .getByText(/not a known BCP 47 language tag/)
      .waitFor()
      .catch(async (e: unknown) => {
        await shot('show-error-missing');
        throw e;
      });
    await page.fill('[data-testid=show-settings] input[name=language]', 'de-ch');
    await page.click('[data-testid=show-save]');
    await page.waitForFunction(() => document.querySelector('[data-testid=show-settings] input[name=language]')?.value === 'de-CH');

    const feedUrl = (await page.getAttribute('[data-testid=show-feed-link]', 'href')) ?? '';
    assert.match(feedUrl, new RegExp(`/feeds/shows/${id}\\.xml$`));
    assert.equal(await page.getAttribute('head link[rel=alternate][type="application/rss+xml"]', 'href'), feedUrl, 'in the head');
    await shot('show-page');
    const xml = await (await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, platform.apiUrl))).text();
    assert.match(xml, /<itunes:author>Browser Author<\/itunes:author>/);
    assert.match(xml, /<language>de-CH<\/language>/);
    assert.ok(xml.includes(`/hls/${videoId}/enclosure.m4a`), 'the episode with its enclosure');

    // The show's artwork: podcast apps want at least 1400×1400, and say so.
    await page.getByTestId('playlist-artwork-input').setInputFiles(await picture('show-small.png', 1000, '#208040'));
    await page.getByTestId('playlist-artwork-error').waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId('playlist-artwork-error').textContent()) ?? '', /1000×1000; it must be at least 1400×1400/);
    await page.getByTestId('playlist-artwork-input').setInputFiles(await picture('show.png', 1500, '#4020a0'));
    await page.waitForFunction(() => !!document.querySelector('[data-testid=playlist-artwork-remove]'), undefined, { timeout: 15_000 });
    const artwork = (await page.getAttribute('[data-testid=playlist-artwork-preview] img', 'src')) ?? '';
    assert.match(artwork, /\/api\/covers\/.+\.jpg$/);
    await shot('show-artwork');
    const withArt = await (await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, platform.apiUrl))).text();
    assert.ok(withArt.includes(`<itunes:image href="${artwork}"`), "the feed's show artwork");

    await page.selectOption('[data-testid=playlist-kind-select]', 'ALBUM');
    await page.waitForFunction(() => document.querySelector('[data-testid=playlist-kind]')?.textContent?.trim() === 'album');
    assert.equal(await page.locator('[data-testid=show-feed-link]').count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
