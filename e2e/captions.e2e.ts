import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

const SRT = [
  '1',
  '00:00:00,300 --> 00:00:04,000',
  'Hello from the captions',
  '',
  '2',
  '00:00:04,500 --> 00:00:09,000',
  '<script>window.__xss = 1</script> <b>bold</b> & done',
  '',
].join('\r\n');

/** What the page shows and what the video's text track holds right now. */
const captionState = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector('video[data-testid=player]');
    const active: string[] = [];
    for (const t of Array.from(v.textTracks) as any[]) {
      if (t.mode !== 'disabled' && t.activeCues) for (const c of Array.from(t.activeCues) as any[]) active.push(c.text);
    }
    return {
      t: v.currentTime,
      shown: document.querySelector('[data-testid=captions-cue]')?.textContent ?? null,
      active,
      xss: window.__xss ?? null,
      select: document.querySelector('[data-testid=captions-select]')?.value ?? null,
    };
  });

/** Plays the video (muted) until the overlay shows `text`; fails with the last state. */
async function playUntilCaption(page: Page, text: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let s = await captionState(page);
  while (!(s.shown ?? '').includes(text)) {
    if (Date.now() > deadline) throw new Error(`caption "${text}" not shown in ${timeoutMs} ms; state: ${JSON.stringify(s)}`);
    await page.evaluate(() => {
      const v = document.querySelector('video[data-testid=player]');
      if (v.paused && v.readyState >= 2) {
        v.muted = true;
        void v.play().catch(() => undefined);
      }
    });
    await new Promise((r) => setTimeout(r, 100));
    s = await captionState(page);
  }
  return s;
}

/**
 * Captions in the browser: the creator uploads an SRT file in the studio's Captions panel (a bad
 * file first: its error shows under the field), then a viewer picks the track in the player's CC
 * menu and the cue text is drawn over the picture, as text (a <script> in a cue stays words). The
 * choice is remembered on reload. Desktop and phone widths; screenshots artifacts/e2e/captions-*.png.
 */
