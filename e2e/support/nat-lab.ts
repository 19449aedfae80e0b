import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../platform.harness';

/**
 * A NAT lab made of network namespaces (`ip netns`, as root), shaped like the internet:
 *
 *   public  (bridge br0, 203.0.113.1/24: api, web, tracker, coturn)
 *     ├── router r0  wan 203.0.113.11 ── lan 192.168.1.1 ── home h0  eth0 192.168.1.2 (default via .1)
 *     ├── router r1  wan 203.0.113.12 ── lan 192.168.1.1 ── home h1  eth0 192.168.1.2
 *     └── …
 *
 * Every home has the same private subnet, as on the internet. A router forwards (ip_forward=1) and
 * masquerades on its wan: plain MASQUERADE is a port-restricted cone NAT for UDP (endpoint-independent
 * mapping, address-and-port-dependent filtering); `--random-fully` maps each new flow to a random
 * port (symmetric-like: what a STUN server sees is not what a peer sees). Like a home router, it
 * drops whatever comes in from the wan unasked (see buildNatLab for why that matters). The public side has no
 * route to any home, and nothing is ever connected to the machine's own namespace.
 */
export type NatKind = 'cone' | 'symmetric';

export interface NatHome {
  /** Namespace of the home (its hosts: a browser, a seeder) and of its router. */
  ns: string;
  router: string;
  /** The router's public address: what the servers see as the home's address. */
  publicIp: string;
  privateIp: string;
  nat: NatKind;
}

export interface NatLabSpec {
  id: string;
  pub: string;
  pubIp: string;
  homes: NatHome[];
}

const PREFIX = 'wtnat';
export const PUBLIC_IP = '203.0.113.1';
const HOME_IP = '192.168.1.2';
const HOME_GW = '192.168.1.1';

function run(cmd: string, args: string[], timeout = 10_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { encoding: 'utf8', timeout });
}

