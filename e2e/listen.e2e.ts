import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateAudioFile } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

const TRACK_SEC = 12;
/** Track 2 is longer: its description's chapters must each last 10 s. */
const TRACK2_SEC = 31;
const TRACK2_DESCRIPTION = 'Three parts.\n0:00 Intro\n0:10 Verse\n0:20 Outro';

/**
 * Issue 14, "Listening", as a listener walks it in Chromium: a creator's playlist of two short
 * tracks; track 1 opened from the playlist plays on the listen page (waveform played part, speed,
 * skip); the listener goes to the home page and it keeps playing in the mini-player (the same
 * <audio> element, no page load); at its end the queue moves on to track 2.
 * Screenshots: artifacts/e2e/listen-page.png and mini-player.png.
 */
describe('listen page, mini-player and queue in the browser', { timeout: 600_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids: string[] = [];
  let listId = '';
  const pageErrors: string[] = [];

  const audioTime = () => page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]')?.currentTime ?? -1);
  async function advancesPast(t: number, timeout = 20_000): Promise<void> {
    await page.waitForFunction((at: number) => (document.querySelector('audio[data-testid=listen-audio]')?.currentTime ?? 0) > at, t, {
      timeout,
      polling: 100,
    });
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    const creator = new ApiClient(platform.apiUrl);
    await creator.signUp('Listen Creator', 'creator');
    for (const [i, title] of ['Track one', 'Track two'].entries()) {
      const file = await generateAudioFile({
        path: join(platform.dataDir, `track-${i + 1}.mp3`),
        durationSec: i === 0 ? TRACK_SEC : TRACK2_SEC,
        quiet: true, // pink noise with a swelling volume: a waveform with a shape
        codec: 'libmp3lame',
        bitrateK: 128,
        coverSize: 300,
        tags: { title, artist: 'The E2E Quartet', album: 'Queue Songs' },
      });
      const up = await tusUpload(creator, file, {
        title,
        filename: `track-${i + 1}.mp3`,
        metadata: { visibility: 'PUBLIC', ...(i === 1 ? { description: TRACK2_DESCRIPTION } : {}) },
      });
      assert.ok(up.videoId, JSON.stringify(up.error));
      assert.equal((await waitForStatus(creator, up.videoId, ['READY', 'FAILED'], 240_000)).status, 'READY');
      ids.push(up.videoId);
    }
    const made = await creator.gql(
      `mutation($v: ID!) { createPlaylist(input: { title: "Queue Songs", visibility: PUBLIC, videoId: $v }) { playlist { id } userErrors { code message } } }`,
      { v: ids[0] },
    );
    assert.deepEqual(made.data.createPlaylist.userErrors, []);
    listId = made.data.createPlaylist.playlist.id;
    const add = await creator.gql(`mutation($p: ID!, $v: ID!) { addToPlaylist(playlistId: $p, videoId: $v) { userErrors { code } } }`, {
      p: listId,
      v: ids[1],
    });
    assert.deepEqual(add.data.addToPlaylist.userErrors, []);

    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('track 1 opened from the playlist plays on the listen page; the waveform shows the played part', async () => {
    await page.goto(`${platform.webUrl}/watch/${ids[0]}?list=${listId}`);
    await page.locator(`[data-testid=listen-page][data-track-id="${ids[0]}"]`).waitFor({ timeout: 30_000 });
    await page.getByTestId('listen-artist').getByText('The E2E Quartet').waitFor();
    await page.getByTestId('listen-album').getByText('Queue Songs').waitFor();
    assert.equal(await page.locator('video').count(), 0, 'no video player for an audio item');
    // Opened from a playlist it starts by itself (as the next video of a playlist does).
    await page.locator('[data-testid=listen-play][data-state=playing]').waitFor({ timeout: 30_000 });
    await advancesPast(3);
    // Marks: a page load would lose them (the mini-player must keep this very element playing).
    await page.evaluate(() => {
      window.__listenMark = 'no reload';
      document.querySelector('audio[data-testid=listen-audio]').__mark = 'track element';
    });

    const wave = page.getByTestId('waveform');
    await page.waitForFunction(() => document.querySelector('[data-testid=waveform]')?.getAttribute('data-flat') !== 'true', undefined, {
      timeout: 10_000,
    });
    const played = Number(await wave.getAttribute('data-played-bars'));
    assert.ok(played > 0 && played < 120, `played bars: ${played}`);
    assert.equal(await wave.getAttribute('role'), 'slider');
    assert.ok(Number(await wave.getAttribute('aria-valuenow')) >= 2);
    assert.match((await wave.getAttribute('aria-valuetext')) ?? '', /^0:0\d of 0:1[12]$/);
    // The bars' heights come from the peaks: not all the same.
    const heights = await page.evaluate(() => [...document.querySelectorAll('.wave__bar')].map((b: any) => b.style.height));
    assert.ok(new Set(heights).size > 1, 'the waveform is drawn from the peaks');
    await page.screenshot({ path: join(ARTIFACTS, 'listen-page.png'), fullPage: true });
  });

  it('speed is set and remembered; skip back, keyboard and click seek', async () => {
    await page.getByTestId('listen-speed').selectOption('1.5');
    await page.waitForFunction(() => document.querySelector('audio[data-testid=listen-audio]').playbackRate === 1.5);
    assert.equal(await page.evaluate(() => window.localStorage.getItem('wetube.listen.rate')), '1.5');

    await page.getByTestId('listen-play').click(); // pause, so the times below do not run away
    await page.locator('[data-testid=listen-play][data-state=paused]').waitFor();
    const before = await audioTime();
    assert.ok(before >= 3, `time before skipping back: ${before}`);
    await page.getByTestId('listen-back').click();
    await page.waitForFunction(() => document.querySelector('audio[data-testid=listen-audio]').currentTime < 0.5);

    await page.getByTestId('waveform').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Math.abs(document.querySelector('audio[data-testid=listen-audio]').currentTime - 5) < 0.6);
    assert.equal(await page.getByTestId('waveform').getAttribute('aria-valuenow'), '5');

    // A click a quarter of the way along the waveform seeks to a quarter of the track.
    const box = (await page.getByTestId('waveform').boundingBox())!;
    await page.mouse.click(box.x + box.width / 4, box.y + box.height / 2);
    await page.waitForFunction(
      (d: number) => Math.abs(document.querySelector('audio[data-testid=listen-audio]').currentTime - d / 4) < 0.6,
      TRACK_SEC,
    );
    // 'k' (as on the video player) plays again.
    await page.locator('body').focus();
    await page.keyboard.press('k');
    await page.locator('[data-testid=listen-play][data-state=playing]').waitFor();
  });

  it('going to the home page keeps it playing in the mini-player, then the queue moves on to track 2', async () => {
    await page.click('a.logo[href="/"]');
    await page.waitForURL(`${platform.webUrl}/`);
    const mini = page.getByTestId('mini-player');
    await mini.waitFor({ timeout: 10_000 });
    assert.equal(await mini.getAttribute('data-track-id'), ids[0]);
    assert.equal((await page.getByTestId('mini-player-title').textContent())?.trim(), 'Track one');
    const t = await audioTime();
    await advancesPast(t + 0.5);
    const kept = await page.evaluate(() => ({
      mark: window.__listenMark,
      element: document.querySelector('audio[data-testid=listen-audio]').__mark,
      paused: document.querySelector('audio[data-testid=listen-audio]').paused,
    }));
    assert.deepEqual(kept, { mark: 'no reload', element: 'track element', paused: false });
    assert.equal(
      await page.getByTestId('mini-player-link').getAttribute('href'),
      `/watch/${ids[0]}?list=${encodeURIComponent(listId)}`,
      'the mini-player links back to the listen page',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'mini-player.png') });

    // The end of track 1: the queue plays track 2 in the same element.
    await page.locator(`[data-testid=mini-player][data-track-id="${ids[1]}"]`).waitFor({ timeout: 60_000 });
    await page.getByTestId('mini-player-title').getByText('Track two').waitFor({ timeout: 15_000 });
    await advancesPast(1, 30_000);
    assert.equal(await page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]').__mark), 'track element');
    assert.equal(await page.evaluate(() => window.__listenMark), 'no reload');
    assert.equal(await page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]').playbackRate), 1.5, 'the speed stays');

    // Back to the listen page through the mini-player: it shows track 2, still playing, and the bar goes away.
    await page.getByTestId('mini-player-link').click();
    await page.locator(`[data-testid=listen-page][data-track-id="${ids[1]}"]`).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('mini-player').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]').paused), false);

    // Its chapters (from the description): a click seeks to one, which is then marked as playing.
    const chapters = page.getByTestId('listen-chapter');
    await chapters.first().waitFor();
    assert.deepEqual(
      (await chapters.allTextContents()).map((t) => t.trim()),
      ['0:00Intro', '0:10Verse', '0:20Outro'],
    );
    await chapters.nth(2).click();
    await page.waitForFunction(() => {
      const t = document.querySelector('audio[data-testid=listen-audio]').currentTime;
      return t >= 20 && t < 24;
    });
    await page.locator('[data-testid=listen-chapter][aria-current=true]').getByText('Outro').waitFor();

    // The queue on the listen page: both tracks in order, track 2 marked as playing; track 1 is
    // taken out (the one playing cannot be), and with one track left the list goes away.
    const queued = page.getByTestId('listen-queue-item');
    assert.deepEqual(
      (await queued.allTextContents()).map((t) => t.replace('×', '').trim()),
      ['1Track one', '2Track two'],
    );
    await page.locator('[data-testid=listen-queue] [aria-current=true]').getByText('Track two').waitFor();
    assert.equal(await page.getByTestId('listen-queue-remove').count(), 1, 'only the other track can be taken out');
    await page.getByTestId('listen-queue-remove').click();
    await page.getByTestId('listen-queue').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('listen-page').getAttribute('data-track-id'), ids[1], 'track 2 plays on');
    assert.equal(await page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]').paused), false);

    // "Add to queue" on an audio card of the home page: track 1 after track 2, which was the last.
    await page.click('a.logo[href="/"]');
    assert.equal(await page.getByTestId('mini-next').isDisabled(), true, 'track 2 is the end of the queue');
    const card = page.getByTestId('video-card').filter({ hasText: 'Track one' });
    await card.getByTestId('add-to-queue').click();
    await card.getByText('Added to queue').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=mini-next]').disabled);
    await page.getByTestId('mini-next').click();
    await page.locator(`[data-testid=mini-player][data-track-id="${ids[0]}"]`).waitFor();
    await page.getByTestId('mini-player-title').getByText('Track one').waitFor({ timeout: 15_000 });

    // A video started while the audio plays pauses the audio (the mini-player stays, paused).
    await page.locator('[data-testid=mini-play][data-state=playing]').waitFor({ timeout: 15_000 });
    await page.getByTestId('video-card').filter({ hasText: 'Welcome to WeTube' }).locator('a.card__link').click();
    await page.locator('video[data-testid=player]').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('mini-player').getAttribute('data-track-id'), ids[0]);
    await page.getByTestId('player-bigplay').click();
    await page.locator('[data-testid=mini-play][data-state=paused]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('video[data-testid=player]').currentTime > 0.5, undefined, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]').paused), true);

    // Close: playback stops.
    await page.getByTestId('mini-close').click();
    await page.getByTestId('mini-player').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.querySelector('audio[data-testid=listen-audio]').paused), true);
    // hls.js is torn down: the element no longer has its media source.
    await page.waitForFunction(() => !document.querySelector('audio[data-testid=listen-audio]').getAttribute('src'), undefined, {
      timeout: 10_000,
    });
    assert.deepEqual(pageErrors, []);
  });
});
