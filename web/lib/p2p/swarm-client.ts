'use client';

/**
 * The page's WebTorrent client: one torrent per rendition (from its .torrent, web seed and announce
 * list removed; trackers from the playback session only; the session's ICE servers — the platform's
 * own STUN/TURN, never a public one —; no DHT or LSD; memory store).
 * Fetches segments from peers on request, hash-checks each against manifest.json, puts what the page
 * got over HTTP into the torrent (checked against the piece hashes) so the page seeds what it holds.
 */
import { PieceLedger } from '@wetube/receipts';
import type { ContentIndex } from './manifest';
import { digestHex, matchesManifest } from './manifest';
import { MemoryChunkStore } from './memory-store';
import type { PayableWire, PeerPayments } from './peer-payments';
import { p2pStats } from './p2p-stats';
import type { PlaybackSession } from './session';
import { stripWebSeedAndTrackers } from './torrent-file';
import { type RtcPeerLike, rtcIceServers, WirePaths } from './wire-paths';

/* The slice of WebTorrent's (untyped) browser API used here. */
interface Wire extends PayableWire {
  type?: string;
  /** The remote's BitTorrent peer id (hex), known once the handshake is done. */
  peerId?: string;
  peerPieces: { get(i: number): boolean };
  destroy(): void;
  have(i: number): void;
  on(ev: 'close', fn: () => void): void;
  on(ev: 'download', fn: (bytes: number) => void): void;
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
  _markVerified(i: number): void;
  _markUnverified(i: number): void;
  _checkDone(): void;
  on(ev: string, fn: (...a: never[]) => void): void;
  once(ev: string, fn: (...a: never[]) => void): void;
  /** WebTorrent's peers by id (each WebRTC peer holds its RTCPeerConnection). */
  _peers?: Map<string, RtcPeerLike> | null;
  /** torrent-discovery; its bittorrent-tracker client emits 'update' with the swarm's counts. */
  discovery?: { tracker?: { on(ev: 'update', fn: (d: { complete?: number; incomplete?: number }) => void): void } | null } | null;
}
interface Client {
  add(t: Uint8Array, opts: Record<string, unknown>, cb?: (t: Torrent) => void): Torrent;
  destroy(cb?: (e?: Error) => void): void;
  on(ev: 'error', fn: (e: Error) => void): void;
}

interface Rendition {
  name: string;
  torrent: Torrent;
  /** `<rendition>/<file>` → torrent file. */
  files: Map<string, TorrentFile>;
  /** Files the page got over HTTP, kept until every piece they touch is in the store. */
  httpBytes: Map<string, Uint8Array>;
  /** Other peers in this swarm by the tracker's last answer (null until it answered). */
  othersInSwarm: number | null;
  /** Bytes each wire sent per piece: receipts for good pieces, disconnection for bad ones. */
  ledger: PieceLedger<Wire>;
}

/** After this long with others in the swarm but none connected, they are taken as unreachable. */
const CONNECT_GRACE_MS = 8000;

export class SwarmClient {
  private client: Client | null = null;
  private readonly renditions = new Map<string, Rendition>();
  private destroyed = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private runningSince = 0;
  /** Peers that sent data failing a hash check: dropped, and refused if they come back. */
  private readonly banned = new Set<string>();
  /** Direct or relayed: the path of each WebRTC wire, and bytes counted by path. */
  private readonly paths = new WirePaths();

  constructor(
    private readonly videoId: string,
    private readonly session: PlaybackSession,
    private readonly index: ContentIndex,
    private readonly payments: PeerPayments,
  ) {}

