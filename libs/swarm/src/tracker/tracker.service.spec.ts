import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { importEsm } from '../esm';
import { TrackerService, UNKNOWN_INFO_HASH_REASON, type TrackerOptions } from './tracker.service';

const KNOWN = 'aa'.repeat(20);
const UNKNOWN = 'bb'.repeat(20);
const pct = (hex: string) => hex.replace(/../g, '%$&');
const bin = (hex: string) => Buffer.from(hex, 'hex').toString('latin1');
const peerId = (n: number) => `-WW0001-${String(n).padStart(12, '0')}`; // 20 characters

// ws ships no types here; the part used by this test:
interface WebSocket {
  once(event: 'open', cb: () => void): WebSocket;
  once(event: 'error', cb: (err: Error) => void): WebSocket;
  once(event: 'message', cb: (data: Buffer) => void): WebSocket;
  send(data: string): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WebSocket = require('ws') as new (url: string) => WebSocket;

type Bencode = { decode(b: Uint8Array): Record<string, unknown> };
/** Bencoded strings come back as bytes: turn them into text, except 20-byte peer ids. */
function toText(v: unknown, key = ''): unknown {
  if (v instanceof Uint8Array) return key === 'peer id' ? v : Buffer.from(v).toString('utf8');
  if (Array.isArray(v)) return v.map((x) => toText(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toText(x, k)]));
  return v;
}

