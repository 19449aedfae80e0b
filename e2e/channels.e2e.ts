import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { generateClip } from '@wetube/testing';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;

const DESKTOP = { width: 1366, height: 900 };
const MOBILE = { width: 390, height: 844 };

/**
 * Channels as people use them (issue 13): a creator sets up a channel in the studio (handle, name,
 * description, a link, avatar and banner uploaded and shown back), uploads a video; a viewer opens
 * the channel from the watch page, subscribes, and finds the video in /subscriptions. Screenshots of
 * /@handle and /subscriptions at desktop and mobile widths: artifacts/e2e/channels-*.png.
 */
describe('channels and subscriptions in the browser', { timeout: 600_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let creatorCtx: BrowserContext;
  let viewerCtx: BrowserContext;
  let creator: Page;
  let viewer: Page;
  const pageErrors: string[] = [];
  const handle = `e2e-maker-${Date.now().toString(36)}`;
  let watchHref = '';
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `channels-${name}.png`), fullPage: true });

  async function register(page: Page, name: string): Promise<void> {
    await page.goto(`${platform.webUrl}/register`);
    await page.fill('input[name=displayName]', name);
    await page.fill('input[name=email]', `${name.toLowerCase().replace(/\W/g, '')}.${Date.now()}@example.com`);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText(name).first().waitFor({ timeout: 15_000 });
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    creatorCtx = await browser.newContext({ viewport: DESKTOP });
    viewerCtx = await browser.newContext({ viewport: DESKTOP });
    creator = await creatorCtx.newPage();
    viewer = await viewerCtx.newPage();
    for (const p of [creator, viewer]) p.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('a creator sets up the channel: handle, name, description, link, avatar and banner', async () => {
    await register(creator, 'Mira Maker');
    const avatar = join(platform.dataDir, 'e2e-avatar.jpg');
    const banner = join(platform.dataDir, 'e2e-banner.png');
    await sharp({ create: { width: 400, height: 400, channels: 3, background: '#e0262d' } })
      .composite([{ input: Buffer.from('<svg width="400" height="400"><circle cx="200" cy="200" r="120" fill="#fff"/></svg>') }])
      .jpeg()
      .withExif({ IFD0: { Make: 'E2ECam' } })
      .toFile(avatar);
    await sharp({ create: { width: 2560, height: 1440, channels: 3, background: '#1f6feb' } })
      .composite([
        { input: Buffer.from('<svg width="2560" height="1440"><rect x="480" y="520" width="1600" height="400" fill="#ffd33d"/></svg>') },
      ])
      .png()
      .toFile(banner);

    await creator.goto(`${platform.webUrl}/studio`);
    await creator.click('[data-testid=studio-channel-link]');
    await creator.locator('[data-testid=channel-form]').waitFor({ timeout: 15_000 });
    await creator.fill('[data-testid=channel-handle]', 'x');
    await creator.click('[data-testid=channel-save]');
    await creator.locator('[data-testid=channel-error-handle]').waitFor();
    await creator.fill('[data-testid=channel-handle]', handle);
    await creator.fill('[data-testid=channel-displayName]', 'Mira Makes Films');
    await creator.fill('[data-testid=channel-description]', 'Short films about the sea.\nNew every week.');
    await creator.click('[data-testid=channel-add-link]');
    await creator.fill('[data-testid=channel-link-title-0]', 'Website');
    await creator.fill('[data-testid=channel-link-url-0]', 'https://mira.example');
    await creator.click('[data-testid=channel-save]');
    await creator.locator('[data-testid=channel-saved]').waitFor({ timeout: 15_000 });

    await creator.setInputFiles('[data-testid=avatar-input]', avatar);
    await creator.waitForFunction(
      () => /\/api\/channel-images\//.test(document.querySelector('[data-testid=avatar-preview] img')?.src ?? ''),
      undefined,
      {
        timeout: 30_000,
      },
    );
    await creator.setInputFiles('[data-testid=banner-input]', banner);
    await creator.waitForFunction(
      () => /\/api\/channel-images\//.test(document.querySelector('[data-testid=banner-preview] img')?.src ?? ''),
      undefined,
      {
        timeout: 30_000,
      },
    );
    // A file that is not a picture is refused with the server's words.
    const notImage = join(platform.dataDir, 'not-an-image.png');
    await writeFile(notImage, 'this is text, not a PNG');
    await creator.setInputFiles('[data-testid=avatar-input]', notImage);
    await creator.locator('[data-testid=avatar-error]').waitFor({ timeout: 15_000 });
    assert.match((await creator.locator('[data-testid=avatar-error]').textContent()) ?? '', /not a picture/);
    await shot(creator, 'studio-desktop');
  });

  it('the creator uploads a video', async () => {
    const clip = await generateClip({ path: join(platform.dataDir, 'e2e-channel-clip.mp4'), durationSec: 4, width: 640, height: 360 });
    await creator.goto(`${platform.webUrl}/upload`);
    await creator.fill('input[name=title]', 'Waves at the harbour');
    await creator.setInputFiles('[data-testid=file-input]', clip);
    await creator.click('[data-testid=upload-start]');
    await creator.locator('[data-testid=video-status]').waitFor({ timeout: 60_000 });
    await creator.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid=video-status]')?.textContent?.trim();
        return s === 'READY' || s === 'FAILED';
      },
      undefined,
      { timeout: 180_000, polling: 250 },
    );
    assert.equal((await creator.locator('[data-testid=video-status]').textContent())?.trim(), 'READY');
    watchHref = (await creator.getAttribute('[data-testid=watch-link]', 'href')) ?? '';
    assert.match(watchHref, /\/watch\/[0-9a-f-]{36}$/);
  });

  it('a viewer opens the channel from the watch page and subscribes', async () => {
    await register(viewer, 'Vic Viewer');
    await viewer.goto(new URL(watchHref, platform.webUrl).toString());
    const link = viewer.locator('[data-testid=video-channel-link]');
    await link.waitFor({ timeout: 30_000 });
    assert.equal((await viewer.locator('[data-testid=video-owner]').textContent())?.trim(), 'Mira Makes Films');
    assert.equal((await viewer.locator('[data-testid=video-subscribers]').textContent())?.trim(), '0 subscribers');
    await link.click();
    await viewer.waitForURL(`**/@${handle}`, { timeout: 15_000 });
    await viewer.locator('[data-testid=channel-name]').waitFor({ timeout: 15_000 });
    assert.equal((await viewer.locator('[data-testid=channel-handle]').textContent())?.trim(), `@${handle}`);
    // Banner and avatar are the processed images, loaded.
    await viewer.waitForFunction(
      () => {
        const imgs = [...document.querySelectorAll('[data-testid=channel-page] img')] as any[];
        return imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
      },
      undefined,
      { timeout: 15_000 },
    );
    const bannerWidth = await viewer.evaluate(() => (document.querySelector('[data-testid=channel-banner] img') as any)?.naturalWidth);
    assert.equal(bannerWidth, 2048);
    await viewer.getByText('Waves at the harbour').first().waitFor({ timeout: 15_000 });
    await viewer.click('[data-testid=subscribe-button]');
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid=subscribe-button]')?.textContent?.trim() === 'Subscribed',
      undefined,
      {
        timeout: 15_000,
      },
    );
    assert.equal((await viewer.locator('[data-testid=channel-subscribers]').textContent())?.trim(), '1 subscriber');
    await viewer.click('[data-testid=channel-tab-about]');
    await viewer.locator('[data-testid=channel-about]').getByText('New every week.').waitFor();
    assert.equal(await viewer.locator('a[href="https://mira.example/"]').count(), 1);
    await viewer.click('[data-testid=channel-tab-playlists]');
    await viewer.locator('[data-testid=channel-playlists-empty]').waitFor({ timeout: 15_000 });
    await viewer.click('[data-testid=channel-tab-videos]');
    await viewer.getByText('Waves at the harbour').first().waitFor({ timeout: 15_000 });
    await viewer.selectOption('[data-testid=channel-sort]', 'MOST_VIEWED');
    await viewer.locator('[data-testid=channel-videos]').getByText('Waves at the harbour').waitFor({ timeout: 15_000 });
    await viewer.selectOption('[data-testid=channel-sort]', 'NEWEST');
    await viewer.locator('[data-testid=channel-videos]').getByText('Waves at the harbour').waitFor({ timeout: 15_000 });
    await shot(viewer, 'channel-desktop');
  });

  it('the viewer sees the video in /subscriptions (and the header links there)', async () => {
    await viewer.click('[data-testid=nav-subscriptions]');
    await viewer.waitForURL('**/subscriptions', { timeout: 15_000 });
    await viewer.locator('[data-testid=subscription-feed]').getByText('Waves at the harbour').waitFor({ timeout: 15_000 });
    await viewer.locator('[data-testid=followed-channels]').getByText('Mira Makes Films').waitFor();
    await shot(viewer, 'subscriptions-desktop');
    // The card's channel name leads to the channel.
    await viewer.locator('[data-testid=subscription-feed] [data-testid=card-channel]').first().click();
    await viewer.waitForURL(`**/@${handle}`, { timeout: 15_000 });
    await viewer.locator('[data-testid=channel-name]').waitFor({ timeout: 15_000 });
    await viewer.goto(platform.webUrl);
    await viewer.locator('[data-testid=home-subscriptions]').getByText('Waves at the harbour').waitFor({ timeout: 15_000 });
  });

  it('the channel and subscriptions pages fit a phone', async () => {
    await viewer.setViewportSize(MOBILE);
    for (const [path, name] of [
      [`/@${handle}`, 'channel-mobile'],
      ['/subscriptions', 'subscriptions-mobile'],
    ] as const) {
      await viewer.goto(`${platform.webUrl}${path}`);
      await viewer.getByText('Waves at the harbour').first().waitFor({ timeout: 15_000 });
      const overflow = await viewer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${path}: no sideways scrolling on a phone (${overflow} px)`);
      await shot(viewer, name);
    }
    await viewer.setViewportSize(DESKTOP);
    assert.deepEqual(pageErrors, []);
  });
});
