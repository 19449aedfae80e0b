import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from '../platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

/** What the listen page shows and what its one <audio> plays, read in the page. */
export interface ListenState {
  /** "Ad i of n · Ns" on the listen page, or null. */
  badge: string | null;
  /** Content time (hls.js's primary timeline; ads play in the same <audio>). */
  primary: number;
  /** Start (content seconds) of the break playing, or null. */
  breakAt: number | null;
  paused: boolean;
  /** The ad's own progress bar (in place of the waveform) and its seconds played. */
  adProgress: number | null;
  waveform: boolean;
  /** Media elements on the page: one <audio>, no <video>. */
  audios: number;
  videos: number;
}

export const readListenState = (page: Page): Promise<ListenState> =>
  page.evaluate(() => {
    const a = document.querySelector('audio[data-testid=listen-audio]');
    const m = window.__wetubeHls?.interstitialsManager;
    const item = m?.playingItem;
    const progress = document.querySelector('[data-testid=ad-progress]');
    return {
      badge: document.querySelector('[data-testid=ad-badge]')?.textContent ?? null,
      primary: m?.primary?.currentTime ?? a?.currentTime ?? 0,
      breakAt: item?.event ? item.start : null,
      paused: !!a?.paused,
      adProgress: progress ? Number(progress.getAttribute('aria-valuenow')) : null,
      waveform: !!document.querySelector('[data-testid=waveform]'),
      audios: document.querySelectorAll('audio').length,
      videos: document.querySelectorAll('video').length,
    };
  });

/**
 * Waits (listening, nothing pressed) until `done` (an expression evaluated in the page) holds;
 * remembers in `window.__sawAd` whether the listen page ever showed an ad badge. On a timeout: a
 * screenshot `<label>-stalled.png` in the artifacts and an error with the listen state and the page's errors.
 */
export async function listenUntil(page: Page, label: string, done: string, pageErrors: () => unknown, timeout = 90_000): Promise<void> {
  await page
    .waitForFunction(
      `(() => {
        window.__sawAd = window.__sawAd || !!document.querySelector('[data-testid=ad-badge]');
        return (${done});
      })()`,
      undefined,
      { timeout, polling: 100 },
    )
    .catch(async (err: Error) => {
      await page.screenshot({ path: join(ARTIFACTS, `${label}-stalled.png`), fullPage: true }).catch(() => undefined);
      const state = await readListenState(page).catch(() => null);
      throw new Error(`${label}: ${err.message}; listen state: ${JSON.stringify(state)}; page errors: ${JSON.stringify(pageErrors())}`);
    });
}
