import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../../apps/api/test/api.client';
import { ARTIFACTS } from '../platform.harness';

// Functions passed to page.evaluate / waitForFunction run in the page; these names exist there.
declare const document: any;

export interface AdvertiserDashboardCheck {
  browser: Browser;
  webUrl: string;
  /** The advertiser's API client (its token tells us the account's email). */
  advertiser: ApiClient;
  password: string;
  campaignName: string;
  lineItemId: string;
  /** What the line item delivered so far: impressions and spend (minor units). */
  impressions: number;
  spend: bigint;
}

/**
 * The advertiser signs in on the web, follows the header's "Advertise" link to /advertiser and sees
 * its campaign, the line item with its impressions and spend, and the 30-day totals
 * (artifacts/e2e/advertiser-dashboard.png). Then the create forms: a line item whose budget the
 * wallet cannot cover shows the server's INSUFFICIENT_FUNDS next to the budget field, and an API
 * key is shown once and revoked (artifacts/e2e/advertiser-forms.png, advertiser-api-key.png).
 */
export async function checkAdvertiserDashboard(o: AdvertiserDashboardCheck): Promise<void> {
  const me = (await o.advertiser.gql(`{ me { email displayName } }`)).data.me as { email: string; displayName: string };
  const context = await o.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${o.webUrl}/signin`);
    await page.fill('input[name=email]', me.email);
    await page.fill('input[name=password]', o.password);
    await page.click('button[type=submit]');
    await page.getByText(me.displayName).first().waitFor({ timeout: 15_000 });
    await page.getByTestId('nav-advertiser').click();
    await page.waitForURL(/\/advertiser$/, { timeout: 15_000 });

    const campaign = page.locator(`[data-testid=campaign][data-name="${o.campaignName}"]`);
    await campaign.waitFor({ timeout: 15_000 });
    const row = campaign.locator(`[data-testid=line-item][data-id="${o.lineItemId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await waitForAttr(
      page,
      `[data-testid=line-item][data-id="${o.lineItemId}"] [data-testid=line-item-delivery]`,
      'data-impressions',
      String(o.impressions),
    );
    await waitForAttr(
      page,
      `[data-testid=line-item][data-id="${o.lineItemId}"] [data-testid=line-item-spent]`,
      'data-minor',
      o.spend.toString(),
    );
    assert.match((await row.getByTestId('line-item-impressions').textContent()) ?? '', new RegExp(`^${o.impressions} impressions?$`));
    assert.equal(await row.getAttribute('data-status'), 'ACTIVE');
    assert.equal(await row.getByTestId('creative').count(), 1, 'the creative is listed');
    assert.equal(await row.getByTestId('creative-approval').getAttribute('data-status'), 'APPROVED');

    // The overview's 30-day totals count the same impression and spend; the chart has today's point.
    await waitForAttr(page, '[data-testid=ad-total-spend]', 'data-minor', o.spend.toString());
    assert.equal((await page.getByTestId('ad-total-impressions').textContent())?.trim(), String(o.impressions));
    assert.ok((await page.locator('[data-testid=ad-chart] circle[data-count]').count()) >= 1, 'the chart plots the day with impressions');
    await page.screenshot({ path: join(ARTIFACTS, 'advertiser-dashboard.png'), fullPage: true });

    // A budget above the wallet: the server's userError sits next to the budget field.
    const form = page.getByTestId('new-line-item-form');
    await form.locator('input[name=name]').fill('Too big');
    await form.locator('input[name=budget]').fill('1000000');
    await form.locator('input[name=cpmBid]').fill('1');
    await form.getByTestId('new-line-item-submit').click();
    const budgetError = form.getByTestId('line-item-budget-error');
    await budgetError.waitFor({ timeout: 10_000 });
    assert.match((await budgetError.textContent()) ?? '', /1,000,000 CLC/, 'the message names the budget in CLC');

    // An API key: the secret is shown once, then the key is revoked.
    const keys = page.getByTestId('api-keys');
    await keys.locator('input[name=name]').fill('e2e reporting');
    await keys.getByTestId('new-api-key-submit').click();
    const secret = (await keys.getByTestId('api-key-secret-value').textContent())?.trim() ?? '';
    assert.match(secret, /^wtak_/);
    // A tall viewport: element shots need no scrolling, so the sticky header stays out of them.
    await page.setViewportSize({ width: 1280, height: 3000 });
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.getByTestId('advertiser-forms').screenshot({ path: join(ARTIFACTS, 'advertiser-forms.png') });
    await keys.screenshot({ path: join(ARTIFACTS, 'advertiser-api-key.png') });
    await keys.getByTestId('api-key-revoke').first().click();
    await keys.getByTestId('api-key-revoke-confirm').click();
    await keys.locator('[data-testid=api-key-row][data-revoked=true]').first().waitFor({ timeout: 10_000 });
    assert.deepEqual(errors, []);
  } catch (err) {
    await page.screenshot({ path: join(ARTIFACTS, 'advertiser-dashboard-failed.png'), fullPage: true }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

async function waitForAttr(page: Page, selector: string, attr: string, value: string): Promise<void> {
  await page
    .waitForFunction(([s, a, v]) => document.querySelector(s)?.getAttribute(a) === v, [selector, attr, value] as const, { timeout: 15_000 })
    .catch(async (e) => {
      const seen = await page.evaluate(([s, a]) => document.querySelector(s)?.getAttribute(a) ?? null, [selector, attr] as const);
      throw new Error(`${selector} ${attr}: expected ${value}, saw ${seen} (${(e as Error).message})`);
    });
}
