import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../apps/api/test/api.client';
import { tusUpload } from '../apps/api/test/upload.helper';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate / waitForFunction run in the page; these names exist there.
declare const document: any;
declare const window: any;

const LIGHTHOUSE = { title: 'Lighthouse keepers of Brittany', description: 'A winter with the keepers on the coast, storms and all.' };
const MARMALADE = {
  title: 'Marmalade from Seville oranges',
  // Markup in a description must show as text in the snippet, never run.
  description: 'Bitter oranges picked on the coast <img src=x onerror="window.__xss=1"> and cooked slowly.',
};
/** Whatever the page shows after a search: results, an empty state, a message or a problem. */
const OUTCOME = '[data-testid=search-results], [data-testid=search-empty], [data-testid=search-message], [data-testid=search-problem]';

/**
 * Search as a person meets it, in Chromium against the platform started as the README starts it:
 * two uploads with distinct titles; the header's box suggests a title for a word typed with a typo
 * (keyboard: Down, Enter), the right video comes first and opens; a typo searched as typed says what
 * it matched; filters and order change the URL and the results, and Back undoes them; bad input
 * (empty, 10 KB, `"`, `NEAR(`, SQL) shows results or a message; markup in a description stays text;
 * a video made private leaves the results; on a phone the icon opens a full-width box. Screenshots:
 * artifacts/e2e/search-<width>-*.png.
 */
