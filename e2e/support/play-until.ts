import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from '../platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

/**
 * Presses play (muted) until `done` (an expression evaluated in the page) holds; remembers in
 * `window.__sawAd` whether an ad badge was ever on screen. On a timeout: a screenshot
 * `<stallShot>.png` in the artifacts and an error naming `label` with the player's state and the
 * page's errors.
 */
export async function playUntil(
  page: Page,
  label: string,
  done: string,
  o: { stallShot: string; pageErrors: () => unknown; timeout?: number },
): Promise<void> {
  await page
    .waitForFunction(
      `(() => {
        const el = document.querySelector('video');
        if (!el) return false;
        if (el.paused && el.readyState >= 2) {
          el.muted = true;
          void el.play().catch(() => undefined);
        }
        window.__sawAd = window.__sawAd || !!document.querySelector('[data-testid=ad-badge]');
        return (${done});
      })()`,
      undefined,
      { timeout: o.timeout ?? 90_000, polling: 200 },
    )
    .catch(async (err: Error) => {
      await page.screenshot({ path: join(ARTIFACTS, `${o.stallShot}.png`), fullPage: true }).catch(() => undefined);
      const state = await page
        .evaluate(() => {
          const el = document.querySelector('video');
          const m = window.__wetubeHls?.interstitialsManager;
          return {
            t: el?.currentTime,
            readyState: el?.readyState,
            paused: el?.paused,
            primary: m?.primary?.currentTime ?? null,
            playing: m?.playingItem?.event?.identifier ?? null,
            badge: document.querySelector('[data-testid=ad-badge]')?.textContent ?? null,
          };
        })
        .catch(() => null);
      throw new Error(`${label}: ${err.message}; player: ${JSON.stringify(state)}; page errors: ${JSON.stringify(o.pageErrors())}`);
    });
}
