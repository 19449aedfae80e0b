import { mkdir } from 'node:fs/promises';
import { freeServicePort } from '@wetube/testing';
import { ARTIFACTS, type Platform, startPlatform } from '../platform.harness';
import type { NatLabSpec } from './nat-lab';

export interface LabPlatform {
  platform: Platform;
  /** The api and the web app at the public namespace's address, as every home reaches them. */
  api: string;
  webUrl: string;
}

/**
 * Inside the lab's public namespace (natLabFromEnv): the platform as the README starts it (`npm start`)
 * with TURN=on, so its own coturn runs beside the api, listening and relaying on the public address
 * only; STUN_URLS/TURN_URLS are derived by npm start from PUBLIC_API_URL's host (= that address).
 */
export async function startLabPlatform(lab: NatLabSpec, env: Record<string, string> = {}): Promise<LabPlatform> {
  await mkdir(ARTIFACTS, { recursive: true });
  const port = await freeServicePort();
  let webPort = await freeServicePort();
  while (webPort === port) webPort = await freeServicePort();
  const api = `http://${lab.pubIp}:${port}`;
  const webUrl = `http://${lab.pubIp}:${webPort}`;
  const platform = await startPlatform({
    PORT: String(port),
    WEB_PORT: String(webPort),
    // 0.0.0.0 in the public namespace is lo and the bridge; npm start checks health on 127.0.0.1.
    HOST: '0.0.0.0',
    PUBLIC_API_URL: api,
    WETUBE_API_URL: api,
    WEB_ORIGIN: webUrl,
    TURN: 'on',
    TURN_LISTEN_IP: lab.pubIp,
    // Nothing leaves the lab: if npm start decides to (re)install, it uses the local cache only.
    npm_config_offline: 'true',
    ...env,
  });
  return { platform, api, webUrl };
}
