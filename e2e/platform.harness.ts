import { ChildProcess, spawn } from 'node:child_process';
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

/** Starts the whole platform exactly as the README says (`npm start`), on free ports and a temp data folder. */
export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
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
    env: { ...inherited, PORT: String(port), WEB_PORT: String(webPort), DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
