import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

const PASSWORD = 'a long enough password';

describe('sign-in throttling in the browser: refusals with when to retry, and the notice after the lock', () => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  const email = `owner.${Date.now()}@example.com`;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // Two free wrong passwords; the third in a row locks the account for 3 s.
    ({ platform, browser } = await startPlatformAndBrowser({
      LOGIN_FREE_FAILURES: '2',
      LOGIN_LOCK_AFTER_FAILURES: '3',
      LOGIN_DELAY_BASE_SEC: '1',
      LOGIN_LOCK_SEC: '3',
    }));
    const reg = await fetch(`${platform.apiUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, displayName: 'Locked Owner' }),
    });
    assert.equal(reg.status, 201);
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function signIn(password: string): Promise<void> {
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
  }

  it('wrong passwords say so; once locked, even the right password is refused with when to retry', async () => {
    await page.goto(`${platform.webUrl}/signin`);
    for (let i = 1; i <= 3; i++) {
      await signIn(`wrong ${i}`);
      await page.getByTestId('form-error').getByText('Wrong email or password.').waitFor({ timeout: 15_000 });
      await page.waitForSelector('button[type=submit]:not([disabled])');
    }
    await signIn(PASSWORD);
    const refused = page.getByTestId('form-error').getByText(/Too many failed sign-ins for this account\. Try again in [1-3] s\./);
    await refused.waitFor({ timeout: 15_000 });
    await shot('sign-in-locked');
  });

  it('after the lock the right password works and the owner sees the security notice, then goes on', async () => {
    await page.waitForTimeout(3300);
    await page.waitForSelector('button[type=submit]:not([disabled])');
    await signIn(PASSWORD);
    const notice = page.getByTestId('security-notice');
    await notice.waitFor({ timeout: 15_000 });
    const text = await notice.innerText();
    assert.match(text, /3 failed sign-in attempts on your account since your last sign-in/);
    assert.match(text, /locked once for too many wrong passwords/);
    await shot('sign-in-security-notice');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
    await page.goto(`${platform.webUrl}/signin`);
    // Told once: signing in again goes straight on.
    await signIn(PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
    assert.equal(await page.getByTestId('security-notice').count(), 0);
  });
});
