import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS } from '../platform.harness';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

/** The page's own P2P counters (window.__wetubeP2P), as the page defines them. */
export type { P2PCounters } from '../../web/lib/p2p/p2p-counters';
import type { P2PCounters } from '../../web/lib/p2p/p2p-counters';

export interface Viewer {
  name: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** When the viewer opened the page and when it finished playing (ms since epoch). */
  startedAt: number;
  finishedAt: number;
}

/** A viewer in its own browser context. `initScript` runs in the page before any of its code. */
export async function newViewer(browser: Browser, name: string, initScript?: () => void): Promise<Viewer> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  return { name, context, page, errors, startedAt: 0, finishedAt: 0 };
}

/** Opens the watch page and plays until `untilSec` (or the end); fails with the page's state when it stalls. */
export async function play(v: Viewer, watchUrl: string, untilSec: number | 'end'): Promise<void> {
  v.startedAt = Date.now();
  await v.page.goto(watchUrl);
  await v.page.locator('video[data-testid=player]').waitFor();
  await v.page
    .waitForFunction(
      (until) => {
        const el = document.querySelector('video');
        if (!el) return false;
        if (el.paused && !el.ended && el.readyState >= 2) {
          el.muted = true;
          void el.play().catch(() => undefined);
        }
        return until === 'end' ? el.ended || (el.duration > 0 && el.currentTime >= el.duration - 0.3) : el.currentTime > until;
      },
      untilSec,
      { timeout: 60_000, polling: 250 },
    )
    .catch(async (err) => {
      await v.page.screenshot({ path: join(ARTIFACTS, `p2p-stalled-${v.name}.png`) }).catch(() => undefined);
      const state = await v.page.evaluate(() => ({ t: document.querySelector('video')?.currentTime, p2p: window.__wetubeP2P }));
      throw new Error(
        `${v.name} stalled: ${err.message}; ${JSON.stringify(state)}; ${await sources(v)}; page errors: ${JSON.stringify(v.errors)}`,
      );
    });
  v.finishedAt = Date.now();
  assert.equal(await v.page.locator('[data-testid=player-error]').count(), 0, `${v.name}: no player error shown`);
}

export const counters = (v: Viewer): Promise<P2PCounters> => v.page.evaluate(() => ({ ...window.__wetubeP2P }));

/** The page's own log of where each segment came from, compact: `720p/seg_00003.m4s:P` (P peers, H origin). */
export const sources = (v: Viewer): Promise<string> =>
  v.page.evaluate(() =>
    (window.__wetubeP2PLog ?? [])
      .map((e: { key: string; from: string; why?: string }) => `${e.key}:${e.from === 'peers' ? 'P' : `H(${e.why ?? ''})`}`)
      .join(' '),
  );

/**
 * Init script of a peer that tampers with what it serves: every large data-channel message (piece
 * blocks are 16 KiB) gets one byte flipped near its end, after the page's own code made it. The page
 * itself is untouched: the bytes go wrong on the wire, as with a malicious or broken peer.
 */
export function tamperOutgoingBlocks(): void {
  const RTC = (globalThis as any).RTCDataChannel;
  const send = RTC.prototype.send;
  RTC.prototype.send = function (this: unknown, data: any) {
    if (data && typeof data === 'object' && typeof data.byteLength === 'number' && data.byteLength >= 8192) {
      const view = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
      const copy = view.slice();
      copy[copy.length - 100] ^= 0xff;
      (globalThis as any).__wetubeTampered = ((globalThis as any).__wetubeTampered ?? 0) + 1;
      return send.call(this, copy);
    }
    return send.call(this, data);
  };
}
