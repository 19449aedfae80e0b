/**
 * A headless viewer's swarm side, in Node: what web/lib/p2p/swarm-client.ts does in the page, with
 * webtorrent 3.0.21's Node build (WebRTC through webrtc-polyfill / node-datachannel, the seeder's
 * end-of-candidates fix applied), the page's memory store and .torrent stripping (no web seed, the
 * session's tracker only, no ICE servers, DHT, LSD or PEX), and the page's receipts: blocks counted per
 * piece and sender (PieceLedger), a signed cumulative receipt (ReceiptIssuer) over `wt_receipt` to each
 * peer that served a verified segment, and receipts from others checked by a ReceiptBook.
 *
 * Differences from the page, on purpose (CPU on a 2-core bench machine): it joins only the swarms of
 * the renditions it plays (the page joins every rendition's), and hashes with Node's crypto.
 */
import { createHash } from 'node:crypto';
import { NodeEd25519Verifier, PieceLedger, ReceiptBook, type ReceiptExtension, receiptExtension, type ReceiptIssuer } from '@wetube/swarm';
import { patchEndOfCandidates, polyfillIceServers } from '../../apps/seeder/src/webtorrent.repository';
import { pathOf, type PathType } from '../../web/lib/p2p/path-kind';
import { MemoryChunkStore } from '../../web/lib/p2p/memory-store';
import { stripWebSeedAndTrackers } from '../../web/lib/p2p/torrent-file';

interface Wire {
  type?: string;
  peerId?: string;
  peerPieces: { get(i: number): boolean };
  wt_receipt?: ReceiptExtension;
  use(ext: unknown): void;
  destroy(): void;
  have(i: number): void;
  on(ev: 'piece', fn: (index: number, offset: number, block: Uint8Array) => void): void;
}
interface TorrentFile {
  path: string;
  length: number;
  offset: number;
  _startPiece: number;
  _endPiece: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
interface Torrent {
  files: TorrentFile[];
  wires: Wire[];
  pieces: unknown[];
  pieceLength: number;
  length: number;
  uploaded: number;
  destroyed: boolean;
  store: { put(i: number, b: Uint8Array, cb: (e: Error | null) => void): void };
  _hashes: string[];
  _peers?: Map<
    string,
    {
      wire?: Wire | null;
      conn?: { _pc?: { getSelectedCandidatePair(): { local?: { type?: string }; remote?: { type?: string } } | null } | null } | null;
    }
  > | null;
  _markVerified(i: number): void;
  _checkDone(): void;
  on(ev: string, fn: (...a: never[]) => void): void;
  once(ev: string, fn: (...a: never[]) => void): void;
}
interface Client {
  add(t: Uint8Array, opts: Record<string, unknown>, cb?: (t: Torrent) => void): Torrent;
  destroy(cb?: (e?: Error) => void): void;
  on(ev: 'error', fn: (e: Error) => void): void;
}

interface Rendition {
  torrent: Torrent;
  files: Map<string, TorrentFile>;
  httpBytes: Map<string, Uint8Array>;
  ledger: PieceLedger<Wire>;
}

export interface SwarmCounters {
  receiptsSent: number;
  receiptsAccepted: number;
  receiptsRefused: number;
  receiptedBytes: number;
  rejectedSegments: number;
  uploaded: number;
  wires: number;
  /** Block bytes received from peers over direct (host, srflx, prflx) and relayed (TURN) wires. */
  bytesDirect: number;
  bytesRelayed: number;
  /** Bytes received whose wire had no selected candidate pair to read (should stay 0). */
  bytesUnknownPath: number;
}

export interface HeadlessSwarmOptions {
  /** The session's WebSocket tracker(s). */
  trackers: string[];
  /** rendition → its .torrent bytes (as the origin serves it). */
  torrents: Map<string, Uint8Array>;
  /** path → sha256 (hex) and CID, from the signed manifest. */
  sha256: Map<string, string>;
  cid: Map<string, string>;
  localPeerId: string;
  originPublicKey: Uint8Array;
  issuer: ReceiptIssuer;
  /** Every block from a peer (the fetch policy's peer rate). */
  onBlock: (bytes: number) => void;
  /** The session's STUN/TURN servers (none: host candidates only, as on one network). */
  iceServers?: { urls: string[]; username?: string | null; credential?: string | null }[];
}

async function importEsm<T>(specifier: string): Promise<T> {
  return (await import(specifier)) as T;
}

let loaded: Promise<new (o: unknown) => Client> | undefined;

/**
 * webtorrent and the WebRTC polyfill, loaded once per process (the seeder's end-of-candidates fix
 * applied). A process loads them before its viewers start: loading blocks the event loop for a
 * second or more, which every viewer of the process would otherwise count as lag.
 */
export function loadWebTorrent(): Promise<new (o: unknown) => Client> {
  loaded ??= (async () => {
    await patchEndOfCandidates();
    return (await importEsm<{ default: new (o: unknown) => Client }>('webtorrent')).default;
  })();
  return loaded;
}

export class HeadlessSwarm {
  private client: Client | null = null;
  private readonly renditions = new Map<string, Rendition>();
  private readonly book: ReceiptBook;
  private readonly Extension: unknown;
  private readonly banned = new Set<string>();
  readonly counters: SwarmCounters = {
    receiptsSent: 0,
    receiptsAccepted: 0,
    receiptsRefused: 0,
    receiptedBytes: 0,
    rejectedSegments: 0,
    uploaded: 0,
    wires: 0,
    bytesDirect: 0,
    bytesRelayed: 0,
    bytesUnknownPath: 0,
  };
  /** Each wire's path, read from its connection's selected candidate pair at most once a second. */
  private readonly paths = new WeakMap<Wire, { path: PathType | null; at: number }>();

