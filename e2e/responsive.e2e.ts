import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload } from '../apps/api/test/upload.helper';
import { NOT_A_MEDIA_FILE } from '../libs/media/src/probe-messages';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';
import { inViewport, overlapsIn } from './support/layout-checks';

// Functions passed to page.evaluate / waitForFunction run in the page; these names exist there.
declare const document: any;

const PASSWORD = 'correct horse battery';
const ADMIN_EMAIL = 'admin@responsive-e2e.test';
const SIZES = [
  { w: 390, h: 844 },
  { w: 1366, h: 900 },
] as const;
const BASE_LINKS = ['home', 'subscriptions', 'library', 'upload', 'studio', 'wallet'];
/** Pages that send a visitor who is not signed in to /signin?next=<page>. */
const SIGNED_IN_ONLY = new Set(['upload', 'studio', 'wallet', 'advertiser']);

interface Account {
  role: 'anonymous' | 'creator' | 'advertiser' | 'admin';
  email?: string;
  displayName?: string;
  /** The header links this role has (nav-links.ts): Advertise for advertisers and admins. */
  links: string[];
}

/**
 * The web on a phone (390 × 844) and a laptop (1366 × 900): every page's header shows every link
 * the person's role has (in the bar on wide screens, in the Menu panel on phones: visible and inside
 * the viewport); the advertiser's forms have no overlapping parts; the upload form sends description,
 * tags, visibility and category and the studio shows them; a file that is plainly not media is
 * refused in the browser with the server's words and nothing is sent; a failed upload shows no
 * visibility in the studio. Screenshots: artifacts/e2e/responsive-<width>-<page>.png.
 */