async function startApi(options: Partial<TrackerOptions> = {}) {
  const tracker = new TrackerService({ isKnownInfoHash: async (h) => h === KNOWN, ...options });
  // Stands in for the api: its own routes, with the tracker's paths handled before them.
  const server = http.createServer((req, res) => {
    if (tracker.handleHttp(req, res)) return;
    res.writeHead(200).end('api');
  });
  await tracker.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    tracker,
    base,
    close: async () => {
      await tracker.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('TrackerService', () => {
  let bencode: Bencode;
  let api: Awaited<ReturnType<typeof startApi>>;

  before(async () => {
    bencode = (await importEsm<{ default: Bencode }>('bencode')).default;
    api = await startApi();
  });
  after(() => api.close());

  async function announce(base: string, infoHash: string, n: number, port = 6881 + n) {
    const url =
      `http://${base}/tracker/announce?info_hash=${pct(infoHash)}&peer_id=${encodeURIComponent(peerId(n))}` +
      `&port=${port}&uploaded=0&downloaded=0&left=0&compact=0&event=started`;
    const res = await fetch(url);
    assert.equal(res.status, 200);
    return toText(bencode.decode(new Uint8Array(await res.arrayBuffer()))) as Record<string, unknown>;
  }

  it('shares the api server: the api’s own routes still answer', async () => {
    assert.equal(await (await fetch(`http://${api.base}/api/config`)).text(), 'api');
  });

  it('an HTTP announce for a known infohash succeeds and lists the other peers', async () => {
    const first = await announce(api.base, KNOWN, 1);
    assert.equal(first['failure reason'], undefined);
    const second = await announce(api.base, KNOWN, 2);
    assert.equal(second['failure reason'], undefined);
    assert.equal(typeof second.interval, 'number');
    const peers = second.peers as Array<{ ip: string; port: number }>;
    // bittorrent-tracker's HTTP answer lists the announcing peer too; the first peer must be there
    assert.deepEqual(peers.map((p) => `${p.ip}:${p.port}`).sort(), ['127.0.0.1:6882', '127.0.0.1:6883']);
    assert.equal(second.complete, 2);
  });

  it('an unknown infohash is refused with the filter’s reason', async () => {
    const r = await announce(api.base, UNKNOWN, 3);
    assert.equal(r['failure reason'], UNKNOWN_INFO_HASH_REASON);
    assert.equal(api.tracker.peerCount(UNKNOWN), 0);
  });

  it('a burst beyond the per-IP rate limit is refused', async () => {
    const limited = await startApi({ rateLimit: { burst: 3, perSecond: 0.01 }, ipRateLimit: { burst: 3, perSecond: 0.01 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await announce(limited.base, KNOWN, 10 + i))['failure reason'], undefined);
      const over = await announce(limited.base, KNOWN, 13);
      assert.match(String(over['failure reason']), /Too many announces from 127\.0\.0\.1: the limit is 3 at once/);
    } finally {
      await limited.close();
    }
  });

  it('many viewers behind one IP (office NAT) each get their own limit; one peer id past it is refused; the IP ceiling still holds', async () => {
    const office = await startApi({ rateLimit: { burst: 3, perSecond: 0.01 }, ipRateLimit: { burst: 30, perSecond: 0.1 } });
    try {
      // 8 viewers, 3 announces each (one per rendition): 24 announces from 127.0.0.1, none refused.
      for (let round = 0; round < 3; round++) {
        for (let v = 0; v < 8; v++)
          assert.equal((await announce(office.base, KNOWN, 30 + v))['failure reason'], undefined, `viewer ${v} round ${round}`);
      }
      const spammer = await announce(office.base, KNOWN, 30);
      assert.match(
        String(spammer['failure reason']),
        /Too many announces from 127\.0\.0\.1 for peer [0-9a-f]{40}: the limit is 3 at once and 0\.01 per second; retry in \d+ s/,
      );
      // The refused announce did not count against the IP: 24 so far, 6 more fit under the ceiling of 30.
      for (let v = 8; v < 14; v++) assert.equal((await announce(office.base, KNOWN, 30 + v))['failure reason'], undefined, `viewer ${v}`);
      const ceiling = await announce(office.base, KNOWN, 50);
      assert.match(String(ceiling['failure reason']), /Too many announces from 127\.0\.0\.1: the limit is 30 at once/);
    } finally {
      await office.close();
    }
  });

  it('WebSocket announces on /tracker relay a WebRTC offer to a known swarm; unknown is refused', async () => {
    const open = async () => {
      const ws = new WebSocket(`ws://${api.base}/tracker`);
      await new Promise((resolve, reject) => ws.once('open', () => resolve(undefined)).once('error', reject));
      return ws;
    };
    const next = (ws: WebSocket) =>
      new Promise<Record<string, unknown>>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    const a = await open();
    const b = await open();
    try {
      const base = { action: 'announce', info_hash: bin(KNOWN), uploaded: 0, downloaded: 0, left: 0, event: 'started' };
      const aReply = next(a);
      a.send(JSON.stringify({ ...base, peer_id: peerId(20), numwant: 0, offers: [] }));
      const ra = await aReply;
      assert.equal(ra['failure reason'], undefined);
      assert.equal(ra.action, 'announce');

      const offerAtA = next(a);
      const bReply = next(b);
      const offer = { type: 'offer', sdp: 'v=0 fake' };
      b.send(JSON.stringify({ ...base, peer_id: peerId(21), numwant: 1, offers: [{ offer, offer_id: 'o'.repeat(20) }] }));
      assert.equal((await bReply)['failure reason'], undefined);
      const relayed = await offerAtA;
      assert.deepEqual(relayed.offer, offer);
      assert.equal(relayed.peer_id, peerId(21));

      const refused = next(b);
      b.send(JSON.stringify({ ...base, info_hash: bin(UNKNOWN), peer_id: peerId(21), numwant: 0, offers: [] }));
      assert.equal((await refused)['failure reason'], UNKNOWN_INFO_HASH_REASON);
    } finally {
      a.close();
      b.close();
    }
  });

  it('an upgrade on another path is refused, not left hanging', async () => {
    const ws = new WebSocket(`ws://${api.base}/elsewhere`);
    const err = await new Promise<Error>((resolve) => ws.once('error', resolve));
    assert.match(err.message, /404/);
  });
});
