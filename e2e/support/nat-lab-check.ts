import { spawn, spawnSync } from 'node:child_process';
import type { NatLabSpec } from './nat-lab';

/**
 * The lab checks itself before any test relies on it (≈1 s): from every home, curl reaches a server
 * in the public namespace and the server sees the router's public address (NAT on); UDP from one
 * home socket to three public ports is seen from one port behind a cone NAT and from different
 * ports behind a symmetric one; two homes that both send UDP to each other's router at once (hole
 * punching) get through when both NATs are cone, and not when one is symmetric; the public side has
 * no route into a home; a home has no route but its router.
 */
const ECHO = `
const http = require('http'), dgram = require('dgram');
const seen = {};
const ports = [];
let ready = 0;
for (let i = 0; i < 3; i++) {
  const s = dgram.createSocket('udp4');
  s.on('message', (m, r) => { seen[m.toString()] = (seen[m.toString()] || []).concat(r.address + ':' + r.port); });
  s.bind(0, process.argv[1], () => { ports.push(s.address().port); if (++ready === 3) listen(); });
}
function listen() {
  const srv = http.createServer((q, res) => res.end(q.url === '/udp' ? JSON.stringify({ ports, seen }) : q.socket.remoteAddress));
  srv.listen(0, process.argv[1], () => console.log(srv.address().port));
}`;

const UDP_SEND = `
const s = require('dgram').createSocket('udp4');
const [host, tag, ...ports] = process.argv.slice(1);
s.bind(0, () => { let n = 0; for (const p of ports) s.send(tag, Number(p), host, () => { if (++n === ports.length) setTimeout(() => s.close(), 100); }); });`;

/** Sends to peer:port from local port `port` every 100 ms for 1.5 s; prints the sources it heard from. */
const PUNCH = `
const s = require('dgram').createSocket('udp4');
const [ip, port] = [process.argv[1], Number(process.argv[2])];
const got = new Set();
s.on('message', (m, r) => got.add(r.address + ':' + r.port));
s.bind(port, () => {
  const t = setInterval(() => s.send('punch', port, ip), 100);
  setTimeout(() => { clearInterval(t); console.log(JSON.stringify([...got])); s.close(); }, 1500);
});`;

function punch(ns: string, peerIp: string, port: number): Promise<string[]> {
  return new Promise((resolve) => {
    const c = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', PUNCH, peerIp, String(port)], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    c.stdout!.on('data', (d) => (out += d));
    c.on('exit', () => resolve(out.trim().startsWith('[') ? (JSON.parse(out) as string[]) : []));
  });
}

function exec(ns: string, args: string[], timeout = 8000) {
  return spawnSync('ip', ['netns', 'exec', ns, ...args], { encoding: 'utf8', timeout });
}

export async function checkNatLab(lab: NatLabSpec): Promise<void> {
  const server = spawn('ip', ['netns', 'exec', lab.pub, process.execPath, '-e', ECHO, lab.pubIp], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const t = setTimeout(() => reject(new Error(`NAT lab check: the echo server in ${lab.pub} did not start: ${out}`)), 8000);
      server.stdout!.on('data', (d) => {
        out += d;
        if (/\d+\n/.test(out)) {
          clearTimeout(t);
          resolve(Number(out.trim()));
        }
      });
      server.stderr!.on('data', (d) => (out += d));
    });
    const base = `http://${lab.pubIp}:${port}`;
    const udp = JSON.parse(exec(lab.pub, ['curl', '-fsS', `${base}/udp`]).stdout) as { ports: number[] };
    for (const [i, h] of lab.homes.entries()) {
      const r = exec(h.ns, ['curl', '-fsS', '--max-time', '3', `${base}/`]);
      if (r.status !== 0) throw new Error(`NAT lab check: ${h.ns} cannot reach the public server ${base}: ${r.stderr.trim()}`);
      if (r.stdout.trim() !== h.publicIp)
        throw new Error(`NAT lab check: the public server saw ${h.ns} as ${r.stdout.trim()}, not its router's ${h.publicIp} (no NAT?)`);
      const send = exec(h.ns, [process.execPath, '-e', UDP_SEND, lab.pubIp, `h${i}`, ...udp.ports.map(String)]);
      if (send.status !== 0) throw new Error(`NAT lab check: UDP from ${h.ns} failed: ${send.stderr.trim()}`);
      const routes = exec(h.ns, ['ip', 'route', 'show']).stdout.trim().split('\n');
      if (!routes.some((l) => l.startsWith('default via 192.168.1.1')) || routes.length !== 2)
        throw new Error(`NAT lab check: ${h.ns} should route only through its router: ${routes.join('; ')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    const seen = (JSON.parse(exec(lab.pub, ['curl', '-fsS', `${base}/udp`]).stdout) as { seen: Record<string, string[]> }).seen;
    for (const [i, h] of lab.homes.entries()) {
      const from = seen[`h${i}`] ?? [];
      if (from.length !== 3) throw new Error(`NAT lab check: 3 UDP packets from ${h.ns}, the public side got ${from.length}`);
      if (!from.every((a) => a.startsWith(`${h.publicIp}:`)))
        throw new Error(`NAT lab check: UDP from ${h.ns} came from ${from.join(', ')}, not its router ${h.publicIp}`);
      const distinct = new Set(from).size;
      if (h.nat === 'cone' && distinct !== 1)
        throw new Error(`NAT lab check: ${h.ns} is behind a cone NAT, yet one socket was seen from ${from.join(', ')}`);
      if (h.nat === 'symmetric' && distinct === 1)
        throw new Error(
          `NAT lab check: ${h.ns} is behind a symmetric NAT, yet one socket was seen from one port ${from[0]} by three destinations`,
        );
    }
    // Hole punching between pairs of homes (0-1, 2-3, …), all pairs at once.
    const pairs: Promise<void>[] = [];
    for (let i = 0; i + 1 < lab.homes.length; i += 2) {
      const [a, b] = [lab.homes[i], lab.homes[i + 1]];
      const port = 40_000 + i;
      pairs.push(
        Promise.all([punch(a.ns, b.publicIp, port), new Promise((r) => setTimeout(r, 200)).then(() => punch(b.ns, a.publicIp, port))]).then(
          ([atA, atB]) => {
            const through = atA.length > 0 && atB.length > 0;
            const cone = a.nat === 'cone' && b.nat === 'cone';
            if (cone && !through)
              throw new Error(
                `NAT lab check: UDP hole punching between ${a.ns} and ${b.ns} (both cone) failed: ${JSON.stringify({ atA, atB })}`,
              );
            if (!cone && through)
              throw new Error(
                `NAT lab check: UDP hole punching between ${a.ns} (${a.nat}) and ${b.ns} (${b.nat}) worked, though one NAT is symmetric`,
              );
          },
        ),
      );
    }
    await Promise.all(pairs);
    // The internet has no route to a private home.
    const into = exec(lab.pub, ['curl', '-sS', '--max-time', '2', `http://192.168.1.2:${port}/`]);
    if (into.status === 0) throw new Error('NAT lab check: the public namespace reached a home address directly');
  } finally {
    server.kill('SIGKILL');
  }
}
