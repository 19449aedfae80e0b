import { spawn, spawnSync } from 'node:child_process';

/**
 * A private network namespace for WebRTC tests: Chromium offers no ICE candidate when loopback is the
 * only interface, so the test re-runs itself (as root) inside a fresh namespace with `lo` up and a veth
 * pair 10.77.0.1/24 ↔ 10.77.0.2/24 (default route via the peer end). Nothing leaves the namespace.
 */
export const NETNS_ENV = 'WETUBE_E2E_NETNS';
export const NETNS_ADDR = '10.77.0.1';

const SETUP = [
  'set -e',
  'ip link set lo up',
  'ip link add wt0 type veth peer name wt1',
  `ip addr add ${NETNS_ADDR}/24 dev wt0`,
  'ip addr add 10.77.0.2/24 dev wt1',
  'ip link set wt0 up',
  'ip link set wt1 up',
  'ip route add default via 10.77.0.2 dev wt0',
].join('; ');

export function insidePrivateNetns(): boolean {
  return process.env[NETNS_ENV] === '1';
}

/** Why a namespace cannot be made here, or null when it can. */
export function netnsUnavailable(): string | null {
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return 'needs root to make a private network namespace (unshare --net)';
  const probe = spawnSync('unshare', ['--net', '--', 'bash', '-c', SETUP], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return `unshare is not available: ${probe.error.message}`;
  if (probe.status !== 0) return `cannot set up a private network namespace: ${(probe.stderr || '').trim() || `exit ${probe.status}`}`;
  return null;
}

/** Runs `node --test <file>` inside a new namespace; resolves with its exit code (output passes through). */
export function runTestInNetns(file: string, timeoutMs: number): Promise<number> {
  return runNodeInNetns(['--test', '--test-reporter=spec', file], timeoutMs);
}

/**
 * Runs `node <args…>` inside a new namespace (with NETNS_ENV=1, so the script knows it is inside);
 * resolves with its exit code (output passes through). Used by the P2P e2e and the P2P bench.
 */
export function runNodeInNetns(args: string[], timeoutMs: number): Promise<number> {
  // The outer `node --test` sets NODE_TEST_CONTEXT; a child that inherits it skips its tests.
  const env: NodeJS.ProcessEnv = { ...process.env, [NETNS_ENV]: '1' };
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--net', '--', 'bash', '-c', `${SETUP}; exec "${process.execPath}" "$@"`, 'node', ...args], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const t = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the namespaced run did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(t);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}
