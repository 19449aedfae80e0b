import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

const CLIP_SEC = 40;

/** The <video>'s state, read in the page. */
interface VideoState {
  t: number;
  paused: boolean;
  muted: boolean;
  volume: number;
  rate: number;
  /** data-testid of the full-screen element, or null. */
  fullscreen: string | null;
}

const state = (page: Page): Promise<VideoState> =>
  page.evaluate(() => {
    const v = document.querySelector('video[data-testid=player]');
    return {
      t: v.currentTime,
      paused: v.paused,
      muted: v.muted,
      volume: v.volume,
      rate: v.playbackRate,
      fullscreen:
        document.fullscreenElement?.getAttribute('data-testid') ?? (document.fullscreenElement ? document.fullscreenElement.tagName : null),
    };
  });

/** Waits until `check` holds for the video's state; fails naming `what` and the last state. */
async function until(page: Page, what: string, check: (s: VideoState) => boolean, timeoutMs = 15_000): Promise<VideoState> {
  const deadline = Date.now() + timeoutMs;
  let s = await state(page);
  while (!check(s)) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms; video: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
    s = await state(page);
  }
  return s;
}

const near =
  (want: number, tol = 0.75) =>
  (s: VideoState) =>
    Math.abs(s.t - want) <= tol;

/**
 * Waits until the control `testId`'s attribute `name` reads `want`: the label follows the video's
 * state one React render later (full screen's after the `fullscreenchange` event, which Chromium
 * fires on the next animation frame), so it is polled, not read once.
 */
