import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';
import { playUntil } from './support/play-until';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const window: any;
declare const PageTransitionEvent: any;

const SAMPLE_TITLE = 'Welcome to WeTube';
const SAMPLE_EMAIL = 'demo@wetube.local';
const SAMPLE_PASSWORD = 'the demo creator of this e2e';
/** 6 CLC a minute: 0.1 CLC (100,000 minor units) a second played. */
const RATE = 6_000_000n;
const PLAY_SEC = 6;

/**
 * Pay as you listen in Chromium: a listener gets test coins, turns "Support" on for the sample
 * video's creator on the watch page, plays, leaves; the creator's revenue grows by exactly what the
 * page reported as attended playback at the rate, and the panel shows it as paid today. Screenshot:
 * artifacts/e2e/support-panel.png.
 */
describe('support a creator per minute played, in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let videoId = '';
  let listenerEmail = '';
  let paid = 0n;
  const pageErrors: string[] = [];

  async function creatorRevenue(): Promise<bigint> {
    const login = await fetch(`${platform.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: SAMPLE_EMAIL, password: SAMPLE_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${platform.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ wallet { creatorRevenue } supportReceived { total } }' }),
    });
    const data = ((await res.json()) as any).data;
    assert.equal(data.wallet.creatorRevenue, data.supportReceived.total, 'all of the sample creator’s revenue here is support');
    return BigInt(data.wallet.creatorRevenue);
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser({ SAMPLE_PASSWORD, DEV_FAUCET: 'true' }));
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('a listener signs up and gets test coins', async () => {
    await page.goto(`${platform.webUrl}/register`);
    await page.fill('input[name=displayName]', 'E2E Listener');
    listenerEmail = `listener.${Date.now()}@example.com`;
    await page.fill('input[name=email]', listenerEmail);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText('E2E Listener').first().waitFor({ timeout: 15_000 });
    await page.goto(`${platform.webUrl}/wallet`);
    await page.getByTestId('faucet').click();
    await page.waitForSelector('[data-testid=wallet-balance][data-minor="100000000"]', { timeout: 15_000 });
    await page.goto(platform.webUrl);
    const card = page.getByTestId('video-card').filter({ hasText: SAMPLE_TITLE }).first();
    await card.waitFor({ timeout: 60_000 });
    const href = (await card.locator('a').first().getAttribute('href')) ?? '';
    videoId = decodeURIComponent(href.split('/').pop() ?? '');
    assert.match(videoId, /^[0-9a-f-]{36}$/);
    assert.equal(await creatorRevenue(), 0n);
  });

  it('turns support on, plays, and the creator is paid what was played', async () => {
    await page.goto(`${platform.webUrl}/watch/${videoId}`);
    await page.getByTestId('support-button').click();
    await page.getByTestId('support-amount').fill('6');
    await page.getByTestId('support-ceiling').fill('50');
    await page.getByTestId('support-save').click();
    await page.getByText('♥ Supporting').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'support-panel.png') });

    // A playback session started after support was turned on holds it: a fresh page.
    await page.reload();
    await page.locator('video[data-testid=player]').waitFor({ timeout: 30_000 });
    await playUntil(
      page,
      'support-play',
      `(() => { let s = 0; for (let i = 0; i < el.played.length; i++) s += el.played.end(i) - el.played.start(i); return s >= ${PLAY_SEC}; })()`,
      { stallShot: 'support-stalled', pageErrors: () => pageErrors, timeout: 90_000 },
    );
    const goodbye = new Promise<string>((resolve) => {
      const onFinished = (req: any) => {
        const body = req.postData() ?? '';
        if (/playbackHeartbeat/.test(body) && /"ended":true/.test(body)) {
          context.off('requestfinished', onFinished);
          resolve(body);
        }
      };
      context.on('requestfinished', onFinished);
    });
    await page.evaluate(() => {
      window.document.querySelector('video')?.pause();
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    });
    const body = await goodbye;
    const attended = Number(/"attendedSeconds":([0-9.]+)/.exec(body)?.[1] ?? Number.NaN);
    const watched = Number(/"watchedSeconds":([0-9.]+)/.exec(body)?.[1] ?? Number.NaN);
    assert.ok(attended >= PLAY_SEC - 1 && attended <= watched + 0.5, `attended ${attended} s of ${watched} s played`);
    const expected = (BigInt(Math.min(Math.round(attended * 1000), Math.round(watched * 1000))) * RATE) / 60_000n;
    paid = await creatorRevenue();
    assert.equal(paid, expected, `paid for ${attended} s at 6 CLC a minute`);

    await page.reload();
    await page.getByTestId('support-button').click();
    const shown = await page.getByTestId('support-paid-today').textContent();
    assert.match(shown ?? '', new RegExp(`Paid today: ${Number(paid) / 1e6}`.replace('.', '\\.')));
    assert.deepEqual(pageErrors, []);
  });

  it("the creator's wallet shows what supporters paid, and the creator splits it 70/30 with a co-host", async () => {
    const creator = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const p = await creator.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      await p.goto(`${platform.webUrl}/signin`);
      await p.fill('input[name=email]', SAMPLE_EMAIL);
      await p.fill('input[name=password]', SAMPLE_PASSWORD);
      await p.click('button[type=submit]');
      await p.getByText('WeTube Demo').first().waitFor({ timeout: 15_000 });
      await p.goto(`${platform.webUrl}/wallet`);
      const received = p.getByTestId('support-received');
      await received.waitFor({ timeout: 15_000 });
      assert.match((await received.textContent()) ?? '', new RegExp(`paid you ${Number(paid) / 1e6} CLC`.replace('.', '\\.')));
      assert.match((await p.getByTestId('support-section').textContent()) ?? '', /E2E Listener/);
      await p.getByTestId('split-percent-0').fill('70');
      await p.getByRole('button', { name: 'Add recipient' }).click();
      await p.getByTestId('split-recipient-1').fill(listenerEmail);
      await p.getByTestId('split-percent-1').fill('30');
      await p.getByTestId('split-save').click();
      await p.getByText('Split saved.').waitFor({ timeout: 15_000 });
      assert.match(await p.getByTestId('split-recipient-1').inputValue(), /^@/, 'the co-host, found by email, is shown by channel handle');
      await p.getByTestId('support-section').screenshot({ path: join(ARTIFACTS, 'support-wallet.png') });
      // A bad split is refused with the server's message.
      await p.getByTestId('split-percent-1').fill('20');
      await p.getByTestId('split-save').click();
      await p.getByTestId('split-error').getByText('must sum to 100').waitFor({ timeout: 15_000 });
      assert.deepEqual(pageErrors, []);
    } finally {
      await creator.close();
    }
  });
});
