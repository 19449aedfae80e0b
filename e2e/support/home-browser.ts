import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from '../platform.harness';

/**
 * Chromium running inside a home of the NAT lab: playwright-core launches a generated wrapper that
 * execs `ip netns exec <home> chromium …` (same pid, so closing the browser ends it). Chromium keeps
 * its default mDNS hiding of host candidates (as on the internet), so two homes can only meet over
 * srflx (STUN) or relay (TURN) paths. `secureOrigin` (the web app) is treated as a secure context.
 */
export async function launchChromiumInHome(ns: string, secureOrigin?: string, extraArgs: string[] = []): Promise<Browser> {
  requireChromium();
  const dir = await mkdtemp(join(tmpdir(), 'wetube-chromium-'));
  const wrapper = join(dir, 'chromium-in-home.sh');
  await writeFile(wrapper, `#!/bin/sh\nexec ip netns exec '${ns}' '${CHROMIUM_PATH}' "$@"\n`);
  await chmod(wrapper, 0o755);
  const args = [...CHROMIUM_ARGS, ...(secureOrigin ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigin}`] : []), ...extraArgs];
  return chromium.launch({ executablePath: wrapper, args, timeout: 30_000 });
}
