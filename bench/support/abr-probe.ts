import type { Page } from 'playwright-core';

declare const document: any;
declare const window: any;

export interface AbrProbeSample {
  sn: number;
  /** frag.stats.loaded when hls.js buffered the fragment: what its bandwidth estimator is fed. */
  loaded: number;
  /** hls.bandwidthEstimate after it, kbit/s. */
  bwKbps: number;
}

/**
 * Control for hls.js's adaptive bitrate input, on a watch page that is already open: plays the same
 * master playlist twice in extra, muted <video> elements with the page's own hls.js build, once with
 * hls.js's plain loader and once with the player's fragment loader (`hls.config.fLoader`, the P2P
 * loader, used with P2P on and off), and reports, per main fragment, the bytes hls.js recorded and
 * its bandwidth estimate.
 */
export async function probeAbrInput(page: Page, fragments = 4): Promise<{ plain: AbrProbeSample[]; playerLoader: AbrProbeSample[] }> {
  await page.waitForFunction(() => !!window.__wetubeHls && window.__wetubeHls.levels.length > 0, undefined, { timeout: 30_000 });
  return page.evaluate(async (want: number) => {
    const player = window.__wetubeHls;
    const Hls = player.constructor;
    const run = (hls: any) =>
      new Promise<AbrProbeSample[]>((resolve) => {
        const v = document.createElement('video');
        v.muted = true;
        document.body.appendChild(v);
        const samples: AbrProbeSample[] = [];
        const done = () => {
          resolve(samples);
          hls.destroy();
          v.remove();
        };
        hls.on(Hls.Events.FRAG_BUFFERED, (_e: unknown, d: any) => {
          if (d.frag.type !== 'main' || typeof d.frag.sn !== 'number') return;
          samples.push({ sn: d.frag.sn, loaded: d.frag.stats.loaded, bwKbps: Math.round(hls.bandwidthEstimate / 1000) });
          if (samples.length >= want) done();
        });
        hls.loadSource(player.url);
        hls.attachMedia(v);
        void v.play().catch(() => undefined);
        setTimeout(done, 15_000);
      });
    const xhrSetup = (x: any) => {
      x.withCredentials = true;
    };
    const plain = await run(new Hls({ xhrSetup }));
    const playerLoader = await run(new Hls({ xhrSetup, fLoader: player.config.fLoader }));
    return { plain, playerLoader };
  }, fragments);
}
