import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { freeServicePort } from '@wetube/testing';
import { insidePrivateNetns, NETNS_ADDR, netnsUnavailable, runTestInNetns } from '../netns';
import { ARTIFACTS, launchChromium, Platform, requireChromium, startPlatform } from '../platform.harness';

/**
 * Outside the namespace: one test that re-runs `file` inside a private network namespace (WebRTC
 * needs one, see netns.ts) and passes when that run does. Returns true when the caller is already
 * inside and should declare its real tests.
 */
export function runsInsideNetns(title: string, file: string, totalMs: number): boolean {
  if (insidePrivateNetns()) return true;
  describe(`${title} (in a private network namespace)`, () => {
    it('runs in real Chromium inside its own network namespace', { timeout: totalMs + 15_000 }, async () => {
      // Fails in seconds, naming what is missing, rather than waiting for what cannot start.
      requireChromium();
      const reason = netnsUnavailable();
      if (reason) assert.fail(`cannot run this test: it ${reason}. Run the tests as root (as CI does) on Linux with iproute2's unshare.`);
      assert.equal(await runTestInNetns(file, totalMs + 10_000), 0, 'the namespaced test failed (see its output above)');
    });
  });
  return false;
}

export interface NetnsPlatform {
  platform: Platform;
  browser: Browser;
  /** The api and the web app at the namespace's address. */
  api: string;
  webUrl: string;
  stop(): Promise<void>;
}

/**
 * Inside the namespace: the platform as `npm start` starts it, listening on the namespace's address,
 * and a Chromium that gathers real host candidates and treats the web app as a secure context
 * (WebCrypto: session keys, hash checks).
 */
export async function startNetnsPlatform(env: Record<string, string> = {}): Promise<NetnsPlatform> {
  await mkdir(ARTIFACTS, { recursive: true });
  const port = await freeServicePort();
  let webPort = await freeServicePort();
  while (webPort === port) webPort = await freeServicePort();
  const api = `http://${NETNS_ADDR}:${port}`;
  const webUrl = `http://${NETNS_ADDR}:${webPort}`;
  // HOST 0.0.0.0: inside this namespace that is only lo and the veth pair; npm start checks health on 127.0.0.1.
  const platform = await startPlatform({
    PORT: String(port),
    WEB_PORT: String(webPort),
    HOST: '0.0.0.0',
    PUBLIC_API_URL: api,
    WETUBE_API_URL: api,
    WEB_ORIGIN: webUrl,
    // Nothing leaves the namespace: if npm start decides to (re)install, it uses the local cache only.
    npm_config_offline: 'true',
    ...env,
  });
  let browser: Browser;
  try {
    browser = await launchChromium([
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      `--unsafely-treat-insecure-origin-as-secure=${webUrl}`,
    ]);
  } catch (err) {
    await platform.stop();
    throw err;
  }
  return {
    platform,
    browser,
    api,
    webUrl,
    stop: async () => {
      await browser.close();
      await platform.stop();
    },
  };
}
