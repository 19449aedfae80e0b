import { Injectable, Optional } from '@nestjs/common';
import path from 'node:path';
import { StorageRepository } from '@wetube/platform';
import { importEsm } from '../esm';

/**
 * One BitTorrent v1 torrent per rendition, in the origin's own layout:
 *
 *   info.name  = <videoId>
 *   files      = <rendition>/init.mp4, <rendition>/seg_00000.m4s, ... (playback order)
 *   url-list   = [<HLS origin root>/]            e.g. http://localhost:4000/hls/
 *
 * BEP 19 (multi-file): a web-seed URL that ends in '/' gets `<name>/<path>` appended, and WebTorrent
 * requests `<url-list>[/]<file.path>` where file.path is `<name>/<path...>`. Both therefore fetch
 * `<origin>/hls/<videoId>/<rendition>/<file>`, exactly what the HLS origin serves. A Node seeder can
 * also seed in place with `path: storage/videos` (files resolve to `<videos>/<videoId>/<rendition>/…`).
 *
 * Public: `info.private = 0` (BEP 27). Output is deterministic: fixed creation date, no `created by`,
 * no comment, fixed piece length; same files → same infohash on every run.
 */
export const PIECE_LENGTH = 256 * 1024;
/** Fixed `creation date` (2024-01-01T00:00:00Z) so the .torrent bytes are reproducible. */
export const FIXED_CREATION_DATE = new Date(Date.UTC(2024, 0, 1));

export interface RenditionTorrentInput {
  videoId: string;
  /** Rendition folder name, e.g. '720p' or 'audio'. */
  rendition: string;
  /** Absolute paths in playback order: init.mp4, then seg_00000.m4s, ... (at least two files). */
  files: string[];
  /** The HLS origin root, under which `<videoId>/<rendition>/<file>` is served, e.g. http://host:4000/hls/ */
  webSeedUrl: string;
  /**
   * Tracker announce URLs (ws(s):// for browsers, http(s):// for other clients), or a function of the
   * infohash (the tracker shard, see TrackerShards): the announce list is outside the info dict, so
   * it is written after hashing and never changes the infohash.
   */
  announceUrls: string[] | ((infoHash: string) => string[]);
}

export interface RenditionTorrent {
  torrentFile: Buffer;
  /** 40 lower-case hex characters. */
  infoHash: string;
  magnetURI: string;
  /** Torrent name (= videoId). */
  name: string;
  /** The url-list written into the torrent (origin root with a trailing slash). */
  urlList: string;
  files: Array<{ path: string; length: number }>;
  totalLength: number;
  pieceCount: number;
}

/** The part of parse-torrent's result used here. */
export interface ParsedTorrent {
  infoHash: string;
  name: string;
  announce: string[];
  urlList: string[];
  private?: boolean;
  created?: Date;
  createdBy?: string;
  pieceLength: number;
  lastPieceLength: number;
  pieces: string[];
  length: number;
  files: Array<{ path: string; name: string; length: number; offset: number }>;
}

type CreateTorrent = (input: unknown[], opts: Record<string, unknown>, cb: (err: Error | null, torrent?: Uint8Array) => void) => void;
interface ParseTorrentModule {
  default: (input: Uint8Array | string) => Promise<ParsedTorrent>;
  toMagnetURI: (parsed: object) => string;
  toTorrentFile: (parsed: object) => Uint8Array;
}

const SAFE_SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;

@Injectable()
export class TorrentBuilder {
  private libs?: Promise<{ createTorrent: CreateTorrent; parseTorrent: ParseTorrentModule }>;

  /** Made by hand (tests), it reads the given paths through a StorageRepository of its own. */
  constructor(@Optional() private readonly storage: StorageRepository = new StorageRepository()) {}