  constructor(private readonly opts: HeadlessSwarmOptions) {
    this.book = new ReceiptBook({ peerId: opts.localPeerId, originPublicKey: opts.originPublicKey, verifier: new NodeEd25519Verifier() });
    this.Extension = receiptExtension({ localPeerId: opts.localPeerId, onReceipt: (m) => void this.accept(m) });
  }

  private async accept(message: Uint8Array): Promise<void> {
    const d = await this.book.accept(message);
    if (d.accepted) {
      this.counters.receiptsAccepted++;
      this.counters.receiptedBytes += d.added.bytes;
    } else this.counters.receiptsRefused++;
  }

  async start(): Promise<void> {
    const WebTorrent = await loadWebTorrent();
    const client = new WebTorrent({
      tracker: {
        rtcConfig: {
          iceServers: polyfillIceServers(
            (this.opts.iceServers ?? []).map((x) => ({
              urls: x.urls,
              username: x.username ?? undefined,
              credential: x.credential ?? undefined,
            })),
          ),
        },
      },
      dht: false,
      lsd: false,
      utp: false,
      utPex: false,
      natUpnp: false,
      natPmp: false,
      webSeeds: false,
      // No TCP peers: WebRTC only, as in the page.
      torrentPort: 0,
    });
    this.client = client;
    client.on('error', () => undefined);
    await Promise.all(
      [...this.opts.torrents].map(
        ([name, bytes]) =>
          new Promise<void>((resolve, reject) => {
            const torrent = client.add(
              stripWebSeedAndTrackers(bytes),
              { announce: this.opts.trackers, store: MemoryChunkStore, storeCacheSlots: 0, deselect: true },
              () => resolve(),
            );
            torrent.once('error', (e: Error) => reject(e));
            this.track(name, torrent);
          }),
      ),
    );
  }

  private track(name: string, torrent: Torrent): void {
    const r: Rendition = { torrent, files: new Map(), httpBytes: new Map(), ledger: new PieceLedger<Wire>() };
    this.renditions.set(name, r);
    const index = () => {
      for (const f of torrent.files) r.files.set(f.path.replace(/\\/g, '/').split('/').slice(1).join('/'), f);
    };
    if (torrent.files?.length) index();
    torrent.on('metadata', index);
    torrent.on('ready', index);
    torrent.on('wire', (wire: Wire) => {
      if (wire.peerId && this.banned.has(wire.peerId)) return wire.destroy();
      wire.use(this.Extension);
      wire.on('piece', (i, _o, block) => {
        r.ledger.received(i, wire, block.length);
        this.opts.onBlock(block.length);
        const path = this.pathOf(torrent, wire);
        if (path === 'relay') this.counters.bytesRelayed += block.length;
        else if (path) this.counters.bytesDirect += block.length;
        else this.counters.bytesUnknownPath += block.length;
      });
    });
  }

  /** The wire's path (webrtc-polyfill's selected pair: node-datachannel's candidate types), re-read every second. */
  private pathOf(torrent: Torrent, wire: Wire): PathType | null {
    const known = this.paths.get(wire);
    const now = performance.now();
    if (known && now - known.at < 1000) return known.path;
    let path: PathType | null = known?.path ?? null;
    const peer = [...(torrent._peers?.values() ?? [])].find((p) => p.wire === wire);
    try {
      const pair = peer?.conn?._pc?.getSelectedCandidatePair();
      if (pair?.local?.type && pair.remote?.type) path = pathOf(pair.local.type, pair.remote.type);
    } catch {
      /* the connection closed meanwhile */
    }
    this.paths.set(wire, { path, at: now });
    return path;
  }

  private lookup(key: string): { r: Rendition; file: TorrentFile } | null {
    const r = this.renditions.get(key.split('/')[0]);
    const file = r?.files.get(key);
    return r && file && !r.torrent.destroyed ? { r, file } : null;
  }