describe('search in the browser', { timeout: 900_000 }, () => {
  let platform: Platform;
  let browser: Browser;
  let creator: ApiClient;
  const ids: Record<'lighthouse' | 'marmalade', string> = { lighthouse: '', marmalade: '' };
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function newPage(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    return page;
  }

  async function waitReady(id: string): Promise<void> {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const r = await creator.gql('query($id: ID!) { video(id: $id) { status failureReason } }', { id });
      const v = r.data?.video;
      if (v?.status === 'READY') return;
      if (v?.status === 'FAILED') throw new Error(`video ${id} failed: ${v.failureReason}`);
      if (Date.now() > deadline) throw new Error(`video ${id} not READY: ${JSON.stringify(r)}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }

  /** Types into the header's box as a person does (key by key), then presses Enter. */
  async function searchFromBox(page: Page, text: string): Promise<void> {
    const input = page.getByTestId('search-input');
    await input.fill('');
    if (text.length > 200) await input.fill(text);
    else if (text) await input.pressSequentially(text, { delay: 20 });
    await input.press('Enter');
  }

  const resultIds = (page: Page) => page.$$eval('[data-testid=search-result]', (els) => els.map((e) => (e as any).dataset.id as string));

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    creator = new ApiClient(platform.apiUrl);
    await creator.signUp('Search Creator');
    for (const [key, v] of [
      ['lighthouse', LIGHTHOUSE],
      ['marmalade', MARMALADE],
    ] as const) {
      const clip = await generateClip({ path: join(platform.dataDir, `search-${key}.mp4`), durationSec: 3, width: 320, height: 180 });
      const up = await tusUpload(creator, clip, { title: v.title, metadata: { description: v.description } });
      assert.ok(up.videoId, JSON.stringify(up.error));
      ids[key] = up.videoId;
      // Upload one after the other, so "newest first" has an answer.
      await waitReady(up.videoId);
    }
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.stop();
  });

  it('suggests a title for a word with a typo in the header box; the suggestion finds the video first; it opens', async () => {
    const page = await newPage(1366, 900);
    const suggestRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('SearchSuggestions')) suggestRequests.push(r.postData() ?? '');
    });
    await page.goto(platform.webUrl);
    const input = page.getByTestId('search-input');
    await input.waitFor();
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');

    // "lighthose": one letter missing.
    await input.pressSequentially('lighthose', { delay: 40 });
    const option = page.getByTestId('search-suggestion').first();
    await option.waitFor({ timeout: 15_000 });
    assert.equal(await option.textContent(), LIGHTHOUSE.title);
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.ok(suggestRequests.length <= 3, `debounced: ${suggestRequests.length} requests for 9 keys`);
    await shot(page, 'search-1366-suggestions');

    await input.press('ArrowDown');
    await page.locator('[data-testid=search-suggestion][aria-selected=true]').waitFor({ timeout: 5_000 });
    assert.equal(await input.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    assert.equal(await option.getAttribute('aria-selected'), 'true', 'Down selects the first suggestion');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input', 'the focus stays in the box');
    await input.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === LIGHTHOUSE.title, { timeout: 15_000 });
    await page.getByTestId('search-result').first().waitFor({ timeout: 15_000 });
    assert.equal((await resultIds(page))[0], ids.lighthouse, 'the picked title is the first result');
    assert.equal(await input.inputValue(), LIGHTHOUSE.title, 'the box shows the search');
    assert.match((await page.getByTestId('search-count').textContent()) ?? '', /result/);
    const first = page.getByTestId('search-result').first();
    assert.deepEqual(
      await first.locator('.sresult__title mark').allTextContents(),
      ['Lighthouse', 'keepers', 'of', 'Brittany'],
      'the matched words are marked',
    );
    assert.equal(await first.getByTestId('search-result-channel').textContent(), 'Search Creator');
    assert.equal(await first.locator('img').count(), 1, 'a poster');
    await shot(page, 'search-1366-results');

    await first.getByTestId('search-result-link').click();
    await page.waitForURL((u) => u.pathname === `/watch/${ids.lighthouse}`, { timeout: 15_000 });
    await page.getByText(LIGHTHOUSE.title).first().waitFor({ timeout: 15_000 });

    // The typo searched as typed: the right video first, and the page says what it searched for.
    await searchFromBox(page, 'lighthose');
    await page.waitForURL((u) => u.searchParams.get('q') === 'lighthose', { timeout: 15_000 });
    await page.getByTestId('search-result').first().waitFor({ timeout: 15_000 });
    assert.equal((await resultIds(page))[0], ids.lighthouse);
    assert.match((await page.getByTestId('search-corrected').textContent()) ?? '', /Showing results for\s*lighthouse/);
    assert.deepEqual(await page.getByTestId('search-result').first().locator('.sresult__title mark').allTextContents(), ['Lighthouse']);
    await shot(page, 'search-1366-typo');
    await page.close();
  });

  it('filters and the order change the URL and the results; Back undoes them', async () => {
    const page = await newPage(1366, 900);
    await page.goto(`${platform.webUrl}/search?q=coast`);
    await page.getByTestId('search-result').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(new Set(await resultIds(page)), new Set([ids.lighthouse, ids.marmalade]));

    await page.selectOption('[data-testid=search-sort]', 'DATE');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'date', { timeout: 15_000 });
    await page.waitForFunction((id: string) => document.querySelector('[data-testid=search-result]')?.dataset.id === id, ids.marmalade, {
      timeout: 15_000,
    });
    assert.deepEqual(await resultIds(page), [ids.marmalade, ids.lighthouse], 'newest first');

    await page.selectOption('[data-testid=filter-duration]', 'LONG');
    await page.waitForURL((u) => u.searchParams.get('duration') === 'long' && u.searchParams.get('sort') === 'date', { timeout: 15_000 });
    await page.getByTestId('search-empty').waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId('search-empty').textContent()) ?? '', /without the filters/);
    await shot(page, 'search-1366-empty');

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('duration') && u.searchParams.get('sort') === 'date', { timeout: 15_000 });
    await page.getByTestId('search-result').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await resultIds(page), [ids.marmalade, ids.lighthouse]);
    assert.equal(await page.inputValue('[data-testid=filter-duration]'), '', 'the menus follow the URL');

    await page.selectOption('[data-testid=filter-date]', 'HOUR');
    await page.waitForURL((u) => u.searchParams.get('date') === 'hour', { timeout: 15_000 });
    await page.getByTestId('search-results').waitFor({ timeout: 15_000 });
    assert.equal((await resultIds(page)).length, 2, 'both were uploaded within the hour');
    await page.selectOption('[data-testid=filter-type]', 'AUDIO');
    await page.waitForURL((u) => u.searchParams.get('type') === 'audio', { timeout: 15_000 });
    await page.getByTestId('search-empty').waitFor({ timeout: 15_000 });
    await page.getByTestId('clear-filters').click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'coast' && !u.searchParams.has('type') && !u.searchParams.has('date'), {
      timeout: 15_000,
    });
    await page.getByTestId('search-results').waitFor({ timeout: 15_000 });

    // A linked search opens as it was made.
    const linked = await newPage(1366, 900);
    await linked.goto(`${platform.webUrl}/search?q=coast&sort=date&duration=short`);
    await linked.getByTestId('search-results').waitFor({ timeout: 15_000 });
    assert.deepEqual(await resultIds(linked), [ids.marmalade, ids.lighthouse]);
    assert.equal(await linked.inputValue('[data-testid=filter-duration]'), 'SHORT');
    assert.equal(await linked.inputValue('[data-testid=search-sort]'), 'DATE');
    await linked.close();
    await page.close();
  });

  it('bad input from the box shows results or a clear message, never a blank page', async () => {
    const page = await newPage(1366, 900);
    await page.goto(platform.webUrl);
    await page.getByTestId('search-input').waitFor();
    // [typed, what may show, what it says]: words are ANDed and typos forgiven, so a word such as
    // "near" may find something in the platform's sample video; either way the page says so.
    const cases: [string, string[], RegExp][] = [
      ['', ['search-message'], /Type a word/],
      ['x'.repeat(10_240), ['search-problem'], /10240 characters long/],
      ['"', ['search-problem'], /no letters or digits/],
      ['NEAR(', ['search-empty', 'search-results'], /No results|\S/],
      ["'; DROP TABLE videos; --", ['search-empty', 'search-results'], /No results|\S/],
      ['"marmalade', ['search-results'], /Marmalade/],
      ['coast)*', ['search-results'], /Lighthouse/],
    ];
    for (const [text, testIds, expected] of cases) {
      const label = JSON.stringify(text.slice(0, 30));
      await searchFromBox(page, text);
      await page.waitForURL((u) => u.pathname === '/search' && (u.searchParams.get('q') ?? '') === text, { timeout: 15_000 });
      const shown = page.locator(OUTCOME).first();
      await shown.waitFor({ timeout: 15_000 });
      const testId = (await shown.getAttribute('data-testid')) ?? '';
      assert.ok(testIds.includes(testId), `${label}: ${testId}`);
      assert.match((await shown.textContent()) ?? '', expected, label);
      if (testId === 'search-problem') {
        assert.equal(await shown.getAttribute('data-kind'), 'input', label);
        if (text.length > 200) await shot(page, 'search-1366-bad-input');
      }
    }
    // Markup in a description is shown as text and never runs.
    await searchFromBox(page, 'bitter oranges');
    await page.waitForURL((u) => u.searchParams.get('q') === 'bitter oranges', { timeout: 15_000 });
    const snippet = page.locator(`[data-testid=search-result][data-id="${ids.marmalade}"] [data-testid=search-result-snippet]`);
    await snippet.waitFor({ timeout: 15_000 });
    assert.match((await snippet.textContent()) ?? '', /<img src=x onerror="window.__xss=1">/);
    assert.equal(await page.evaluate(() => window.__xss ?? null), null);
    assert.equal(await snippet.locator('img').count(), 0);
    await page.close();
  });

  it('on a phone the icon opens a full-width box; results stack in one column', async () => {
    const page = await newPage(390, 844);
    await page.goto(platform.webUrl);
    const open = page.getByTestId('search-open');
    await open.waitFor();
    assert.equal(await page.getByTestId('search-input').isVisible(), false, 'the box is an icon on a phone');
    await open.click();
    const input = page.getByTestId('search-input');
    await input.waitFor({ state: 'visible' });
    // The box takes the focus.
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'search-input', undefined, { timeout: 5_000 });
    const box = (await page.getByTestId('search-box').boundingBox())!;
    assert.ok(box.width >= 380, `full width: ${box.width}`);
    await input.pressSequentially('marmal', { delay: 40 });
    await page.getByTestId('search-suggestion').first().waitFor({ timeout: 15_000 });
    await shot(page, 'search-390-suggestions');
    await input.press('Escape');
    // Escape closes the list; a second Escape closes the box.
    await page.getByTestId('search-suggestions').waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(await input.isVisible(), true, 'the first Escape leaves the box open');
    await input.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: 5_000 });
    // The focus is back on the icon.
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'search-open', undefined, { timeout: 5_000 });

    await open.click();
    await input.fill('coast');
    await page.getByTestId('search-submit').click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'coast', { timeout: 15_000 });
    await page.getByTestId('search-results').waitFor({ timeout: 15_000 });
    await input.waitFor({ state: 'hidden', timeout: 5_000 }); // the box closes after a search
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      columns: [...document.querySelectorAll('[data-testid=search-result]')].map((el: any) => {
        const thumb = el.querySelector('.sresult__thumb').getBoundingClientRect();
        const body = el.querySelector('.sresult__body').getBoundingClientRect();
        return body.top >= thumb.bottom - 1;
      }),
    }));
    assert.equal(layout.overflow, 0, 'nothing wider than the screen');
    assert.ok(
      layout.columns.every((c: boolean) => c),
      'the text sits under the poster',
    );
    await shot(page, 'search-390-results');
    await page.goto(`${platform.webUrl}/search?q=coast&duration=long`);
    await page.getByTestId('search-empty').waitFor({ timeout: 15_000 });
    await shot(page, 'search-390-empty');
    await page.close();
  });

  it('a video made private leaves the results and the suggestions', async () => {
    const r = await creator.gql('mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { userErrors { message } } }', {
      input: { id: ids.marmalade, visibility: 'PRIVATE' },
    });
    assert.deepEqual(r.data?.updateVideo.userErrors, [], JSON.stringify(r));
    const page = await newPage(1366, 900);
    await page.goto(`${platform.webUrl}/search?q=coast`);
    await page.getByTestId('search-results').waitFor({ timeout: 15_000 });
    assert.deepEqual(await resultIds(page), [ids.lighthouse]);
    const input = page.getByTestId('search-input');
    await input.fill('');
    await input.pressSequentially('marmal', { delay: 30 });
    // Give the debounce and the request time to answer: still no suggestion.
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId('search-suggestion').count(), 0);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});