  async buildRenditionTorrent(input: RenditionTorrentInput): Promise<RenditionTorrent> {
    const { videoId, rendition, files, announceUrls } = input;
    if (!SAFE_SEGMENT.test(videoId)) throw new Error(`videoId ${JSON.stringify(videoId)} is not a safe path segment`);
    if (!SAFE_SEGMENT.test(rendition)) throw new Error(`rendition ${JSON.stringify(rendition)} is not a safe path segment`);
    // One file would make a single-file torrent, whose web-seed URL is the url-list itself.
    if (files.length < 2) throw new Error('a rendition torrent needs the init segment and at least one media segment');
    const names = new Set<string>();
    for (const file of files) {
      if (!path.isAbsolute(file)) throw new Error(`${file} is not an absolute path`);
      const base = path.basename(file);
      if (!SAFE_SEGMENT.test(base)) throw new Error(`file name ${JSON.stringify(base)} is not a safe path segment`);
      if (names.has(base)) throw new Error(`file name ${base} appears twice`);
      names.add(base);
    }
    if (Array.isArray(announceUrls)) checkAnnounceUrls(announceUrls);
    const urlList = webSeedRoot(input.webSeedUrl);

    const { createTorrent, parseTorrent } = await this.load();
    // Lazy, file-backed Blobs: no file is opened until its bytes are hashed (a long video has
    // thousands of segments). fullPath's first component is stripped by create-torrent as the
    // common folder, leaving `<rendition>/<file>` under the torrent name.
    const items = await Promise.all(
      files.map(async (file) => {
        const blob = await this.storage.openBlob(file);
        const size = await this.storage.size(file);
        if (blob.size !== size) throw new Error(`${file} changed while reading`);
        return Object.assign(blob, { fullPath: `${videoId}/${rendition}/${path.basename(file)}` });
      }),
    );
    const torrentBytes = await new Promise<Uint8Array>((resolve, reject) =>
      createTorrent(
        items,
        {
          name: videoId,
          pieceLength: PIECE_LENGTH,
          creationDate: FIXED_CREATION_DATE,
          announceList: [], // written below, once the infohash is known
          urlList: [urlList],
          private: false,
          filterJunkFiles: false,
        },
        (err, torrent) => (err || !torrent ? reject(err ?? new Error('create-torrent returned nothing')) : resolve(torrent)),
      ),
    );
    const hashed = await parseTorrent.default(torrentBytes);
    const announce = typeof announceUrls === 'function' ? checkAnnounceUrls(announceUrls(hashed.infoHash)) : announceUrls;
    const withAnnounce = parseTorrent.toTorrentFile({ ...hashed, announce });
    const torrentFile = Buffer.from(withAnnounce.buffer, withAnnounce.byteOffset, withAnnounce.byteLength);
    const parsed = await parseTorrent.default(torrentFile);
    if (parsed.infoHash !== hashed.infoHash) throw new Error(`writing the announce list changed the infohash of ${videoId}/${rendition}`);
    return {
      torrentFile,
      infoHash: parsed.infoHash,
      magnetURI: parseTorrent.toMagnetURI(parsed),
      name: parsed.name,
      urlList,
      files: parsed.files.map((f) => ({ path: f.path, length: f.length })),
      totalLength: parsed.length,
      pieceCount: parsed.pieces.length,
    };
  }

  /** Reads a .torrent file or magnet URI back (parse-torrent). */
  async parse(torrentOrMagnet: Uint8Array | string): Promise<ParsedTorrent> {
    return (await this.load()).parseTorrent.default(torrentOrMagnet);
  }

  private load() {
    this.libs ??= (async () => {
      const [ct, pt] = await Promise.all([
        importEsm<{ default: CreateTorrent }>('create-torrent'),
        importEsm<ParseTorrentModule>('parse-torrent'),
      ]);
      return { createTorrent: ct.default, parseTorrent: pt };
    })();
    return this.libs;
  }
}

function checkAnnounceUrls(urls: string[]): string[] {
  if (urls.length === 0) throw new Error('at least one announce URL is needed');
  for (const url of urls) {
    if (!/^(wss?|https?|udp):\/\//.test(url)) throw new Error(`announce URL ${url} is not ws(s), http(s) or udp`);
  }
  return urls;
}

/** Normalises the web seed to an http(s) URL ending in '/', as BEP 19 needs for multi-file torrents. */
export function webSeedRoot(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`web seed URL ${url} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`web seed URL ${url} must be http(s)`);
  if (parsed.search || parsed.hash) throw new Error(`web seed URL ${url} must have no query or fragment`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/**
 * The URL a client fetches a torrent file from the web seed (WebTorrent's rule, lib/webconn.js:
 * `url + ('/' unless url ends with '/') + file.path`, file.path = `<name>/<path…>`; equals BEP 19's
 * multi-file rule for a url-list ending in '/').
 */
export function webSeedFileUrl(urlList: string, torrentFilePath: string): string {
  return urlList + (urlList.endsWith('/') ? '' : '/') + torrentFilePath.replace(/\\/g, '/');
}