  /** Connected WebRTC wires, all swarms. */
  wires(): number {
    let n = 0;
    for (const r of this.renditions.values()) n += r.torrent.wires.filter((w) => w.type !== 'webSeed').length;
    return n;
  }

  /** True when the store or connected peers hold every piece of the file. */
  available(key: string): boolean {
    const hit = this.lookup(key);
    if (!hit) return false;
    const wires = hit.r.torrent.wires.filter((w) => w.type !== 'webSeed');
    for (let i = hit.file._startPiece; i <= hit.file._endPiece; i++) {
      if (hit.r.torrent.pieces[i] === null) continue;
      if (!wires.some((w) => w.peerPieces.get(i))) return false;
    }
    return true;
  }

  /** A peer is connected in the file's swarm (waiting may pay off). */
  hasPeers(key: string): boolean {
    return !!this.lookup(key)?.r.torrent.wires.some((w) => w.type !== 'webSeed');
  }

  /** The file from the swarm, checked against the manifest; receipts to the peers that served it. */
  async fetch(key: string): Promise<Uint8Array> {
    const hit = this.lookup(key);
    if (!hit) throw new Error('not in the swarm');
    const { r, file } = hit;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') === this.opts.sha256.get(key)) {
      void this.settle(r.ledger, file._startPiece, file._endPiece, this.opts.cid.get(key));
      return bytes;
    }
    this.counters.rejectedSegments++;
    for (let i = file._startPiece; i <= file._endPiece; i++) {
      for (const w of r.ledger.sendersOf(i)) {
        if (w.peerId) this.banned.add(w.peerId);
        w.destroy();
      }
      r.ledger.reset(i);
    }
    throw new Error(`sha256 mismatch for ${key}`);
  }

  private async settle(ledger: PieceLedger<Wire>, from: number, to: number, segmentCid: string | undefined): Promise<void> {
    if (!segmentCid) return;
    for (const [wire, bytes] of ledger.settle(from, to)) {
      const ext = wire.wt_receipt;
      if (!ext?.remotePeerId || !ext.supported) continue;
      try {
        if (ext.send(await this.opts.issuer.credit(ext.remotePeerId, bytes, segmentCid))) this.counters.receiptsSent++;
      } catch {
        /* the wire closed meanwhile */
      }
    }
  }

  /** Bytes got over HTTP go into the torrent (each piece checked against its SHA-1), so this peer seeds them. */
  async seedFromHttp(key: string, bytes: Uint8Array): Promise<void> {
    const hit = this.lookup(key);
    if (!hit || bytes.length !== hit.file.length) return;
    const { r, file } = hit;
    r.httpBytes.set(key, bytes);
    const t = r.torrent;
    for (let i = file._startPiece; i <= file._endPiece; i++) {
      if (t.pieces[i] === null) continue;
      const start = i * t.pieceLength;
      const end = Math.min(start + t.pieceLength, t.length);
      const piece = new Uint8Array(end - start);
      let complete = true;
      for (const [k, f] of r.files) {
        if (f.offset >= end || f.offset + f.length <= start) continue;
        const b = r.httpBytes.get(k);
        if (!b) {
          complete = false;
          break;
        }
        const from = Math.max(start, f.offset);
        const to = Math.min(end, f.offset + f.length);
        piece.set(b.subarray(from - f.offset, to - f.offset), from - start);
      }
      if (!complete || createHash('sha1').update(piece).digest('hex') !== t._hashes[i] || t.destroyed || t.pieces[i] === null) continue;
      await new Promise<void>((resolve) =>
        t.store.put(i, piece, (err) => {
          if (!err && !t.destroyed && t.pieces[i] !== null) {
            t._markVerified(i);
            r.ledger.forgo(i); // from HTTP: the peers that sent some of its blocks are not paid for it
            for (const w of t.wires) w.have(i);
            t._checkDone();
          }
          resolve();
        }),
      );
    }
    for (const [k] of r.httpBytes) {
      const f = r.files.get(k);
      if (f && Array.from({ length: f._endPiece - f._startPiece + 1 }, (_, j) => t.pieces[f._startPiece + j]).every((p) => p === null))
        r.httpBytes.delete(k);
    }
  }

  /** The counters, with the bytes uploaded and the wires connected now. */
  snapshot(): SwarmCounters {
    let uploaded = 0;
    for (const r of this.renditions.values()) uploaded += r.torrent.uploaded ?? 0;
    return {
      ...this.counters,
      uploaded: Math.max(uploaded, this.counters.uploaded),
      wires: this.renditions.size ? this.wires() : this.counters.wires,
    };
  }

  destroy(): Promise<void> {
    Object.assign(this.counters, this.snapshot());
    const client = this.client;
    this.client = null;
    this.renditions.clear();
    return new Promise((resolve) => {
      if (!client) return resolve();
      try {
        client.destroy(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}
