import { LRUCache } from 'lru-cache';
import type { FileStats, StorageRepository } from '@wetube/platform';
import { cacheControlOf } from './hls-content-types';

/** Default size of the origin's in-memory file cache; `HLS_ORIGIN_CACHE_MB` overrides it, 0 turns it off. */

/** One published file held in memory, with everything a response needs computed once. */
export interface HlsFile {
  readonly path: string;
  readonly body: Buffer;
  readonly size: number;
  /** Weak ETag from size and mtime, exactly as `send` (the `etag` package) makes it for a file. */
  readonly etag: string;
  readonly lastModified: string;
  /** Flat header lists for `res.writeHead`: [public, private] Cache-Control. */
  readonly ok: readonly [string[], string[]];
  /** 200 headers without Content-Length (ranges add their own). */
  readonly partial: readonly [string[], string[]];
  readonly notModified: readonly [string[], string[]];
  /** Playlists may be re-made under their name: re-checked on disk (stat) on every use. */
  readonly mutable: boolean;
  ino: number;
  mtimeMs: number;
  checkedAt: number;
}

/** `null`: no such file. `undefined`: exists but is not for the cache (too big, or the cache is off). */
export type Lookup = HlsFile | null | undefined;

/**
 * Published HLS files in memory, an LRU bounded by bytes. Segments, init segments and images never
 * change under their name (a re-transcode replaces the whole folder by rename), so an entry is
 * re-checked against the disk (one stat: inode, size, mtime) at most every `revalidateMs`; playlists
 * and the storyboard VTT are re-checked on every request. A change on disk reloads the entry, a
 * deleted file drops it. Concurrent misses for one file share one read.
 */
export class HlsFileCache {
  private readonly lru: LRUCache<string, HlsFile>;
  private readonly pending = new Map<string, Promise<Lookup>>();
  readonly maxEntryBytes: number;

  constructor(
    private readonly storage: StorageRepository,
    readonly maxBytes: number,
    private readonly type: (path: string) => string,
    private readonly revalidateMs = 1000,
  ) {
    this.maxEntryBytes = Math.max(1, Math.min(maxBytes, 64 * 1024 * 1024, Math.floor(maxBytes / 4)));
    this.lru = new LRUCache<string, HlsFile>({
      maxSize: maxBytes,
      maxEntrySize: this.maxEntryBytes,
      sizeCalculation: (f) => Math.max(1, f.size + 512),
    });
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  /** The file, fresh as described above; synchronous result when the entry needs no check. */
  get(path: string, now = Date.now()): Lookup | Promise<Lookup> {
    const hit = this.lru.get(path);
    if (hit && !hit.mutable && now - hit.checkedAt < this.revalidateMs) return hit;
    let p = this.pending.get(path);
    if (!p) {
      p = (hit ? this.revalidate(hit) : this.load(path)).finally(() => this.pending.delete(path));
      this.pending.set(path, p);
    }
    return p;
  }

  private async revalidate(hit: HlsFile): Promise<Lookup> {
    const st = await this.storage.stat(hit.path);
    if (!st) {
      this.lru.delete(hit.path);
      return null;
    }
    if (st.ino === hit.ino && st.size === hit.size && st.mtimeMs === hit.mtimeMs && st.isFile()) {
      hit.checkedAt = Date.now();
      return hit;
    }
    this.lru.delete(hit.path);
    return this.load(hit.path);
  }

  private async load(path: string): Promise<Lookup> {
    const read = await this.storage.readFileUpTo(path, this.maxEntryBytes);
    if (!read) return null;
    if (!read.body) return undefined;
    if (read.body.length !== read.stat.size) return undefined; // changing under us: let send serve it
    const file = describe(path, read.body, read.stat, this.type(path));
    this.lru.set(path, file);
    return file;
  }
}

function describe(path: string, body: Buffer, st: FileStats, type: string): HlsFile {
  const etag = `W/"${st.size.toString(16)}-${st.mtime.getTime().toString(16)}"`;
  return build(path, body, etag, st.mtime.toUTCString(), type, st.ino, st.mtimeMs);
}

/**
 * A file served in place of `source` under its name (a media playlist with ad breaks): same path,
 * Last-Modified and caching, its own body and an ETag of its own (`source`'s plus `tag`), so a
 * cached copy of either is never taken for the other.
 */
export function derivedFile(source: HlsFile, body: Buffer, type: string, tag: string): HlsFile {
  const etag = `${source.etag.slice(0, -1)}-${tag}"`;
  return build(source.path, body, etag, source.lastModified, type, source.ino, source.mtimeMs);
}

function build(path: string, body: Buffer, etag: string, lastModified: string, type: string, ino: number, mtimeMs: number): HlsFile {
  const size = body.length;
  const common = (isPrivate: boolean) => [
    'Cache-Control',
    cacheControlOf(path, isPrivate),
    'Accept-Ranges',
    'bytes',
    'Last-Modified',
    lastModified,
    'ETag',
    etag,
  ];
  const partial = (isPrivate: boolean) => ['Content-Type', type, ...common(isPrivate)];
  const cc = cacheControlOf(path, false);
  return {
    path,
    body,
    size,
    etag,
    lastModified,
    ok: [
      [...partial(false), 'Content-Length', String(size)],
      [...partial(true), 'Content-Length', String(size)],
    ],
    partial: [partial(false), partial(true)],
    notModified: [common(false), common(true)],
    mutable: !cc.includes('immutable'),
    ino,
    mtimeMs,
    checkedAt: Date.now(),
  };
}
