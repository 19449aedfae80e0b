import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Coturn {
  /** `host:port` it listens on (UDP and TCP). */
  address: string;
  secret: string;
  /** Its log so far (refusals read `check_stun_auth: ...`). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

/** Why coturn cannot run here, or null. */
export function coturnUnavailable(): string | null {
  return spawnSync('turnserver', ['--help'], { stdio: 'ignore' }).error
    ? "coturn's turnserver is not installed: `sudo apt-get install -y coturn` (`npm test` installs it when run as root)"
    : null;
}

/**
 * The real coturn (Debian's `turnserver`) in the foreground with the platform's settings: STUN and
 * TURN on `ip:port`, `use-auth-secret` with `secret`, relays on the same address, no TLS/DTLS, no
 * config file or database of the machine's. `extraArgs` e.g. `--allow-loopback-peers` for a test on
 * 127.0.0.1. Resolves once it listens; the caller stops it.
 */
export async function startCoturn(opts: {
  ip: string;
  port: number;
  secret: string;
  minPort?: number;
  maxPort?: number;
  extraArgs?: string[];
  exec?: string[];
}): Promise<Coturn> {
  const why = coturnUnavailable();
  if (why) throw new Error(why);
  const dir = await mkdtemp(join(tmpdir(), 'wetube-coturn-'));
  const logFile = join(dir, 'turn.log');
  const min = opts.minPort ?? 49152 + Math.floor(Math.random() * 8000);
  const args = [
    '-n',
    '--no-cli',
    '--no-tls',
    '--no-dtls',
    '--fingerprint',
    '--use-auth-secret',
    `--static-auth-secret=${opts.secret}`,
    '--realm=wetube',
    `--listening-ip=${opts.ip}`,
    `--relay-ip=${opts.ip}`,
    `--listening-port=${opts.port}`,
    `--min-port=${min}`,
    `--max-port=${opts.maxPort ?? min + 200}`,
    '--no-multicast-peers',
    '--simple-log',
    `--log-file=${logFile}`,
    `--pidfile=${join(dir, 'turn.pid')}`,
    `--userdb=${join(dir, 'turndb')}`,
    ...(opts.extraArgs ?? []),
  ];
  const [cmd, ...pre] = [...(opts.exec ?? []), 'turnserver'];
  const child: ChildProcess = spawn(cmd, [...pre, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const readLog = async () => (await readFile(logFile, 'utf8').catch(() => '')) + out;
  const deadline = Date.now() + 10_000;
  while (!/listener opened on|Total (General|auth) servers/i.test(await readLog())) {
    if (child.exitCode !== null) throw new Error(`turnserver exited with ${child.exitCode}: ${(await readLog()).slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`turnserver did not start in 10 s: ${(await readLog()).slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200));
  return {
    address: `${opts.ip}:${opts.port}`,
    secret: opts.secret,
    log: readLog,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