  async start(): Promise<void> {
    const trackers = this.session.trackerUrls.filter((u) => /^wss?:\/\//.test(u));
    if (trackers.length === 0) throw new Error('the session names no WebSocket tracker');
    const mod = (await import('webtorrent/dist/webtorrent.min.js')) as { default: new (opts: unknown) => Client };
    if (this.destroyed) return;
    const WebTorrent = mod.default;
    const client = new WebTorrent({
      tracker: { rtcConfig: { iceServers: rtcIceServers(this.session.iceServers ?? []) } },
      dht: false,
      lsd: false,
      utPex: false,
      webSeeds: false,
    });
    this.client = client;
    client.on('error', (e) => this.fail(e));
    await Promise.all(
      this.index.swarms.map(async (s) => {
        const res = await fetch(s.torrentUrl, { credentials: 'include' });
        if (!res.ok) throw new Error(`${s.rendition}.torrent: HTTP ${res.status}`);
        const bytes = stripWebSeedAndTrackers(new Uint8Array(await res.arrayBuffer()));
        if (this.destroyed) return;
        await new Promise<void>((resolve, reject) => {
          // Each swarm announces to its own tracker shard; the session's trackers if it names none.
          const own = (s.trackerUrls ?? []).filter((u) => /^wss?:\/\//.test(u));
          const announce = own.length > 0 ? own : trackers;
          const torrent = client.add(bytes, { announce, store: MemoryChunkStore, storeCacheSlots: 0, deselect: true }, () => resolve());
          torrent.once('error', (e: Error) => reject(e));
          this.track(s.rendition, torrent);
        });
      }),
    );
    this.runningSince = performance.now();
    this.timer = setInterval(() => this.updateCounters(), 500);
  }

  private track(name: string, torrent: Torrent): void {
    const r: Rendition = {
      name,
      torrent,
      files: new Map(),
      httpBytes: new Map(),
      othersInSwarm: null,
      ledger: new PieceLedger<Wire>(),
    };
    this.renditions.set(name, r);
    let listening = false;
    const index = () => {
      for (const f of torrent.files) {
        const rel = f.path.replace(/\\/g, '/').split('/').slice(1).join('/');
        r.files.set(rel, f);
      }
      // The tracker counts this page too once it announced.
      const tracker = torrent.discovery?.tracker;
      if (tracker && !listening) {
        listening = true;
        tracker.on('update', (d) => (r.othersInSwarm = Math.max(0, (d.complete ?? 0) + (d.incomplete ?? 0) - 1)));
      }
    };
    if (torrent.files?.length) index();
    torrent.on('metadata', index);
    torrent.on('ready', index);
    torrent.on('wire', (wire: Wire) => {
      if (wire.peerId && this.banned.has(wire.peerId)) return wire.destroy();
      this.payments.attach(wire, r.ledger);
      if (wire.type === 'webrtc') {
        this.paths.watch(wire, () => torrent._peers?.values());
        wire.on('close', () => this.paths.closed(wire));
      }
    });
    // WebTorrent checks every piece against its SHA-1 and asks again; the peers that sent it go.
    torrent.on('warning', (err: Error) => {
      const bad = /^Piece (\d+) failed verification/.exec(err?.message ?? '');
      if (!bad) return;
      p2pStats.rejectedPieces++;
      const index = Number(bad[1]);
      this.drop(r.ledger.sendersOf(index));
      r.ledger.reset(index);
    });
  }

  /** Disconnects peers that sent bad data and refuses them from now on. */
  private drop(wires: Iterable<Wire>): void {
    for (const w of [...wires]) {
      if (w.peerId) this.banned.add(w.peerId);
      p2pStats.droppedPeers++;
      w.destroy();
    }
  }

  private fail(e: Error): void {
    p2pStats.state = 'error';
    p2pStats.error = e.message;
    this.destroy();
  }

  private updateCounters(): void {
    let peers = 0;
    let uploaded = 0;
    for (const r of this.renditions.values()) {
      if (r.torrent.destroyed) continue;
      peers += r.torrent.wires.filter((w) => w.type !== 'webSeed').length;
      uploaded += r.torrent.uploaded;
    }
    p2pStats.peers = peers;
    p2pStats.bytesUploaded = Math.max(p2pStats.bytesUploaded, uploaded);
  }

  /** `<rendition>/<file>` of an origin URL of this video, or null. */
  keyOf(url: string): string | null {
    const m = /\/hls\/([^/]+)\/([^/?#]+\/[^/?#]+)(?:[?#]|$)/.exec(url);
    return m && decodeURIComponent(m[1]) === this.videoId ? m[2] : null;
  }

  private lookup(key: string): { r: Rendition; file: TorrentFile } | null {
    const r = this.renditions.get(key.split('/')[0]);
    const file = r?.files.get(key);
    return r && file && !r.torrent.destroyed ? { r, file } : null;
  }

  /** True when the store or connected peers hold every piece of the file. */
  available(key: string): boolean {
    const hit = this.lookup(key);
    if (!hit) return false;
    const { r, file } = hit;
    const wires = r.torrent.wires.filter((w) => w.type !== 'webSeed');
    for (let i = file._startPiece; i <= file._endPiece; i++) {
      if (r.torrent.pieces[i] === null) continue;
      if (!wires.some((w) => w.peerPieces.get(i))) return false;
    }
    return true;
  }

  /**
   * Whether waiting for peers may pay off for this file: a peer is connected, or the tracker has
   * not answered yet, or it named others and the connection grace has not run out.
   */
  peersMayCome(key: string): boolean {
    const hit = this.lookup(key);
    if (!hit) return false;
    const { r } = hit;
    if (r.torrent.wires.some((w) => w.type !== 'webSeed')) return true;
    const fresh = performance.now() - this.runningSince < CONNECT_GRACE_MS;
    return fresh && (r.othersInSwarm === null || r.othersInSwarm > 0);
  }

  /** Next files of the same rendition after `key`, in torrent order. */
  nextKeys(key: string, n: number): string[] {
    const r = this.renditions.get(key.split('/')[0]);
    if (!r) return [];
    const keys = [...r.files.keys()];
    const at = keys.indexOf(key);
    return at < 0 ? [] : keys.slice(at + 1, at + 1 + n);
  }

  /** The file's bytes from the swarm, checked against manifest.json; a mismatch drops the peers involved. */
  async fetch(key: string): Promise<Uint8Array> {
    const hit = this.lookup(key);
    if (!hit) throw new Error('not in the swarm');
    const { r, file } = hit;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (await matchesManifest(this.index, key, bytes)) {
      void this.payments.settle(r.ledger, file._startPiece, file._endPiece, this.index.cid.get(key));
      return bytes;
    }
    p2pStats.rejectedSegments++;
    // The peers that sent this file's (not yet paid) pieces: the ledger knows them.
    const senders = new Set<Wire>();
    for (let i = file._startPiece; i <= file._endPiece; i++) for (const w of r.ledger.sendersOf(i)) senders.add(w);
    this.drop(senders);
    for (let i = file._startPiece; i <= file._endPiece; i++) {
      r.torrent._markUnverified(i);
      r.ledger.reset(i);
    }
    throw new Error(`sha256 mismatch for ${key}`);
  }

  /** Adds bytes the page got over HTTP to the torrent (each piece checked against its SHA-1) so it seeds them. */
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
      if (!complete || (await digestHex('SHA-1', piece)) !== t._hashes[i] || t.destroyed || t.pieces[i] === null) continue;
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
    // Forget HTTP copies whose pieces are all in the store now.
    for (const [k, b] of r.httpBytes) {
      const f = r.files.get(k);
      if (
        f &&
        b &&
        Array.from({ length: f._endPiece - f._startPiece + 1 }, (_, j) => t.pieces[f._startPiece + j]).every((p) => p === null)
      ) {
        r.httpBytes.delete(k);
      }
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.timer) clearInterval(this.timer);
    this.updateCounters();
    p2pStats.peers = 0;
    const client = this.client;
    this.client = null;
    this.renditions.clear();
    try {
      client?.destroy(() => undefined);
    } catch {
      /* already gone */
    }
  }
}