function must(cmd: string, args: string[]): string {
  const r = run(cmd, args);
  if (r.error || r.status !== 0)
    throw new Error(`NAT lab: \`${cmd} ${args.join(' ')}\` failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
  return r.stdout;
}

/** Runs `cmd args…` inside namespace `ns`, synchronously; throws with its stderr on failure. */
function inNs(ns: string, cmd: string, args: string[]): string {
  return must('ip', ['netns', 'exec', ns, cmd, ...args]);
}

/** What this machine lacks to build the lab (one line per thing, naming how to get it), or null. */
export function natLabUnavailable(opts: { turn?: boolean; chromium?: boolean } = {}): string | null {
  const missing: string[] = [];
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    missing.push('root (network namespaces and iptables need it; run the tests as root, as CI does)');
  if (run('ip', ['-V']).error) missing.push('iproute2 (`ip`; apt-get install -y iproute2)');
  if (run('iptables', ['--version']).error) missing.push('iptables (the NAT routers; apt-get install -y iptables)');
  if (opts.turn !== false && run('turnserver', ['--version']).error)
    missing.push("coturn (`turnserver`, the platform's STUN/TURN server; apt-get install -y coturn)");
  if (opts.chromium !== false && !existsSync(CHROMIUM_PATH)) missing.push(`Chromium (${CHROMIUM_PATH}; apt-get install -y chromium)`);
  if (missing.length > 0) return missing.join('; ');
  // The kernel side: can a namespace be made and given a NAT rule?
  const probe = `${PREFIX}probe${process.pid}`;
  try {
    const add = run('ip', ['netns', 'add', probe]);
    if (add.status !== 0) return `cannot make a network namespace: ${add.stderr.trim()}`;
    const nat = run('ip', [
      'netns',
      'exec',
      probe,
      'iptables',
      '-t',
      'nat',
      '-A',
      'POSTROUTING',
      '-o',
      'lo',
      '-j',
      'MASQUERADE',
      '--random-fully',
    ]);
    if (nat.status !== 0)
      return `iptables cannot add a MASQUERADE --random-fully rule in a namespace: ${(nat.stderr || nat.error?.message || '').trim()}`;
  } finally {
    run('ip', ['netns', 'del', probe]);
  }
  return null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kills every process inside `ns` (all started by the lab's user: servers, browsers, seeders), then deletes it. */
function deleteNs(ns: string): void {
  for (let round = 0; round < 3; round++) {
    const pids = run('ip', ['netns', 'pids', ns]).stdout.split(/\s+/).filter(Boolean).map(Number);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    run('sleep', ['0.2']);
  }
  run('ip', ['netns', 'del', ns]);
}

/** Namespaces of earlier labs whose process is gone (e.g. killed with SIGKILL): removed before a new lab is made. */
function removeOrphans(): void {
  const names = run('ip', ['netns', 'list'])
    .stdout.split('\n')
    .map((l) => l.split(' ')[0])
    .filter(Boolean);
  for (const name of names) {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) deleteNs(name);
  }
}

function natRule(kind: NatKind): string[] {
  return ['-o', 'wan', '-j', 'MASQUERADE', ...(kind === 'symmetric' ? ['--random-fully'] : [])];
}

/** Builds the lab: a public namespace and `nats.length` homes, each behind a router of that NAT kind. */
export function buildNatLab(nats: NatKind[]): NatLabSpec {
  removeOrphans();
  const id = `${PREFIX}${process.pid}`;
  const spec: NatLabSpec = { id, pub: `${id}-pub`, pubIp: PUBLIC_IP, homes: [] };
  const made: string[] = [];
  const add = (ns: string) => {
    must('ip', ['netns', 'add', ns]);
    made.push(ns);
    inNs(ns, 'ip', ['link', 'set', 'lo', 'up']);
  };
  try {
    add(spec.pub);
    inNs(spec.pub, 'ip', ['link', 'add', 'br0', 'type', 'bridge']);
    inNs(spec.pub, 'ip', ['addr', 'add', `${PUBLIC_IP}/24`, 'dev', 'br0']);
    inNs(spec.pub, 'ip', ['link', 'set', 'br0', 'up']);
    nats.forEach((nat, i) => {
      const router = `${id}-r${i}`;
      const ns = `${id}-h${i}`;
      const publicIp = `203.0.113.${11 + i}`;
      add(router);
      add(ns);
      // wan: router ↔ a port of the public bridge
      must('ip', ['-n', router, 'link', 'add', 'wan', 'type', 'veth', 'peer', 'name', `p${i}`, 'netns', spec.pub]);
      inNs(spec.pub, 'ip', ['link', 'set', `p${i}`, 'master', 'br0', 'up']);
      inNs(router, 'ip', ['addr', 'add', `${publicIp}/24`, 'dev', 'wan']);
      inNs(router, 'ip', ['link', 'set', 'wan', 'up']);
      // lan: router ↔ home
      must('ip', ['-n', router, 'link', 'add', 'lan', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
      inNs(router, 'ip', ['addr', 'add', `${HOME_GW}/24`, 'dev', 'lan']);
      inNs(router, 'ip', ['link', 'set', 'lan', 'up']);
      inNs(ns, 'ip', ['addr', 'add', `${HOME_IP}/24`, 'dev', 'eth0']);
      inNs(ns, 'ip', ['link', 'set', 'eth0', 'up']);
      inNs(ns, 'ip', ['route', 'add', 'default', 'via', HOME_GW]);
      inNs(router, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
      inNs(router, 'iptables', ['-t', 'nat', '-A', 'POSTROUTING', ...natRule(nat)]);
      // A home router's firewall: nothing unsolicited comes in from the wan. Without it, a peer's first
      // (unsolicited) ICE check to the router leaves a conntrack entry that clashes with the home's own
      // mapping to that peer, MASQUERADE then picks another port, and hole punching between two cone
      // NATs fails (seen here: every wire went through TURN). Dropped in INPUT, the entry is never confirmed.
      for (const chain of ['INPUT', 'FORWARD']) {
        inNs(router, 'iptables', ['-A', chain, '-i', 'wan', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
        inNs(router, 'iptables', ['-A', chain, '-i', 'wan', '-j', 'DROP']);
      }
      spec.homes.push({ ns, router, publicIp, privateIp: HOME_IP, nat });
    });
  } catch (err) {
    for (const ns of made.reverse()) deleteNs(ns);
    throw err;
  }
  return spec;
}

/** Switches a home's router to another NAT kind; flows it already mapped keep their mapping until they expire. */
export function setNat(home: NatHome, nat: NatKind): void {
  inNs(home.router, 'iptables', ['-t', 'nat', '-F', 'POSTROUTING']);
  inNs(home.router, 'iptables', ['-t', 'nat', '-A', 'POSTROUTING', ...natRule(nat)]);
  home.nat = nat;
}

/** Kills everything left in the lab's namespaces and deletes them. Safe to call twice. */
export function destroyNatLab(spec: NatLabSpec): void {
  for (const h of spec.homes) {
    deleteNs(h.ns);
    deleteNs(h.router);
  }
  deleteNs(spec.pub);
}