describe('responsive pages: header links per role, advertiser forms, upload details', { timeout: 900_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let sampleId = '';
  const accounts: Record<Account['role'], Account> = {
    anonymous: { role: 'anonymous', links: BASE_LINKS },
    creator: { role: 'creator', links: BASE_LINKS },
    advertiser: { role: 'advertiser', links: [...BASE_LINKS, 'advertiser'] },
    admin: { role: 'admin', links: [...BASE_LINKS, 'advertiser'] },
  };
  let advertiserApi: ApiClient;
  const pageErrors: string[] = [];

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function register(role: 'creator' | 'advertiser' | 'admin'): Promise<ApiClient> {
    const c = new ApiClient(platform.apiUrl);
    const email = role === 'admin' ? ADMIN_EMAIL : `${role}.${Date.now()}@responsive-e2e.test`;
    const displayName = { creator: 'Cleo Creator', advertiser: 'Adam Adco', admin: 'Ada Admin' }[role];
    const r = await c.rest('POST', '/api/auth/register', {
      email,
      password: PASSWORD,
      displayName,
      accountType: role === 'advertiser' ? 'advertiser' : undefined,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    c.token = r.body.token;
    Object.assign(accounts[role], { email, displayName });
    return c;
  }

  async function signedIn(account: Account, size: { w: number; h: number }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: size.w, height: size.h } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${account.role} ${page.url()}: ${e.message}`));
    if (account.email) {
      await page.goto(`${platform.webUrl}/signin`);
      await page.fill('input[name=email]', account.email);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 20_000 });
    }
    return { context, page };
  }

  /** The header of the page shows every link of the account's role, visible and inside the viewport. */
  async function checkHeader(page: Page, account: Account, where: string): Promise<void> {
    const vp = page.viewportSize()!;
    const signedIn = !!account.email;
    // The session is known (the account part of the header is drawn).
    await page.waitForFunction(
      (s: boolean) =>
        !!document.querySelector(
          s ? '[data-testid=sign-out], [data-testid=menu-sign-out]' : '[data-testid=sign-in-link], [data-testid=menu-sign-in]',
        ),
      signedIn,
      { timeout: 20_000 },
    );
    const label = `${account.role} at ${vp.width}px on ${where}`;
    // Nothing in the header reaches past the right edge.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('.site-header *')]
        .filter(
          (el: any) =>
            el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
        )
        .map((el: any) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(wide, [], `${label}: header parts past the right edge`);
    if (vp.width >= 1000) {
      assert.equal(await page.getByTestId('menu-button').isVisible(), false, `${label}: no Menu button on a wide screen`);
      for (const key of account.links) {
        const r = await inViewport(page, `[data-testid=nav-${key}]`);
        assert.ok(r.ok, `${label}: link ${key} ${JSON.stringify(r.box)}`);
      }
      assert.equal(
        await page.locator('[data-testid=nav-advertiser]').count(),
        account.links.includes('advertiser') ? 1 : 0,
        `${label}: Advertise only for advertisers and admins`,
      );
      const account_ = signedIn ? ['account-name', 'sign-out', 'nav-wallet-balance'] : ['sign-in-link', 'register-link'];
      for (const id of account_) {
        if (id === 'nav-wallet-balance') await page.getByTestId(id).waitFor({ timeout: 10_000 });
        const r = await inViewport(page, `[data-testid=${id}]`);
        assert.ok(r.ok, `${label}: ${id} ${JSON.stringify(r.box)}`);
      }
      return;
    }
    // Phone: the bar holds the logo and the Menu button; the links are in its panel.
    for (const key of account.links)
      assert.equal(await page.getByTestId(`nav-${key}`).isVisible(), false, `${label}: bar link ${key} hidden on a phone`);
    const button = page.getByTestId('menu-button');
    assert.ok((await inViewport(page, '[data-testid=menu-button]')).ok, `${label}: Menu button visible`);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    const panelId = await button.getAttribute('aria-controls');
    assert.ok(panelId, 'aria-controls names the panel');
    assert.equal(await page.locator(`[id="${panelId}"]`).isVisible(), false, `${label}: panel closed at first`);
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator(`[id="${panelId}"]`).isVisible(), `${label}: panel open`);
    for (const key of account.links) {
      const r = await inViewport(page, `[data-testid=menu-${key}]`);
      assert.ok(r.ok, `${label}: menu link ${key} ${JSON.stringify(r.box)}`);
    }
    assert.equal(
      await page.locator('[data-testid=menu-advertiser]').count(),
      account.links.includes('advertiser') ? 1 : 0,
      `${label}: Advertise only for advertisers and admins`,
    );
    const account_ = signedIn ? ['menu-account-name', 'menu-sign-out', 'menu-wallet-balance'] : ['menu-sign-in', 'menu-register'];
    for (const id of account_) {
      if (id === 'menu-wallet-balance') await page.getByTestId(id).waitFor({ timeout: 10_000 });
      const r = await inViewport(page, `[data-testid=${id}]`);
      assert.ok(r.ok, `${label}: ${id} ${JSON.stringify(r.box)}`);
    }
    // Keyboard: Tab from the button reaches the first link; Escape closes and gives focus back.
    await button.focus();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      `menu-${account.links[0]}`,
      `${label}: Tab goes into the panel`,
    );
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', `${label}: Escape closes`);
    assert.equal(await page.locator(`[id="${panelId}"]`).isVisible(), false);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'menu-button',
      `${label}: focus back on the button`,
    );
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser({ ADMIN_EMAILS: ADMIN_EMAIL }));
    await register('creator');
    advertiserApi = await register('advertiser');
    await register('admin');
    // The sample video (seeded at start) for the watch page.
    const anon = new ApiClient(platform.apiUrl);
    const deadline = Date.now() + 120_000;
    while (!sampleId && Date.now() < deadline) {
      sampleId = (await anon.gql('{ videos(first: 1) { edges { node { id } } } }')).data?.videos.edges[0]?.node.id ?? '';
      if (!sampleId) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(sampleId, 'the sample video is listed');
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  for (const role of ['anonymous', 'creator', 'advertiser', 'admin'] as const) {
    it(`${role}: every page's header shows every link of the role at 390 and 1366 px`, async () => {
      const account = accounts[role];
      for (const size of SIZES) {
        const { context, page } = await signedIn(account, size);
        try {
          const pages: [string, string][] = [
            ['home', '/'],
            ['upload', '/upload'],
            ['studio', '/studio'],
            ['wallet', '/wallet'],
            ['advertiser', '/advertiser'],
            ['watch', `/watch/${sampleId}`],
          ];
          for (const [name, path] of pages) {
            await page.goto(`${platform.webUrl}${path}`);
            if (!account.email && SIGNED_IN_ONLY.has(name)) {
              // Nobody signed in: the page sends the visitor to sign in first. Check the header
              // once there, as the redirect re-renders it (and closes an open menu).
              await page.waitForURL((u) => u.pathname === '/signin' && u.searchParams.get('next') === path, { timeout: 20_000 });
            }
            await checkHeader(page, account, name);
            if (role === 'creator' || (role === 'advertiser' && name === 'advertiser') || (role === 'anonymous' && name === 'home')) {
              await shot(page, `responsive-${size.w}-${name}${role === 'anonymous' ? '-anonymous' : ''}`);
            }
          }
          if (size.w < 1000 && role !== 'anonymous') {
            // A link in the menu navigates and the menu closes.
            await page.getByTestId('menu-button').click();
            await shot(page, `responsive-${size.w}-menu-${role}`);
            await page.getByTestId('menu-studio').click();
            await page.waitForURL(/\/studio$/, { timeout: 15_000 });
            await page.waitForFunction(
              () => document.querySelector('[data-testid=menu-button]')?.getAttribute('aria-expanded') === 'false',
              undefined,
              { timeout: 5_000 },
            );
            assert.equal(await page.getByTestId('menu-panel').isVisible(), false, 'navigation closed the menu');
          }
        } finally {
          await context.close();
        }
      }
    });
  }

  it('advertiser: "Create a campaign first" before any campaign; no overlaps in the campaign, line-item and creative forms at both sizes', async () => {
    const { context, page } = await signedIn(accounts.advertiser, SIZES[0]);
    try {
      await page.goto(`${platform.webUrl}/advertiser`);
      const needs = page.getByTestId('line-item-needs-campaign');
      await needs.waitFor({ timeout: 20_000 });
      assert.match((await needs.textContent()) ?? '', /Create a campaign first/);
      assert.equal(await page.getByTestId('new-line-item-form').count(), 0, 'no line-item form with an empty Campaign select');
      await page.getByTestId('line-item-go-to-campaign').click();
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('name')),
        'name',
        'the button leads to the campaign name',
      );
      await shot(page, 'responsive-390-advertiser-first-use');

      await page.fill('#new-campaign-form input[name=name]', 'Spring');
      await page.getByTestId('new-campaign-submit').click();
      await page.getByTestId('new-line-item-form').waitFor({ timeout: 15_000 });
      assert.equal(await page.getByTestId('line-item-needs-campaign').count(), 0);
      assert.equal(await page.locator('[data-testid=new-line-item-form] select[name=campaignId] option:checked').textContent(), 'Spring');

      // A line item (funded from the faucet) and an uploaded ad video, so the creative form shows too.
      assert.deepEqual((await advertiserApi.gql('mutation { faucet { userErrors { code } } }')).data.faucet.userErrors, []);
      const campaignId = (await advertiserApi.gql('{ campaigns(first: 1) { edges { node { id } } } }')).data.campaigns.edges[0].node.id;
      const li = await advertiserApi.gql(
        `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { id } userErrors { message } } }`,
        {
          input: {
            campaignId,
            name: 'Spring pre-roll',
            flightStart: new Date(Date.now() + 60_000).toISOString(),
            flightEnd: new Date(Date.now() + 7 * 86400_000).toISOString(),
            budget: '5000000',
            cpmBid: '1000000',
            pacing: 'EVEN',
          },
        },
      );
      assert.deepEqual(li.data.createLineItem.userErrors, []);
      const clip = await generateClip({ path: join(platform.dataDir, 'responsive-ad.mp4'), durationSec: 2, width: 320, height: 180 });
      assert.ok((await tusUpload(advertiserApi, clip, { title: 'Spring ad' })).videoId);

      for (const size of SIZES) {
        await page.setViewportSize({ width: size.w, height: size.h });
        await page.goto(`${platform.webUrl}/advertiser`);
        await page.getByTestId('new-line-item-form').waitFor({ timeout: 20_000 });
        const add = page.getByTestId('add-creative').first();
        await add.waitFor({ timeout: 20_000 });
        await add.locator('summary').click();
        await page.getByTestId('new-creative-form').waitFor({ timeout: 15_000 });
        for (const form of ['new-campaign-form', 'new-line-item-form', 'new-creative-form']) {
          const r = await overlapsIn(page, `[data-testid=${form}]`);
          assert.ok(r.checkedPairs > 3, `${form}: the check compared boxes (${r.checkedPairs} pairs)`);
          assert.deepEqual(r.overlaps, [], `${form} at ${size.w}px: overlapping parts`);
          assert.deepEqual(r.offscreen, [], `${form} at ${size.w}px: parts past the right edge`);
        }
        await page.getByTestId('new-line-item-form').scrollIntoViewIfNeeded();
        await shot(page, `responsive-${size.w}-advertiser-forms`);
      }
    } finally {
      await context.close();
    }
  });

  it("upload on a phone: a non-media file is refused in the browser with the server's words and nothing is sent", async () => {
    const { context, page } = await signedIn(accounts.creator, SIZES[0]);
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/uploads')) uploads.push(`${r.method()} ${r.url()}`);
    });
    try {
      const text = join(platform.dataDir, 'holiday.mp4');
      await writeFile(text, 'This is not a video, just some text someone renamed to .mp4\n'.repeat(20));
      await page.goto(`${platform.webUrl}/upload`);
      await page.fill('input[name=title]', 'Not a video');
      await page.setInputFiles('[data-testid=file-input]', text);
      const error = page.getByTestId('file-error');
      await error.waitFor({ timeout: 10_000 });
      assert.equal((await error.textContent())?.trim(), NOT_A_MEDIA_FILE);
      assert.equal(await page.getByTestId('upload-start').isDisabled(), true);
      // Submitting anyway (Enter in the title) sends nothing either.
      await page.press('input[name=title]', 'Enter');
      await page.waitForTimeout(1000);
      assert.equal((await error.textContent())?.trim(), NOT_A_MEDIA_FILE);
      await shot(page, 'responsive-390-upload-refused');
      assert.deepEqual(uploads, [], 'no upload request was made');
    } finally {
      await context.close();
    }
  });

  it("upload on a phone sends description, tags, visibility and category; the server's word on a bad tag shows by the field; the studio shows them", async () => {
    const { context, page } = await signedIn(accounts.creator, SIZES[0]);
    const creations: Record<string, string>[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'POST' || !r.url().includes('/api/uploads')) return;
      const meta = r.headers()['upload-metadata'] ?? '';
      creations.push(
        Object.fromEntries(
          meta
            .split(',')
            .map((kv) => kv.trim().split(' '))
            .map(([k, v]) => [k, Buffer.from(v ?? '', 'base64').toString()]),
        ),
      );
    });
    try {
      const clip = await generateClip({ path: join(platform.dataDir, 'responsive-clip.mp4'), durationSec: 3, width: 320, height: 180 });
      await page.goto(`${platform.webUrl}/upload`);
      await page.fill('input[name=title]', 'Waves at dusk');
      await page.fill('textarea[name=description]', 'Filmed on the pier.');
      await page.fill('input[name=tags]', `sea, ${'w'.repeat(41)}`);
      await page.check('input[name=visibility][value=UNLISTED]');
      await page.locator('select[name=category] option[value="Travel & Events"]').waitFor({ state: 'attached', timeout: 10_000 });
      await page.selectOption('select[name=category]', 'Travel & Events');
      await page.setInputFiles('[data-testid=file-input]', clip);
      await page.getByTestId('selected-file').waitFor();
      await page.click('[data-testid=upload-start]');
      const tagError = page.getByTestId('upload-tags-error');
      await tagError.waitFor({ timeout: 15_000 });
      assert.match((await tagError.textContent()) ?? '', /longer than 40 characters/);
      assert.equal(await page.locator('input[name=tags]').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('.upload__status').count(), 0, 'no progress panel for an upload refused before any byte');
      assert.equal(await page.getByTestId('upload-resume').count(), 0, 'nothing to resume');
      await shot(page, 'responsive-390-upload-server-error');

      await page.fill('input[name=tags]', 'sea, waves');
      assert.equal(await tagError.count(), 0, 'editing the field clears its error');
      await page.click('[data-testid=upload-start]');
      await page.getByTestId('video-status').waitFor({ timeout: 60_000 });
      const sent = creations.at(-1)!;
      assert.deepEqual(
        { title: sent.title, description: sent.description, tags: sent.tags, visibility: sent.visibility, category: sent.category },
        {
          title: 'Waves at dusk',
          description: 'Filmed on the pier.',
          tags: 'sea, waves',
          visibility: 'UNLISTED',
          category: 'Travel & Events',
        },
      );

      await page.goto(`${platform.webUrl}/studio`);
      const row = page.locator('[data-testid=studio-video]', { hasText: 'Waves at dusk' });
      await row.waitFor({ timeout: 15_000 });
      assert.equal((await row.getByTestId('studio-visibility').textContent())?.trim(), 'Unlisted');
      assert.equal((await row.getByTestId('studio-category').textContent())?.trim(), 'Travel & Events');
      assert.equal((await row.getByTestId('studio-description').textContent())?.trim(), 'Filmed on the pier.');
      assert.deepEqual(
        (await row.locator('[data-testid=studio-tags] li').allTextContents()).map((t) => t.trim()),
        ['#sea', '#waves'],
      );
      await shot(page, 'responsive-390-studio-details');
    } finally {
      await context.close();
    }
  });

  it('a file with a valid header but garbage after it uploads, fails processing, and the studio shows its reason and Delete, no visibility', async () => {
    const { context, page } = await signedIn(accounts.creator, SIZES[1]);
    try {
      // A Matroska (EBML) signature, then noise: the browser lets it through, ffprobe cannot read it.
      const broken = join(platform.dataDir, 'broken.mkv');
      await writeFile(broken, Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(64 * 1024)]));
      await page.goto(`${platform.webUrl}/upload`);
      await page.fill('input[name=title]', 'Broken upload');
      await page.setInputFiles('[data-testid=file-input]', broken);
      await page.getByTestId('selected-file').waitFor();
      assert.equal(await page.getByTestId('file-error').count(), 0, 'a file with a container signature is not refused in the browser');
      await page.click('[data-testid=upload-start]');
      await page.waitForFunction(() => document.querySelector('[data-testid=video-status]')?.textContent?.trim() === 'FAILED', undefined, {
        timeout: 120_000,
        polling: 250,
      });

      await page.goto(`${platform.webUrl}/studio`);
      const row = page.locator('[data-testid=studio-video]', { hasText: 'Broken upload' });
      await row.waitFor({ timeout: 15_000 });
      assert.equal(await row.getAttribute('data-status'), 'FAILED');
      assert.equal(await row.getByTestId('studio-visibility').count(), 0, 'a failed item has no visibility badge');
      assert.doesNotMatch((await row.textContent()) ?? '', /PUBLIC|Public|Unlisted|Private/);
      const reason = ((await row.getByTestId('studio-failure').textContent()) ?? '').replace(/^Processing failed:\s*/, '');
      assert.ok(reason.length > 5 && !/no reason given/.test(reason), `a reason: ${reason}`);
      assert.ok(await row.getByTestId('delete-video').isVisible(), 'Delete is offered');
      // Refused for what it is: the upload is gone, so Retry would only be refused again (retry-video.spec covers Retry itself).
      assert.equal(await row.getByTestId('retry-video').count(), 0, 'no Retry for a file that was refused');
      assert.equal(await row.getByTestId('edit-form').count(), 0, 'no details to edit on a failed item');
      assert.equal(await row.locator('a[href^="/watch/"]').count(), 0, 'nothing to watch');
      // The good upload beside it keeps its badge.
      assert.equal(
        await page.locator('[data-testid=studio-video]', { hasText: 'Waves at dusk' }).getByTestId('studio-visibility').count(),
        1,
      );
      await shot(page, 'responsive-1366-studio-failed');
      await page.setViewportSize({ width: SIZES[0].w, height: SIZES[0].h });
      await shot(page, 'responsive-390-studio-failed');
    } finally {
      await context.close();
    }
  });

  it('no page threw', () => {
    assert.deepEqual(pageErrors, []);
  });
});
