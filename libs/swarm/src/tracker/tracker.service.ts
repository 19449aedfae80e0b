import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { RateLimiterFactory, type RateLimit, type RateLimiter } from '@wetube/platform';
import { importEsm } from '../esm';

export const SWARM_TRACKER_OPTIONS = Symbol('SWARM_TRACKER_OPTIONS');

export interface TrackerOptions {
  /** True if the platform published this torrent (40-char lower-case hex infohash). */
  isKnownInfoHash(infoHash: string): Promise<boolean>;
  /**
   * Announce limit per (client IP, peer id): HTTP and WebSocket announces, WebRTC answers included.
   * Default 30 at once, 3/s. Many viewers behind one NAT share an IP but each has its own peer id.
   */
  rateLimit?: RateLimit;
  /** Ceiling per client IP whatever the peer ids (default: 10 times `rateLimit`). */
  ipRateLimit?: RateLimit;
  /**
   * Where the limits are counted: a RateLimiterFactory backed by Redis shares them across tracker
   * processes. Default: this process's memory.
   */
  limits?: RateLimiterFactory;
  /** Announce interval told to clients (ms). Default 120 000 (WebSocket clients get a fifth of it). */
  intervalMs?: number;
  /** Take the client IP from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** WebSocket upgrade path (default /tracker). */
  wsPath?: string;
  /** HTTP announce path (default /tracker/announce); scrape is the same with /scrape. */
  announcePath?: string;
  /** How long an isKnownInfoHash answer is cached (ms): known 60 000, unknown 5 000 by default. */
  knownCacheMs?: number;
  unknownCacheMs?: number;
}

export const UNKNOWN_INFO_HASH_REASON = 'Unknown info_hash: this tracker serves only torrents published by this platform';
export const TRACKER_UNAVAILABLE_REASON = 'Tracker temporarily unavailable, retry later';

/** The part of bittorrent-tracker's Server used here. */
interface TrackerServer {
  ws: {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, cb: (ws: unknown) => void): void;
    emit(event: 'connection', ws: unknown, req: IncomingMessage): boolean;
  };
  torrents: Record<string, { peers: { length: number } } | undefined>;
  onHttpRequest(req: IncomingMessage, res: ServerResponse, opts?: { action?: 'announce' | 'scrape' }): void;
  on(event: 'warning' | 'error', cb: (err: Error) => void): void;
  close(cb?: () => void): void;
}
type FilterCb = (err: Error | null) => void;
interface AnnounceParams {
  ip?: string;
  /** 40 hex characters (bittorrent-tracker converts the 20-byte id). */
  peer_id?: string;
  type?: 'http' | 'ws';
}

/**
 * The platform's BitTorrent tracker: bittorrent-tracker's Server with HTTP and WebSocket and no UDP,
 * sharing the api's HTTP server (no port of its own): WebSocket upgrades on `/tracker`, HTTP
 * announces on `/tracker/announce`, scrapes on `/tracker/scrape`. Its built-in HTTP server, stats page
 * and UDP are off. Announces pass a limit per (IP, peer id) and a larger one per IP (in Redis when the given
 * RateLimiterFactory has it, so several tracker processes share them), then `isKnownInfoHash`.
 */
@Injectable()
export class TrackerService implements OnModuleDestroy {
  private readonly logger = new Logger(TrackerService.name);
  private readonly perPeer: RateLimiter;
  private readonly perIp: RateLimiter;
  private readonly known = new Map<string, { known: boolean; until: number }>();
  private readonly wsPath: string;
  private readonly announcePath: string;
  private readonly scrapePath: string;
  private server?: Promise<TrackerServer>;
  private ready?: TrackerServer;
  private readonly attached: Array<{ server: HttpServer; onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void }> = [];

  constructor(@Optional() @Inject(SWARM_TRACKER_OPTIONS) private readonly options: TrackerOptions) {
    if (!options?.isKnownInfoHash) throw new Error('TrackerService needs isKnownInfoHash');
    const perPeer = options.rateLimit ?? { burst: 30, perSecond: 3 };
    const perIp = options.ipRateLimit ?? { burst: perPeer.burst * 10, perSecond: perPeer.perSecond * 10 };
    const limits = options.limits ?? RateLimiterFactory.inMemory();
    this.perPeer = limits.create('tracker-peer', perPeer);
    this.perIp = limits.create('tracker-ip', perIp);
    this.wsPath = options.wsPath ?? '/tracker';
    this.announcePath = options.announcePath ?? '/tracker/announce';
    this.scrapePath = this.announcePath.replace(/\/announce$/, '/scrape');
  }

