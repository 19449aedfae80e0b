'use client';

import type { Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';

/**
 * The web player's side of ads (HLS Interstitials, see libs/ads README "Formats" and "Ad server"):
 * the origin's media playlists carry the breaks; hls.js asks each break's asset list
 * (`/ads/asset-list/<video>/<break>`), plays its ads in the same <video> and resumes the content.
 * This file adds the playback session to those requests (interstitials.ts tracks the ads).
 */

/** Query parameter the ad server reads the playback session from (`ASSET_LIST_SESSION_PARAM` in @wetube/ads). */
export const ASSET_LIST_SESSION_PARAM = 'session';
/** hls.js's loader context type of an asset-list request. */
const ASSET_LIST_CONTEXT = 'interstitial-asset-list';
/** How long an asset-list request waits for the session before going out without one. */
const SESSION_WAIT_MS = 5000;

/** The asset-list URL with `session=<id>` (as @wetube/ads `withPlaybackSession`, which is not a browser import). */
export function withPlaybackSession(assetListUrl: string, sessionId: string, base?: string): string {
  const url = new URL(assetListUrl, base);
  url.searchParams.set(ASSET_LIST_SESSION_PARAM, sessionId);
  return url.href;
}

type LoaderClass = new (...args: any[]) => Loader<LoaderContext>;

/**
 * `config.loader` for hls.js: as `Base`, but an asset-list request first waits for the playback
 * session (at most SESSION_WAIT_MS) and carries its id. Everything else goes straight through.
 */
export function createAssetListLoader(Base: LoaderClass, sessionId: () => Promise<string | null> | null): LoaderClass {
  return class AssetListLoader extends Base {
    private cancelled = false;

    load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const pending = (context.type as string) === ASSET_LIST_CONTEXT ? sessionId() : null;
      if (!pending) return super.load(context, config, callbacks);
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), SESSION_WAIT_MS));
      void Promise.race([pending.catch(() => null), timeout]).then((id) => {
        if (this.cancelled) return;
        super.load(id ? { ...context, url: withPlaybackSession(context.url, id) } : context, config, callbacks);
      });
    }

    abort(): void {
      this.cancelled = true;
      super.abort();
    }

    destroy(): void {
      this.cancelled = true;
      super.destroy();
    }
  };
}
