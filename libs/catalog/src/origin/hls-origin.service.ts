import { Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fresh from 'fresh';
import parseRange from 'range-parser';
import send from 'send';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { StorageRepository } from '@wetube/content';
import { SessionTokenService } from '@wetube/identity';
import { AppConfig } from '@wetube/platform';
import { canView } from '../videos/video.access';
import { Visibility } from '../videos/video.enums';
import { cacheControlOf, contentTypeOf } from './hls-content-types';
import { LRUCache } from 'lru-cache';
import { AdBreaksHooks } from './ad-breaks.hooks';
import { derivedFile, HlsFile, HlsFileCache } from './hls-file.cache';
import { OriginAccessLog } from './origin-access-log';
import { AccessFacts, VideoAccessCache } from './video-access.cache';

export const HLS_PREFIX = '/hls/';
const ROUTE = /^\/hls\/([A-Za-z0-9-]{1,64})\/([A-Za-z0-9_./-]{1,200})$/;
const BYTES_RANGE = /^ *bytes=/;
const TAKEN = Symbol.for('wetube.hls-origin.taken');
/** A rendition's media playlist (`720p/playlist.m3u8`, `audio/playlist.m3u8`): not the master playlist. */
const MEDIA_PLAYLIST = /^[^/]+\/[^/]+\.m3u8$/;
const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
/** The query parameter a player loads a media playlist with to get asset lists that take the playback session from it. */
const SESSION_PARAM = 'session';

interface AdPlaylist {
  /** What it was made from: the file's ETag and the video's facts. */
  source: string;
  file: HlsFile;
}

/**
 * The HLS origin: published video files with the right content types, long immutable caching for
 * segments, byte ranges, conditional requests and CORS for the web origin. Private videos are
 * served to their owner (cookie or bearer) and to no one else.
 *
 * Files come from an in-memory LRU (bounded by bytes, `HLS_ORIGIN_CACHE_MB`, default 256) and are
 * answered with one precomputed header list and one `res.end(buffer)`; files too big for it (or
 * with the cache off) are streamed from disk by `send`. Both paths answer alike: ETag/Last-Modified
 * as `send` makes them, 304/412 for conditional requests, 206/416 for byte ranges.
 */
@Injectable()
export class HlsOriginService implements OnApplicationBootstrap {
  private readonly webOrigins: Set<string>;
  private files: HlsFileCache | null;
  /** Media playlists on disk when the file cache is off (they must be read to get their ad breaks). */
  private readonly playlistFiles: HlsFileCache;
  /**
   * Media playlists with their ad breaks, per file: made once per playlist version (its ETag) and
   * video facts, kept up to a minute (the playlists' own max-age), so a video that becomes an ad
   * creative loses its breaks within that time. Concurrent misses share one rewrite.
   */
  private readonly adPlaylists = new LRUCache<string, AdPlaylist>({ max: 20_000, ttl: 60_000 });
  private readonly adPending = new Map<string, Promise<HlsFile>>();

  constructor(
    config: AppConfig,
    private readonly storage: StorageRepository,
    private readonly access: VideoAccessCache,
    private readonly tokens: SessionTokenService,
    private readonly accessLog: OriginAccessLog,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
    @Optional() private readonly adBreaks?: AdBreaksHooks,
  ) {
    this.webOrigins = new Set(config.webOrigins);
    this.files = this.makeCache(config.hlsCacheBytes);
    this.playlistFiles = new HlsFileCache(storage, 8 * 1024 * 1024, () => PLAYLIST_TYPE);
  }

  /** Replaces the in-memory file cache with an empty one of `maxBytes` (0: no cache, stream every file). */
  useCache(maxBytes: number): void {
    this.files = this.makeCache(maxBytes);
  }

  private makeCache(maxBytes: number): HlsFileCache | null {
    return maxBytes > 0 ? new HlsFileCache(this.storage, maxBytes, (p) => contentTypeOf(p) ?? 'application/octet-stream') : null;
  }

  /** Connect-style middleware: handles /hls/*, passes everything else on. */
  middleware() {
    return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
      if (!req.url?.startsWith(HLS_PREFIX)) return next();
      this.handle(req, res);
    };
  }

  /**
   * Takes /hls/* at the HTTP server itself, ahead of Express (whose per-request setup costs as
   * much as serving a segment from memory); everything else goes to the server's other request
   * listeners (Express) untouched. Without an HTTP server (a worker context) it does nothing, and
   * the middleware above still serves /hls/* when mounted.
   */
  onApplicationBootstrap(): void {
    const server = this.adapterHost?.httpAdapter?.getHttpServer?.() as Server | undefined;
    if (!server || typeof server.listeners !== 'function' || (server as { [TAKEN]?: boolean })[TAKEN]) return;
    const rest = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith(HLS_PREFIX)) return this.handle(req, res);
      for (const listener of rest) listener.call(server, req, res);
    });
    (server as { [TAKEN]?: boolean })[TAKEN] = true;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    this.accessLog.track(req, res, q < 0 ? url : url.slice(0, q));
    this.serve(req, res).catch(() => {
      if (!res.headersSent) this.fail(res, 500, 'origin error');
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.origin) this.cors(req, res);
    const method = req.method;
    if (method === 'OPTIONS') {
      res.statusCode = 204;
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'range, cache-control, authorization');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return this.fail(res, 405, 'method not allowed');
    const url = req.url!;
    const q = url.indexOf('?');
    let path: string;
    try {
      path = decodeURIComponent(q < 0 ? url : url.slice(0, q));
    } catch {
      return this.fail(res, 400, 'malformed URL');
    }
    const m = ROUTE.exec(path);
    if (!m || m[2].includes('..')) return this.fail(res, 404, 'not found');
    const videoId = m[1];
    const relative = m[2];
    const facts = this.access.peek(videoId) ?? (await this.access.get(videoId));
    if (!facts) return this.fail(res, 404, 'not found');
    const isPrivate = facts.visibility === Visibility.PRIVATE;
    const user = isPrivate || facts.status !== 'READY' ? this.tokens.fromRequest(req as never) : null;
    if (!canView(facts, user)) return this.fail(res, 404, 'not found');
    const file = this.storage.videoFile(videoId, relative);
    const type = file && contentTypeOf(file);
    if (!file || !type) return this.fail(res, 404, 'not found');
    if (this.adBreaks && MEDIA_PLAYLIST.test(relative)) {
      const cache = this.files ?? this.playlistFiles;
      const lookup = cache.get(file);
      const found = lookup instanceof Promise ? await lookup : lookup;
      if (found === null) return this.fail(res, 404, 'not found');
      // Loaded with ?session=…: the variant whose asset lists take the session from that parameter.
      const sessionFromQuery = q >= 0 && !!new URLSearchParams(url.slice(q + 1)).get(SESSION_PARAM);
      if (found) return this.respond(req, res, await this.withAdBreaks(videoId, facts, found, sessionFromQuery), isPrivate ? 1 : 0);
    }
    if (this.files) {
      const lookup = this.files.get(file);
      const found = lookup instanceof Promise ? await lookup : lookup;
      if (found === null) return this.fail(res, 404, 'not found');
      if (found) return this.respond(req, res, found, isPrivate ? 1 : 0);
    }
    send(req, file, { acceptRanges: true, cacheControl: false, etag: true, lastModified: true, dotfiles: 'deny', index: false })
      .on('headers', (r: ServerResponse) => {
        r.setHeader('Content-Type', type);
        r.setHeader('Cache-Control', cacheControlOf(file, isPrivate));
      })
      .on('error', (err: { status?: number }) => this.fail(res, err.status ?? 500, 'not found'))
      .pipe(res);
  }

  /** The media playlist as served: with the video's ad breaks when the ads lib gives them, else as on disk. */
  private withAdBreaks(videoId: string, facts: AccessFacts, src: HlsFile, sessionFromQuery: boolean): HlsFile | Promise<HlsFile> {
    const source = `${src.etag}|${facts.startMs}|${facts.durationMs}|${facts.midrolls?.join(',') ?? 'default'}`;
    const variant = sessionFromQuery ? `${src.path}?session` : src.path;
    const hit = this.adPlaylists.get(variant);
    if (hit && hit.source === source) return hit.file;
    const key = `${variant}\n${source}`;
    let p = this.adPending.get(key);
    if (!p) {
      p = this.adBreaks!.mediaPlaylist(
        { videoId, durationMs: facts.durationMs, videoStart: new Date(facts.startMs), midrolls: facts.midrolls },
        src.body.toString('utf8'),
        { sessionFromQuery },
      )
        .then((text) => {
          const file = text === null ? src : derivedFile(src, Buffer.from(text, 'utf8'), PLAYLIST_TYPE, sessionFromQuery ? 'ads-s' : 'ads');
          this.adPlaylists.set(variant, { source, file });
          return file;
        })
        .catch(() => src) // no ad breaks rather than no video (not cached: tried again next time)
        .finally(() => this.adPending.delete(key));
      this.adPending.set(key, p);
    }
    return p;
  }

  /** Answers from memory with the same semantics as `send`: 412, 304, 416, 206 or 200 (HEAD: no body). */
  private respond(req: IncomingMessage, res: ServerResponse, f: HlsFile, scope: 0 | 1): void {
    const h = req.headers;
    const head = req.method === 'HEAD';
    if (h['if-match'] || h['if-unmodified-since'] || h['if-none-match'] || h['if-modified-since']) {
      if (preconditionFailed(h, f)) return this.failWithValidators(res, f, 412, 'precondition failed');
      if (fresh(h, { etag: f.etag, 'last-modified': f.lastModified })) {
        res.writeHead(304, f.notModified[scope]);
        res.end();
        return;
      }
    }
    const range = h.range;
    if (range !== undefined && BYTES_RANGE.test(range)) {
      let ranges = parseRange(f.size, range, { combine: true });
      const ifRange = h['if-range'];
      if (!rangeFresh(typeof ifRange === 'string' ? ifRange : undefined, f)) ranges = -2;
      if (ranges === -1) {
        res.setHeader('Content-Range', `bytes */${f.size}`);
        return this.failWithValidators(res, f, 416, 'range not satisfiable');
      }
      if (ranges !== -2 && ranges.length === 1) {
        const { start, end } = ranges[0];
        this.accessLog.body(res, end - start + 1);
        res.writeHead(206, [
          ...f.partial[scope],
          'Content-Range',
          `bytes ${start}-${end}/${f.size}`,
          'Content-Length',
          String(end - start + 1),
        ]);
        res.end(head ? undefined : f.body.subarray(start, end + 1));
        return;
      }
    }
    this.accessLog.body(res, f.size);
    res.writeHead(200, f.ok[scope]);
    res.end(head ? undefined : f.body);
  }

  /** 412/416 carry the file's validators, as `send` answers them. */
  private failWithValidators(res: ServerResponse, f: HlsFile, status: number, message: string): void {
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Last-Modified', f.lastModified);
    res.setHeader('ETag', f.etag);
    this.fail(res, status, message);
  }

  private cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!origin) return;
    res.setHeader('Vary', 'Origin');
    if (this.webOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    } else {
      res.setHeader('Access-Control-Allow-Origin', '*');
    }
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges, ETag');
  }

  private fail(res: ServerResponse, status: number, message: string): void {
    if (res.headersSent) return void res.destroy();
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(message);
  }
}

/** If-Match / If-Unmodified-Since, as `send` checks them. */
function preconditionFailed(h: IncomingHttpHeaders, f: HlsFile): boolean {
  const match = h['if-match'];
  if (match) {
    const etag = f.etag;
    return (
      match !== '*' &&
      match.split(',').every((raw) => {
        const m = raw.trim();
        return m !== etag && m !== 'W/' + etag && 'W/' + m !== etag;
      })
    );
  }
  const since = Date.parse(h['if-unmodified-since'] ?? '');
  if (!Number.isNaN(since)) return Date.parse(f.lastModified) > since;
  return false;
}

/** If-Range: an ETag or a date; a stale one turns a range request into a full response. */
function rangeFresh(ifRange: string | undefined, f: HlsFile): boolean {
  if (!ifRange) return true;
  if (ifRange.includes('"')) return ifRange.includes(f.etag);
  return Date.parse(f.lastModified) <= Date.parse(ifRange);
}
