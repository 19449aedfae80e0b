import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;

const CLIP_SEC = 10;

/**
 * The library as a viewer walks it, in Chromium: watch part of a video, leave, come back (resume
 * offered, "Continue watching" on home), save to Watch later, make a playlist of two on the watch
 * page, reorder it on /playlist, play it (the second follows the first after the countdown), and
 * the /library page. Screenshots: artifacts/e2e/library-<width>-<page>.png.
 */
describe('library: history, resume, Watch later, playlists in the browser', { timeout: 900_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let viewer: ApiClient;
  let token = '';
  const ids: string[] = [];
  let playlistId = '';
  const pageErrors: string[] = [];
  const shot = (p: Page, name: string) => p.screenshot({ path: join(ARTIFACTS, `library-${name}.png`), fullPage: true });

  /** Signs the browser context in as the viewer (the session cookie is per host, shared by the web and api ports). */
  async function signedInContext(width: number, height: number): Promise<BrowserContext> {
    const c = await browser.newContext({ viewport: { width, height } });
    await c.addCookies([{ name: 'wetube_session', value: token, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' }]);
    return c;
  }

  /** Plays the player muted until its time passes `seconds`. */
  async function playPast(p: Page, seconds: number): Promise<void> {
    await p.waitForFunction(
      (s: number) => {
        const v = document.querySelector('video[data-testid=player]');
        if (!v) return false;
        if (v.paused && v.readyState >= 2) {
          v.muted = true;
          void v.play().catch(() => undefined);
        }
        return v.currentTime > s;
      },
      seconds,
      { timeout: 60_000, polling: 250 },
    );
  }

  const progressOf = async (id: string) =>
    (await viewer.gql(`query($id: ID!) { video(id: $id) { viewerProgress { positionSec finished } } }`, { id })).data?.video
      ?.viewerProgress;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    const creator = new ApiClient(platform.apiUrl);
    const reg = await creator.rest('POST', '/api/auth/register', {
      email: `library.creator.${Date.now()}@library-e2e.test`,
      password: 'a long enough password',
      displayName: 'Library Creator',
      accountType: 'creator',
    });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    creator.token = reg.body.token;
    for (const title of ['Tide pools at noon', 'Kelp forest drift']) {
      const clip = await generateClip({
        path: join(platform.dataDir, `${ids.length}.mp4`),
        durationSec: CLIP_SEC,
        width: 640,
        height: 360,
      });
      const id = (await tusUpload(creator, clip, { title })).videoId!;
      assert.equal((await waitForStatus(creator, id, ['READY', 'FAILED'], 300_000)).status, 'READY');
      ids.push(id);
    }
    viewer = new ApiClient(platform.apiUrl);
    await viewer.signUp('Library Viewer');
    token = viewer.token!;
    context = await signedInContext(1280, 860);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('watching part of a video records the position; coming back offers to resume; home shows Continue watching', async () => {
    await page.goto(`${platform.webUrl}/watch/${ids[0]}`);
    await page.locator('video[data-testid=player]').waitFor();
    await playPast(page, 4);
    await page.evaluate(() => document.querySelector('video[data-testid=player]').pause());
    let saved: { positionSec: number; finished: boolean } | null = null;
    for (let i = 0; i < 40 && !(saved && saved.positionSec >= 3); i++) {
      await new Promise((r) => setTimeout(r, 250));
      saved = await progressOf(ids[0]);
    }
    assert.ok(saved && saved.positionSec >= 4 && !saved.finished, `saved position: ${JSON.stringify(saved)}`);

    await page.goto(platform.webUrl);
    const section = page.getByTestId('continue-watching');
    await section.waitFor({ timeout: 15_000 });
    await section.getByText('Tide pools at noon').waitFor();
    await section.getByTestId('watched-bar').first().waitFor();
    await shot(page, '1280-home');

    await section.getByText('Tide pools at noon').click();
    await page.getByTestId('resume-notice').waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId('resume-notice').textContent()) ?? '', /Resumed where you left off, at 0:0[4-9]/);
    await page.waitForFunction(
      (at: number) => (document.querySelector('video[data-testid=player]')?.currentTime ?? 0) >= at - 0.6,
      saved!.positionSec,
      {
        timeout: 30_000,
      },
    );
    await page.getByTestId('start-over').click();
    await page.waitForFunction(() => (document.querySelector('video[data-testid=player]')?.currentTime ?? 99) < 1, undefined, {
      timeout: 10_000,
    });
  });

  it('adds the video to Watch later and to a new playlist from the watch page', async () => {
    const toggle = page.getByTestId('watch-later-toggle');
    await toggle.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=watch-later-toggle]')?.disabled, undefined, { timeout: 10_000 });
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=watch-later-toggle]')?.getAttribute('aria-pressed') === 'true');
    const wl = (await viewer.gql(`{ watchLater { itemCount items { edges { node { video { id } } } } } }`)).data.watchLater;
    assert.equal(wl.itemCount, 1);
    assert.equal(wl.items.edges[0].node.video.id, ids[0]);

    await page.getByTestId('save-open').click();
    await page.getByTestId('new-playlist-title').fill('Two sea clips');
    await page.getByTestId('new-playlist-create').click();
    await page.locator('[data-testid=playlist-option][data-title="Two sea clips"]:checked').waitFor({ timeout: 10_000 });
    await shot(page, '1280-save-dialog');
    await page.getByTestId('save-close').click();
    const mine = (await viewer.gql(`{ myPlaylists { id title itemCount } }`)).data.myPlaylists;
    const made = mine.find((p: { title: string }) => p.title === 'Two sea clips');
    assert.equal(made?.itemCount, 1);
    playlistId = made.id;
    const add = await viewer.gql(`mutation($p: ID!, $v: ID!) { addToPlaylist(playlistId: $p, videoId: $v) { userErrors { code } } }`, {
      p: playlistId,
      v: ids[1],
    });
    assert.deepEqual(add.data.addToPlaylist.userErrors, []);
  });

  it('reorders the playlist on /playlist, then Play all plays the second video after the first', async () => {
    await page.goto(`${platform.webUrl}/playlist?list=${playlistId}`);
    const rows = page.getByTestId('playlist-item');
    await rows.nth(1).waitFor({ timeout: 15_000 });
    const order = () => page.$$eval('[data-testid=playlist-item]', (els) => els.map((e) => (e as any).getAttribute('data-video-id')));
    assert.deepEqual(await order(), [ids[0], ids[1]]);
    await rows.nth(0).getByTestId('move-down').click();
    await page.waitForFunction(
      (want: string) => document.querySelector('[data-testid=playlist-item]')?.getAttribute('data-video-id') === want,
      ids[1],
    );
    await page.waitForFunction(() => {
      const up = document.querySelectorAll('[data-testid=move-up]')[1];
      return !!up && !up.disabled;
    });
    await rows.nth(1).getByTestId('move-up').click();
    await page.waitForFunction(
      (want: string) => document.querySelector('[data-testid=playlist-item]')?.getAttribute('data-video-id') === want,
      ids[0],
    );
    await shot(page, '1280-playlist');

    await page.getByTestId('play-all').click();
    await page.waitForURL(new RegExp(`/watch/${ids[0]}\\?list=${playlistId}`));
    await page.getByTestId('playlist-panel').waitFor();
    await playPast(page, 0.5);
    // Jump to the last second; the end of the content shows the countdown, then the next video plays.
    await page.evaluate(() => {
      const v = document.querySelector('video[data-testid=player]');
      v.currentTime = Math.max(0, v.duration - 1);
      void v.play();
    });
    await page.getByTestId('up-next').waitFor({ timeout: 20_000 });
    await shot(page, '1280-up-next');
    await page.waitForURL(new RegExp(`/watch/${ids[1]}\\?list=${playlistId}`), { timeout: 20_000 });
    await page.getByTestId('video-title').filter({ hasText: 'Kelp forest drift' }).waitFor();
    await page.waitForFunction(
      () => {
        const v = document.querySelector('video[data-testid=player]');
        return !!v && !v.paused && v.currentTime > 0.5;
      },
      undefined,
      { timeout: 30_000 },
    );
    const first = await progressOf(ids[0]);
    assert.equal(first?.finished, true, 'the first video counts as watched to the end');
  });

  it('the library shows history, Watch later and playlists; history can be paused and an entry removed', async () => {
    await page.goto(`${platform.webUrl}/library`);
    await page.getByTestId('history-grid').waitFor({ timeout: 15_000 });
    await page.getByTestId('watch-later-grid').getByText('Tide pools at noon').waitFor();
    await page.getByTestId('playlists-grid').getByText('Two sea clips').waitFor();
    await shot(page, '1280-library');
    await page.getByTestId('history-pause').click();
    await page.getByTestId('history-paused').waitFor();
    assert.equal((await viewer.gql(`{ historySettings { paused } }`)).data.historySettings.paused, true);
    await page.getByTestId('history-pause').click();
    await page.getByTestId('history-paused').waitFor({ state: 'detached' });
    const before = await page.getByTestId('history-remove').count();
    await page.getByTestId('history-remove').first().click();
    await page.waitForFunction((n: number) => document.querySelectorAll('[data-testid=history-remove]').length === n - 1, before);
    assert.deepEqual(pageErrors, []);
  });

  it('at 390×844: home, /library and /playlist fit a phone', async () => {
    const phone = await signedInContext(390, 844);
    const p = await phone.newPage();
    try {
      // Back in the history for home's Continue watching: the first video, half watched.
      await viewer.gql(`mutation($v: ID!) { recordWatchProgress(videoId: $v, positionSeconds: 5) { recorded } }`, { v: ids[0] });
      for (const [name, path, testId] of [
        ['home', '/', 'continue-watching'],
        ['library', '/library', 'playlists-grid'],
        ['playlist', `/playlist?list=${playlistId}`, 'playlist-items'],
      ] as const) {
        await p.goto(`${platform.webUrl}${path}`);
        await p.getByTestId(testId).waitFor({ timeout: 15_000 });
        if (name === 'library') await p.getByTestId('history-grid').waitFor({ timeout: 15_000 });
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow} px at 390 px`);
        await shot(p, `390-${name}`);
      }
    } finally {
      await phone.close();
    }
  });
});