async function attributeBecomes(page: Page, testId: string, name: string, want: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let got = await page.getByTestId(testId).getAttribute(name);
  while (got !== want) {
    if (Date.now() > deadline)
      throw new Error(`${testId}'s ${name}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}, after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
    got = await page.getByTestId(testId).getAttribute(name);
  }
}

/**
 * The watch page's player by mouse and keyboard, in Chromium at a laptop's and a phone's size: the
 * control bar (play/pause, mute, volume, speed, full screen), the shortcuts (k/space, j/l, arrows,
 * up/down, m, f, 0-9, >/<), none of them while typing in a field, the controls hiding while the
 * video plays, and the peers indicator's details on click. Screenshots: artifacts/e2e/player-*.png.
 */
describe('player controls by mouse and keyboard', { timeout: 900_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let watchUrl = '';

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    const creator = new ApiClient(platform.apiUrl);
    const reg = await creator.rest('POST', '/api/auth/register', {
      email: `player.${Date.now()}@player-e2e.test`,
      password: 'a long enough password',
      displayName: 'Player E2E',
    });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    creator.token = reg.body.token;
    const clip = await generateClip({ path: join(platform.dataDir, 'player-clip.mp4'), durationSec: CLIP_SEC, width: 640, height: 360 });
    const id = (await tusUpload(creator, clip, { title: 'Controls test clip' })).videoId!;
    assert.equal((await waitForStatus(creator, id, ['READY', 'FAILED'], 300_000)).status, 'READY');
    watchUrl = `${platform.webUrl}/watch/${id}`;
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    it(`at ${width}×${height}: the control bar by mouse, the shortcuts by keyboard, the peers details`, async () => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        await page.goto(watchUrl);
        await page.locator('video[data-testid=player]').waitFor();
        await page.waitForFunction(() => document.querySelector('video[data-testid=player]').readyState >= 1, undefined, {
          timeout: 60_000,
        });
        const controls = page.getByTestId('player-controls');
        const frame = page.getByTestId('player-container');

        // The bar fits the player's width (nothing pushed out at 390 px).
        const barBox = (await page.locator('.player__bar').boundingBox())!;
        const frameBox = (await frame.boundingBox())!;
        for (const id of ['player-play', 'player-mute', 'player-time', 'player-speed', 'quality-select', 'player-fullscreen']) {
          const b = (await page.getByTestId(id).boundingBox())!;
          assert.ok(
            b && b.width > 0 && b.x >= frameBox.x - 0.5 && b.x + b.width <= frameBox.x + frameBox.width + 0.5,
            `${id} inside the player (${JSON.stringify(b)} in ${JSON.stringify(frameBox)})`,
          );
          assert.ok(b.y >= barBox.y - 0.5 && b.y + b.height <= barBox.y + barBox.height + 0.5, `${id} on the bar's one row`);
        }
        assert.equal(await page.getByTestId('player-play').getAttribute('aria-label'), 'Play (k)');
        assert.equal(await page.getByTestId('player-fullscreen').getAttribute('title'), 'Full screen (f)');

        // Mouse: play, then pause.
        await page.getByTestId('player-play').click();
        const playing = await until(page, 'plays after the play button', (s) => !s.paused && s.t > 0.3, 60_000);
        await until(page, 'time advances', (s) => s.t > playing.t + 0.5);
        await attributeBecomes(page, 'player-play', 'aria-label', 'Pause (k)');
        // The controls hide after ~3 s without pointer movement while playing, and come back on movement.
        await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 3);
        await page.waitForFunction(
          () => document.querySelector('[data-testid=player-controls]').getAttribute('data-visible') === 'false',
          undefined,
          { timeout: 6000 },
        );
        await page.mouse.move(frameBox.x + frameBox.width / 2 + 20, frameBox.y + frameBox.height / 3);
        await page.waitForFunction(
          () => document.querySelector('[data-testid=player-controls]').getAttribute('data-visible') === 'true',
          undefined,
          { timeout: 2000 },
        );
        await page.getByTestId('player-play').click();
        const paused = await until(page, 'paused by the pause button', (s) => s.paused);
        await new Promise((r) => setTimeout(r, 400));
        assert.ok(Math.abs((await state(page)).t - paused.t) < 0.05, 'time stands while paused');

        // Mute button, volume slider (on a phone it opens from behind the mute button on hover).
        await page.getByTestId('player-mute').click();
        await until(page, 'muted by the mute button', (s) => s.muted);
        await attributeBecomes(page, 'player-mute', 'aria-label', 'Unmute (m)');
        await page.getByTestId('player-mute').click();
        await until(page, 'unmuted by the mute button', (s) => !s.muted);
        await page.getByTestId('player-mute').hover();
        await new Promise((r) => setTimeout(r, 400));
        const slider = page.getByTestId('player-volume');
        const sb = (await slider.boundingBox())!;
        assert.ok(sb.width >= 40, `the volume slider shows (${sb.width} px wide)`);
        await page.mouse.click(sb.x + sb.width / 2, sb.y + sb.height / 2);
        const v1 = await until(page, 'volume about 50 % from a click on the slider', (s) => Math.abs(s.volume - 0.5) <= 0.11 && !s.muted);
        // The focused slider's own arrow keys: one 5 % step (the page's shortcut does not add a second).
        await slider.focus();
        await page.keyboard.press('ArrowUp');
        await until(page, 'the slider steps 5 %', (s) => Math.abs(s.volume - (v1.volume + 0.05)) < 0.011);

        // Speed menu.
        await page.getByTestId('player-speed').selectOption('1.5');
        await until(page, 'speed 1.5× from the menu', (s) => s.rate === 1.5);
        await page.getByTestId('player-speed').selectOption('1');
        await until(page, 'speed back to 1×', (s) => s.rate === 1);

        // Full screen: the player's container (picture, controls and ad overlay together).
        await page.getByTestId('player-fullscreen').click();
        await until(page, 'full screen from the button', (s) => s.fullscreen === 'player-container');
        await attributeBecomes(page, 'player-fullscreen', 'aria-label', 'Exit full screen (f)');
        assert.ok(await controls.isVisible(), 'the controls show in full screen');
        await page.getByTestId('player-fullscreen').click();
        await until(page, 'full screen left from the button', (s) => s.fullscreen === null);
        await attributeBecomes(page, 'player-fullscreen', 'aria-label', 'Full screen (f)');

        // Keyboard, with the focus on the page itself.
        await page.evaluate(() => document.activeElement?.blur());
        await page.keyboard.press('k');
        await until(page, 'k plays', (s) => !s.paused);
        await page.keyboard.press('k');
        await until(page, 'k pauses', (s) => s.paused);
        await page.keyboard.press('Space');
        await until(page, 'space plays', (s) => !s.paused);
        await page.keyboard.press('Space');
        await until(page, 'space pauses', (s) => s.paused);
        const y0 = await page.evaluate(() => window.scrollY);
        assert.equal(y0, 0, 'space did not scroll the page');

        await page.keyboard.press('5');
        await until(page, '5 seeks to 50 %', near(CLIP_SEC * 0.5));
        await page.keyboard.press('l');
        await until(page, 'l goes 10 s forward', near(CLIP_SEC * 0.5 + 10));
        await page.keyboard.press('j');
        await until(page, 'j goes 10 s back', near(CLIP_SEC * 0.5));
        await page.keyboard.press('j');
        await until(page, 'j again', near(CLIP_SEC * 0.5 - 10));
        await page.keyboard.press('ArrowRight');
        await until(page, '→ goes 5 s forward', near(CLIP_SEC * 0.5 - 5));
        await page.keyboard.press('ArrowLeft');
        await until(page, '← goes 5 s back', near(CLIP_SEC * 0.5 - 10));
        await page.keyboard.press('0');
        await until(page, '0 goes to the start', near(0, 0.2));

        const vol = (await state(page)).volume;
        await page.keyboard.press('ArrowUp');
        await until(page, '↑ raises the volume 5 %', (s) => Math.abs(s.volume - Math.min(1, vol + 0.05)) < 0.011);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await until(page, '↓ lowers it 5 % a press', (s) => Math.abs(s.volume - (Math.min(1, vol + 0.05) - 0.1)) < 0.011);
        assert.equal(await page.evaluate(() => window.scrollY), 0, 'the arrows did not scroll the page');
        await page.keyboard.press('m');
        await until(page, 'm mutes', (s) => s.muted);
        await page.keyboard.press('m');
        await until(page, 'm unmutes', (s) => !s.muted);

        await page.keyboard.press('>');
        await until(page, '> speeds up to 1.25×', (s) => s.rate === 1.25);
        await page.keyboard.press('Shift+>');
        await until(page, 'Shift+> to 1.5×', (s) => s.rate === 1.5);
        await page.keyboard.press('<');
        await page.keyboard.press('<');
        await until(page, '< slows down to 1×', (s) => s.rate === 1);
        assert.equal(await page.getByTestId('player-speed').inputValue(), '1', 'the menu shows the speed');

        await page.keyboard.press('f');
        await until(page, 'f enters full screen', (s) => s.fullscreen === 'player-container');
        await attributeBecomes(page, 'player-fullscreen', 'aria-label', 'Exit full screen (f)');
        await page.keyboard.press('f');
        await until(page, 'f leaves full screen', (s) => s.fullscreen === null);

        // Typing in a field triggers none of them.
        await page.evaluate(() => {
          const input = document.createElement('input');
          input.type = 'text';
          input.setAttribute('data-testid', 'e2e-typing');
          input.setAttribute('aria-label', 'A text field');
          document.querySelector('.watch__info').prepend(input);
        });
        const before = await state(page);
        await page.getByTestId('e2e-typing').click();
        await page.keyboard.type('k jl m f 5 <> 0');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowUp');
        await new Promise((r) => setTimeout(r, 500));
        const afterTyping = await state(page);
        assert.deepEqual(
          { ...afterTyping, t: Math.round(afterTyping.t * 10) },
          { ...before, t: Math.round(before.t * 10) },
          'typing in a field changed nothing in the player',
        );
        assert.equal(await page.getByTestId('e2e-typing').inputValue(), 'k jl m f 5 <> 0', 'the keys went into the field');
        await page.evaluate(() => document.querySelector('[data-testid=e2e-typing]').remove());

        // The peers indicator: small; its details (the figures tests read) open on click.
        const indicator = page.getByTestId('p2p-indicator');
        assert.match((await indicator.textContent()) ?? '', /\d+ peers? · \d+ % from peers|Sharing off|Peers unavailable/);
        assert.equal(await page.getByTestId('p2p-peers').isVisible(), false, 'the details are closed at first');
        assert.match((await page.getByTestId('p2p-share').textContent()) ?? '', /^\d+%$/, 'the figures are in the page while closed');
        await indicator.click();
        await page.getByTestId('p2p-peers').waitFor({ state: 'visible', timeout: 5000 });
        assert.equal(await page.getByTestId('p2p-details').getAttribute('open'), '');
        assert.ok(await page.getByTestId('p2p-toggle').isVisible(), 'the sharing toggle is in the details');

        // Screenshot, playing with the controls up.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByTestId('player-play').click();
        await until(page, 'plays for the screenshot', (s) => !s.paused && s.t > 1, 30_000);
        const box = (await frame.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5);
        await page.waitForFunction(
          () => document.querySelector('[data-testid=player-controls]').getAttribute('data-visible') === 'true',
          undefined,
          { timeout: 2000 },
        );
        await new Promise((r) => setTimeout(r, 300));
        await page.screenshot({ path: join(ARTIFACTS, `player-${width}.png`), fullPage: true });
        assert.deepEqual(pageErrors, []);
      } catch (err) {
        await page.screenshot({ path: join(ARTIFACTS, `player-${width}-failed.png`) }).catch(() => undefined);
        throw err;
      } finally {
        await context.close();
      }
    });
  }
});
