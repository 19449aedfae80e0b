import { basename, extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.json': 'application/json',
  '.torrent': 'application/x-bittorrent',
};

export function contentTypeOf(path: string): string | null {
  return TYPES[extname(path).toLowerCase()] ?? null;
}

/**
 * Re-written in place of the published ones when captions change (see CaptionsPublisher): caches
 * keep them but ask again each time (a 304 when unchanged), so a new or deleted track shows at once.
 */
const REVALIDATED = new Set(['master.m3u8', 'manifest.json']);

/** Segments, init segments and images never change under their name; playlists may be re-made. */
export function cacheControlOf(path: string, isPrivate: boolean): string {
  const scope = isPrivate ? 'private' : 'public';
  if (REVALIDATED.has(basename(path))) return `${scope}, no-cache`;
  const ext = extname(path).toLowerCase();
  if (ext === '.m3u8' || ext === '.vtt' || ext === '.json') return `${scope}, max-age=60`;
  return `${scope}, max-age=31536000, immutable`;
}
