import { extname } from 'node:path';

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

/** Segments, init segments and images never change under their name; playlists may be re-made. */
export function cacheControlOf(path: string, isPrivate: boolean): string {
  const scope = isPrivate ? 'private' : 'public';
  const ext = extname(path).toLowerCase();
  if (ext === '.m3u8' || ext === '.vtt' || ext === '.json') return `${scope}, max-age=60`;
  return `${scope}, max-age=31536000, immutable`;
}
