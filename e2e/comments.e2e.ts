import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, Platform, startPlatformAndBrowser } from './platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const window: any;

const SCRIPT_XSS = '<script>window.__xss=1</script>';
const IMG_XSS = '<img src=x onerror="window.__xss=2">';

/**
 * Comments as a viewer uses them, in Chromium against `npm start`: signed out they are read-only;
 * signed in, the viewer comments, replies, edits and deletes; stored XSS attempts render as text.
 */
describe('comments under the player in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let watchUrl = '';
  const shot = (p: Page, name: string) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const section = () => page.locator('[data-testid=comments-section]');
  const thread = (text: string) => page.locator('[data-testid=comment-thread]').filter({ hasText: text });
  /** The comment item (not its replies) whose text contains `text`, pinned by id so it survives an edit. */
  const itemOf = async (text: string) => {
    const id = await page
      .locator('[data-testid=comment]', { has: page.locator('[data-testid=comment-body]', { hasText: text }) })
      .first()
      .getAttribute('data-comment-id');
    assert.ok(id, `a comment with ${JSON.stringify(text)}`);
    return page.locator(`[data-testid=comment][data-comment-id="${id}"]`);
  };
  const count = async () => (await page.locator('[data-testid=comments-count]').textContent())?.trim();

  async function addComment(text: string): Promise<void> {
    const form = section().locator('[data-testid=comment-form]').first();
    await form.locator('[data-testid=comment-input]').fill(text);
    await form.locator('[data-testid=comment-submit]').click();
    await page.locator('[data-testid=comment-body]', { hasText: text }).first().waitFor({ timeout: 15_000 });
  }

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ platform, browser } = await startPlatformAndBrowser());
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('signed out: the comments are shown with a sign-in link instead of a box', async () => {
    await page.goto(platform.webUrl);
    await page.locator('[data-testid=video-card]', { hasText: 'Welcome to WeTube' }).first().locator('a').first().click();
    await page.waitForURL(/\/watch\//, { timeout: 30_000 });
    watchUrl = page.url();
    await section().waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=comments-signin]').waitFor({ timeout: 15_000 });
    assert.equal(await section().locator('[data-testid=comment-input]').count(), 0);
    await page.locator('[data-testid=comments-count]', { hasText: '0 comments' }).waitFor({ timeout: 15_000 });
    assert.match((await section().textContent()) ?? '', /No comments yet/);
  });

  it('a viewer registers, comments (line breaks kept) and replies', async () => {
    await page.goto(`${platform.webUrl}/register`);
    await page.fill('input[name=displayName]', 'Vera Viewer');
    await page.fill('input[name=email]', `viewer.${Date.now()}@example.com`);
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[type=submit]');
    await page.getByText('Vera Viewer').first().waitFor({ timeout: 15_000 });
    await page.goto(watchUrl);
    await section().locator('[data-testid=comment-input]').waitFor({ timeout: 30_000 });

    await addComment('What a lovely sea.\nI watched it twice.');
    const body = thread('What a lovely sea.').locator('[data-testid=comment-body]').first();
    assert.equal(await body.evaluate((el: any) => el.innerText), 'What a lovely sea.\nI watched it twice.');
    assert.equal(await count(), '1 comment');

    // An empty comment is refused by the box itself, with a message.
    await section().locator('[data-testid=comment-input]').first().fill('   ');
    assert.equal(await section().locator('[data-testid=comment-submit]').first().isDisabled(), true);

    await (await itemOf('What a lovely sea.')).locator('[data-testid=comment-reply]').click();
    const replyForm = thread('What a lovely sea.').locator('[data-testid=comment-form]');
    await replyForm.locator('[data-testid=comment-input]').fill('Replying to myself: and a third time.');
    await replyForm.locator('[data-testid=comment-submit]').click();
    await thread('What a lovely sea.').locator('[data-testid=replies] [data-testid=comment-body]', { hasText: 'a third time' }).waitFor();
    assert.match((await thread('What a lovely sea.').locator('[data-testid=replies-toggle]').textContent()) ?? '', /Hide replies/);

    // Collapsed and expanded again after a reload.
    await page.reload();
    const toggle = thread('What a lovely sea.').locator('[data-testid=replies-toggle]');
    await toggle.waitFor({ timeout: 15_000 });
    assert.match((await toggle.textContent()) ?? '', /1 reply/);
    assert.equal(await thread('What a lovely sea.').locator('[data-testid=replies]').count(), 0, 'replies start collapsed');
    await toggle.click();
    await thread('What a lovely sea.').locator('[data-testid=replies]', { hasText: 'a third time' }).waitFor();
    assert.equal(await count(), '2 comments');

    const sea = await itemOf('What a lovely sea.');
    await sea.locator('[data-testid=comment-like]').click();
    await sea.locator('[data-testid=comment-like][aria-pressed=true]').waitFor({ timeout: 15_000 });
    assert.equal(await sea.locator('[data-testid=comment-like-count]').textContent(), '1');
    // The author's name leads to their channel (the handle made from the display name).
    assert.match((await sea.locator('[data-testid=comment-author-link]').first().getAttribute('href')) ?? '', /^\/@veraviewer(-\d+)?$/);
  });

  it('stored XSS: a script tag and an onerror attribute render as text and never run', async () => {
    await addComment(SCRIPT_XSS);
    await addComment(IMG_XSS);
    await page.reload();
    await page.locator('[data-testid=comment-body]', { hasText: IMG_XSS }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500); // an image error handler would have fired by now
    const bodies = await page.locator('[data-testid=comment-body]').allTextContents();
    assert.ok(bodies.includes(SCRIPT_XSS), `the script text is shown as typed: ${JSON.stringify(bodies)}`);
    assert.ok(bodies.includes(IMG_XSS), 'the img text is shown as typed');
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected code ran');
    assert.equal(await section().locator('[data-testid=comments-list] img').count(), 0, 'no img element inside the comments');
    assert.equal(await section().locator('[data-testid=comments-list] script').count(), 0, 'no script element inside the comments');
    // Top: the liked comment first, though it is the oldest; Newest: the newest first again.
    await page.click('[data-testid=comments-sort-top]');
    await page.waitForFunction(
      () =>
        /^What a lovely sea/.test(
          window.document.querySelector('[data-testid=comments-list] [data-testid=comment-body]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 15_000 },
    );
    await page.click('[data-testid=comments-sort-newest]');
    await page.waitForFunction(
      (t: string) => window.document.querySelector('[data-testid=comments-list] [data-testid=comment-body]')?.textContent === t,
      IMG_XSS,
      { timeout: 15_000 },
    );
    await shot(page, 'comments-xss-desktop');
  });

  it('the author edits a comment (marked edited) and deletes one', async () => {
    const mine = await itemOf(SCRIPT_XSS);
    await mine.locator('[data-testid=comment-menu]').click();
    await mine.locator('[data-testid=comment-edit]').click();
    await mine.locator('[data-testid=comment-input]').fill('I changed my mind: no scripts here.');
    await mine.locator('[data-testid=comment-submit]').click();
    await mine.locator('[data-testid=comment-edited]').waitFor({ timeout: 15_000 });
    assert.equal(await mine.locator('[data-testid=comment-body]').textContent(), 'I changed my mind: no scripts here.');

    const img = await itemOf(IMG_XSS);
    await img.locator('[data-testid=comment-menu]').click();
    await img.locator('[data-testid=comment-delete]').click();
    await img.locator('[data-testid=comment-delete-confirm]').click();
    await img.waitFor({ state: 'detached', timeout: 15_000 });

    // Deleting a comment that has a reply leaves "[deleted]" with the reply under it.
    const sea = await itemOf('What a lovely sea.');
    await sea.locator('[data-testid=comment-menu]').click();
    await sea.locator('[data-testid=comment-delete]').click();
    await sea.locator('[data-testid=comment-delete-confirm]').click();
    await sea.locator('[data-testid=comment-body]', { hasText: '[deleted]' }).waitFor({ timeout: 15_000 });

    await page.reload();
    await page.locator('[data-testid=comment-body]', { hasText: 'I changed my mind' }).waitFor({ timeout: 15_000 });
    const after = await page.locator('[data-testid=comment-body]').allTextContents();
    assert.ok(!after.includes(IMG_XSS), 'the deleted comment is gone after a reload');
    assert.ok(after.includes('[deleted]'), 'the deleted comment with a reply stays as [deleted]');
    assert.match((await page.locator('[data-testid=comment-edited]').first().textContent()) ?? '', /edited/);
    assert.equal(await count(), '2 comments');
    assert.deepEqual(pageErrors, []);
  });

  it('screenshots at desktop and mobile widths', async () => {
    const thread = page.locator('[data-testid=comment-thread]').filter({ hasText: '[deleted]' });
    await thread.locator('[data-testid=replies-toggle]').click();
    await thread.locator('[data-testid=replies]').waitFor();
    await shot(page, 'comments-watch-desktop');
    const mobile = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    });
    const m = await mobile.newPage();
    await m.goto(watchUrl);
    await m.locator('[data-testid=comment-body]', { hasText: 'I changed my mind' }).waitFor({ timeout: 30_000 });
    const width = await m.evaluate(() => window.document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (page is ${width} px wide)`);
    await shot(m, 'comments-watch-mobile');
    await mobile.close();
  });
});