describe('captions: studio upload, CC menu, cues over the picture', { timeout: 900_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let videoId = '';
  let token = '';
  let srtPath = '';
  let badPath = '';

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    const creator = new ApiClient(platform.apiUrl);
    const reg = await creator.rest('POST', '/api/auth/register', {
      email: `captions.${Date.now()}@captions-e2e.test`,
      password: 'a long enough password',
      displayName: 'Captions E2E',
    });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    creator.token = token = reg.body.token;
    const clip = await generateClip({ path: join(platform.dataDir, 'captions-clip.mp4'), durationSec: 12, width: 640, height: 360 });
    videoId = (await tusUpload(creator, clip, { title: 'Captions test clip' })).videoId!;
    assert.equal((await waitForStatus(creator, videoId, ['READY', 'FAILED'], 300_000)).status, 'READY');
    srtPath = join(platform.dataDir, 'english.srt');
    await writeFile(srtPath, SRT);
    badPath = join(platform.dataDir, 'broken.srt');
    await writeFile(badPath, '1\n00:00:01 --> 00:00:02,000\nno milliseconds\n');
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function signedIn(width: number, height: number): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addCookies([{ name: 'wetube_session', value: token, domain: 'localhost', path: '/' }]);
    return context;
  }

  it('the creator uploads an SRT in the studio (a broken one is refused with the line named)', async () => {
    const context = await signedIn(1366, 900);
    const page = await context.newPage();
    try {
      await page.goto(`${platform.webUrl}/studio`);
      const row = page.locator(`[data-testid=studio-video][data-video-id="${videoId}"]`);
      await row.waitFor({ timeout: 30_000 });
      const panel = row.getByTestId('captions-panel');
      await panel.locator('summary').click();
      await panel.getByText('No captions yet').waitFor({ timeout: 15_000 });

      await panel.getByTestId('caption-file').setInputFiles(badPath);
      await panel.getByTestId('caption-language').fill('en');
      await panel.getByTestId('caption-upload').click();
      const fileError = panel.getByTestId('caption-error-file');
      await fileError.waitFor({ timeout: 15_000 });
      assert.match((await fileError.textContent()) ?? '', /Line 2: "00:00:01" is not a timestamp/);

      await panel.getByTestId('caption-file').setInputFiles(srtPath);
      await panel.getByTestId('caption-label').fill('English');
      await panel.getByTestId('caption-upload').click();
      const track = panel.locator('[data-testid=caption-track][data-language=en]');
      await track.waitFor({ timeout: 30_000 });
      assert.match((await track.textContent()) ?? '', /English.*2 cues.*SRT/);
      assert.equal(await panel.getByTestId('caption-error-file').count(), 0, 'the old error is gone');
      await page.screenshot({ path: join(ARTIFACTS, 'captions-studio-1366.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('the Captions panel fits a phone’s width', async () => {
    const context = await signedIn(390, 844);
    const page = await context.newPage();
    try {
      await page.goto(`${platform.webUrl}/studio`);
      const row = page.locator(`[data-testid=studio-video][data-video-id="${videoId}"]`);
      await row.waitFor({ timeout: 30_000 });
      const panel = row.getByTestId('captions-panel');
      await panel.locator('summary').click();
      await panel.locator('[data-testid=caption-track][data-language=en]').waitFor({ timeout: 15_000 });
      for (const id of ['caption-delete', 'caption-file', 'caption-language', 'caption-label', 'caption-upload']) {
        const b = (await panel.getByTestId(id).boundingBox())!;
        assert.ok(b && b.x >= 0 && b.x + b.width <= 390 + 0.5, `${id} within 390 px: ${JSON.stringify(b)}`);
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 390), true, 'no sideways scrolling');
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'captions-studio-390.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    it(`at ${width}×${height}: a viewer picks English in the CC menu and the cues show over the picture, as text`, async () => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        await page.goto(`${platform.webUrl}/watch/${videoId}`);
        const menu = page.getByTestId('captions-select');
        await menu.waitFor({ timeout: 60_000 });
        const options = await menu.locator('option').allTextContents();
        assert.deepEqual(options, ['CC off', 'English']);
        assert.equal(await menu.inputValue(), '-1', 'off until chosen');

        await menu.selectOption({ label: 'English' });
        const first = await playUntilCaption(page, 'Hello from the captions');
        assert.ok(first.active.includes('Hello from the captions'), `the text track's active cue: ${JSON.stringify(first)}`);
        // The overlay sits over the picture.
        const frame = (await page.getByTestId('player-container').boundingBox())!;
        const cue = (await page.getByTestId('captions-cue').boundingBox())!;
        assert.ok(
          cue.y >= frame.y && cue.y + cue.height <= frame.y + frame.height,
          `cue inside the player: ${JSON.stringify({ cue, frame })}`,
        );
        assert.ok(cue.x >= frame.x && cue.x + cue.width <= frame.x + frame.width + 0.5, 'cue within the player’s width');
        await page.screenshot({ path: join(ARTIFACTS, `captions-watch-${width}.png`) });

        const second = await playUntilCaption(page, 'done', 30_000);
        assert.equal(second.shown, '<script>window.__xss = 1</script> bold & done', 'markup in a cue is shown as words');
        assert.equal(second.xss, null, 'nothing in a cue ran');

        // Off hides the cues; the choice is remembered in this browser.
        await menu.selectOption('-1');
        await page.waitForFunction(() => !document.querySelector('[data-testid=captions-cue]'), undefined, { timeout: 5000 });
        await menu.selectOption({ label: 'English' });
        await page.reload();
        await page.getByTestId('captions-select').waitFor({ timeout: 60_000 });
        await page.waitForFunction(() => document.querySelector('[data-testid=captions-select]').value !== '-1', undefined, {
          timeout: 15_000,
        });
        await playUntilCaption(page, 'Hello from the captions');
        // The c shortcut turns them off and on again.
        await page.keyboard.press('c');
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid=captions-select]').value === '-1' && !document.querySelector('[data-testid=captions-cue]'),
          undefined,
          { timeout: 5000 },
        );
        await page.keyboard.press('c');
        await page.waitForFunction(() => document.querySelector('[data-testid=captions-select]').value !== '-1', undefined, {
          timeout: 5000,
        });
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }
});
