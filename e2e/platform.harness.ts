import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { freeServicePort } from '@wetube/testing';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');

export interface Platform {
  webUrl: string;
  apiUrl: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Fails at once, naming what is missing, when the browser the e2e drives is not installed (instead
 * of starting the platform for minutes and then failing to launch it).
 */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed (no ${CHROMIUM_PATH}): the browser e2e needs Debian's chromium. ` +
        'Install it with `sudo apt-get install -y chromium` (`npm test` does this itself when run as root), or set CHROMIUM_PATH.',
    );
  }
}

/** Process groups this test process started: killed when it exits, however the test ended. */
const started = new Set<number>();
let exitHookInstalled = false;
function killOnExit(pid: number): void {
  started.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of started) {
      try {
        process.kill(-p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  // A signal would otherwise end the process without 'exit' handlers.
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.once(sig, () => process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGHUP' ? 1 : 15)));
}

/**
 * Starts the whole platform exactly as the README says (`npm start`), on free ports and a temp data
 * folder. It stops with this process whatever happens: `WETUBE_EXIT_WITH_PID` makes `npm start` end
 * itself when this process is gone (even after a SIGKILL), and an exit hook kills its process group.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  requireChromium();
  const port = await freeServicePort();
  let webPort = await freeServicePort();
  while (webPort === port) webPort = await freeServicePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'wetube-e2e-'));
  let log = '';
  // Embedded defaults, as a new user gets them: not the CI's PostgreSQL/Redis.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.REDIS_URL;
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...inherited,
      PORT: String(port),
      WEB_PORT: String(webPort),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WETUBE_EXIT_WITH_PID: String(process.pid),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killOnExit(child.pid!);
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 8000);
    await exited;
    clearTimeout(t);
    started.delete(child.pid!);
  };
  const deadline = Date.now() + 10 * 60_000;
  while (!/wetube: ready\./.test(log.replace(/\x1b\[[0-9;]*m/g, ''))) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not become ready:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { webUrl: `http://localhost:${webPort}`, apiUrl: `http://localhost:${port}`, dataDir, output: () => log, stop };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 30_000 });
}

/** Starts the platform, then the browser; a browser that cannot start stops the platform again. */
export async function startPlatformAndBrowser(env: Record<string, string> = {}): Promise<{ platform: Platform; browser: Browser }> {
  const platform = await startPlatform(env);
  try {
    return { platform, browser: await launchChromium() };
  } catch (err) {
    await platform.stop();
    throw err;
  }
}