  /** Loads bittorrent-tracker (ESM) and creates the tracker. Idempotent. */
  start(): Promise<TrackerServer> {
    this.server ??= (async () => {
      const { Server } = await importEsm<{ Server: new (opts: object) => TrackerServer }>('bittorrent-tracker');
      const server = new Server({
        http: false,
        udp: false,
        ws: { noServer: true },
        stats: false,
        trustProxy: this.options.trustProxy ?? false,
        interval: this.options.intervalMs ?? 120_000,
        filter: (infoHash: string, params: AnnounceParams, cb: FilterCb) => {
          this.filter(infoHash, params).then(
            () => cb(null),
            (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
          );
        },
      });
      server.on('warning', (err) => this.logger.debug?.(`tracker warning: ${err.message}`));
      server.on('error', (err) => this.logger.error(`tracker error: ${err.message}`));
      this.ready = server;
      return server;
    })();
    return this.server;
  }

  /**
   * Serves the tracker's WebSocket on `wsPath` of an existing HTTP server (the api's). Other upgrade
   * paths are left to other listeners (and refused with 404 if nobody else listens).
   */
  async attach(httpServer: HttpServer): Promise<void> {
    const tracker = await this.start();
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (pathOf(req) === this.wsPath) {
        tracker.ws.handleUpgrade(req, socket, head, (ws) => tracker.ws.emit('connection', ws, req));
      } else if (httpServer.listenerCount('upgrade') === 1) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    };
    httpServer.on('upgrade', onUpgrade);
    this.attached.push({ server: httpServer, onUpgrade });
  }

  /**
   * Plain HTTP handler for the announce/scrape paths (mount before Nest's router, like the HLS
   * origin). Returns false, touching nothing, for other paths.
   */
  handleHttp(req: IncomingMessage, res: ServerResponse): boolean {
    const p = pathOf(req);
    const action = p === this.announcePath ? 'announce' : p === this.scrapePath ? 'scrape' : undefined;
    if (!action) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    res.setHeader('content-type', 'text/plain');
    res.setHeader('cache-control', 'no-store');
    if (!this.ready) {
      void this.start();
      res.end(`d14:failure reason${TRACKER_UNAVAILABLE_REASON.length}:${TRACKER_UNAVAILABLE_REASON}e`);
      return true;
    }
    this.ready.onHttpRequest(req, res, { action });
    return true;
  }

  /** Express/connect-style middleware around {@link handleHttp}. */
  middleware(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
    return (req, res, next) => {
      if (!this.handleHttp(req, res)) next();
    };
  }

  /** Peers the tracker currently knows for an infohash (tests, metrics). */
  peerCount(infoHash: string): number {
    return this.ready?.torrents[infoHash]?.peers.length ?? 0;
  }

  /** Swarms and peers this tracker holds now (health, bench). */
  stats(): { torrents: number; peers: number } {
    let torrents = 0;
    let peers = 0;
    for (const t of Object.values(this.ready?.torrents ?? {})) {
      if (!t) continue;
      torrents++;
      peers += t.peers.length;
    }
    return { torrents, peers };
  }

  async close(): Promise<void> {
    for (const { server, onUpgrade } of this.attached.splice(0)) server.off('upgrade', onUpgrade);
    const tracker = await this.server;
    this.server = undefined;
    this.ready = undefined;
    if (tracker) await new Promise<void>((resolve) => tracker.close(() => resolve()));
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  private async filter(infoHash: string, params: AnnounceParams): Promise<void> {
    const ip = params.ip ?? 'unknown';
    // The peer's own limit first: a refused peer does not use up what the others behind its IP may do.
    const peer = await this.perPeer.consume(`${ip}|${params.peer_id ?? ''}`);
    if (!peer.ok)
      throw new Error(`Too many announces from ${ip} for peer ${params.peer_id ?? '?'}: ${limitText(this.perPeer, peer.retryAfterSec)}`);
    const all = await this.perIp.consume(ip);
    if (!all.ok) throw new Error(`Too many announces from ${ip}: ${limitText(this.perIp, all.retryAfterSec)}`);
    if (!(await this.isKnown(infoHash))) throw new Error(UNKNOWN_INFO_HASH_REASON);
  }

  private async isKnown(infoHash: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.known.get(infoHash);
    if (cached && cached.until > now) return cached.known;
    let known: boolean;
    try {
      known = await this.options.isKnownInfoHash(infoHash);
    } catch (err) {
      this.logger.error(`isKnownInfoHash failed: ${(err as Error).message}`);
      throw new Error(TRACKER_UNAVAILABLE_REASON);
    }
    if (this.known.size >= 100_000) this.known.clear();
    this.known.set(infoHash, {
      known,
      until: now + (known ? (this.options.knownCacheMs ?? 60_000) : (this.options.unknownCacheMs ?? 5_000)),
    });
    return known;
  }
}

function limitText(l: RateLimiter, retryAfterSec: number): string {
  return `the limit is ${l.burst} at once and ${l.perSecond} per second; retry in ${retryAfterSec} s`;
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
