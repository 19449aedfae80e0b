'use client';

import type { Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';

/**
 * The web player's side of ads (HLS Interstitials, see libs/ads README "Formats" and "Ad server"):
 * the origin's media playlists carry the breaks; hls.js asks each break's asset list
 * (`/ads/asset-list/<video>/<break>`), plays its ads in the same <video> and resumes the content.
 * This file adds the playback session to those requests and to the media playlist requests: a media
 * playlist loaded with `?session=<id>` declares `EXT-X-DEFINE:QUERYPARAM="session"` and its
 * X-ASSET-LIST URLs end in `session={$session}`, which hls.js fills in from the playlist's URL (the
 * text is the same for every viewer; the segments' URLs, resolved against it, carry no query). The
 * asset-list requests get the session here too, in case a playlist was loaded without it.
 * (interstitials.ts tracks the ads.)
 */

/** Query parameter the ad server reads the playback session from (`ASSET_LIST_SESSION_PARAM` in @wetube/ads). */
export const ASSET_LIST_SESSION_PARAM = 'session';
/** hls.js's loader context types that get the session: asset lists, and media playlists (video, audio). */
const WITH_SESSION = new Set(['interstitial-asset-list', 'level', 'audioTrack']);
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
 * `config.loader` for hls.js: as `Base`, but asset-list and media playlist requests first wait for
 * the playback session (at most SESSION_WAIT_MS) and carry its id. Everything else (the master
 * playlist, segments) goes straight through.
 */
export function createAssetListLoader(Base: LoaderClass, sessionId: () => Promise<string | null> | null): LoaderClass {
  return class AssetListLoader extends Base {
    private cancelled = false;

    load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const pending = WITH_SESSION.has(context.type as string) ? sessionId() : null;
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
