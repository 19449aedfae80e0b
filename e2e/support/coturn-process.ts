import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stunBinding } from './stun-binding';

export interface Coturn {
  secret: string;
  realm: string;
  stunUrl: string;
  turnUdpUrl: string;
  logFile: string;
  log(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real coturn (`turnserver`, Debian's coturn 4.6), started as scripts/up.sh starts it with TURN=on
 * (use-auth-secret, no TLS/DTLS/CLI), listening and relaying on `ip` only. Run from a process inside
 * the lab's public namespace, so it serves the lab and nothing else. Resolves once it listens.
 */
export async function startCoturn(ip: string, opts: { port?: number; secret?: string; realm?: string } = {}): Promise<Coturn> {
  const port = opts.port ?? 3478;
  const secret = opts.secret ?? randomBytes(24).toString('base64url');
  const realm = opts.realm ?? 'wetube';
  const dir = await mkdtemp(join(tmpdir(), 'wetube-coturn-'));
  const logFile = join(dir, 'turnserver.log');
  // prettier-ignore
  const args = ['-n', '--no-cli', '--no-tls', '--no-dtls', '--fingerprint', '--use-auth-secret', `--static-auth-secret=${secret}`,
    `--realm=${realm}`, `--listening-port=${port}`, `--listening-ip=${ip}`, `--relay-ip=${ip}`, '--min-port=49160', '--max-port=49400',
    '--no-multicast-peers', `--userdb=${join(dir, 'turndb')}`, '--simple-log', `--log-file=${logFile}`, `--pidfile=${join(dir, 'turnserver.pid')}`];
  const child: ChildProcess = spawn('turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const log = async () => out + (await readFile(logFile, 'utf8').catch(() => ''));
  const deadline = Date.now() + 10_000;
  // coturn logs no "listening" line at this log level: ready when it answers a STUN Binding request.
  while (!(await stunBinding(ip, port, 300).catch(() => null))) {
    if (child.exitCode !== null) throw new Error(`turnserver exited with ${child.exitCode}:\n${(await log()).slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`turnserver did not listen on ${ip}:${port} within 10 s:\n${(await log()).slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    secret,
    realm,
    stunUrl: `stun:${ip}:${port}`,
    turnUdpUrl: `turn:${ip}:${port}?transport=udp`,
    logFile,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    },
  };
}
