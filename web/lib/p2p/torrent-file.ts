/**
 * Byte-level edits of a .torrent's top-level dictionary (bencode), outside `info`, so the infohash is
 * unchanged: the browser drops the origin web seed (`url-list`; a local origin always wins the piece
 * picker, and the player's HTTP fallback covers it) and the announce URLs (trackers come from the
 * playback session only).
 */
const D = 0x64,
  L = 0x6c,
  I = 0x69,
  E = 0x65,
  COLON = 0x3a;

/** End offset (exclusive) of the bencoded value starting at `pos`. */
function skip(b: Uint8Array, pos: number): number {
  const c = b[pos];
  if (c === I) {
    const end = b.indexOf(E, pos);
    if (end < 0) throw new Error('bad bencode int');
    return end + 1;
  }
  if (c === L || c === D) {
    let p = pos + 1;
    while (b[p] !== E) {
      if (p >= b.length) throw new Error('bad bencode list');
      p = skip(b, p);
    }
    return p + 1;
  }
  if (c >= 0x30 && c <= 0x39) {
    const colon = b.indexOf(COLON, pos);
    const len = Number(new TextDecoder().decode(b.subarray(pos, colon)));
    if (colon < 0 || !Number.isFinite(len)) throw new Error('bad bencode string');
    return colon + 1 + len;
  }
  throw new Error(`bad bencode at ${pos}`);
}

function keyAt(b: Uint8Array, pos: number, end: number): string {
  const colon = b.indexOf(COLON, pos);
  return new TextDecoder().decode(b.subarray(colon + 1, end));
}

/** The torrent without the given top-level keys. */
export function withoutKeys(torrent: Uint8Array, drop: string[]): Uint8Array {
  if (torrent[0] !== D) throw new Error('not a torrent');
  const parts: Uint8Array[] = [torrent.subarray(0, 1)];
  let p = 1;
  while (torrent[p] !== E) {
    const keyEnd = skip(torrent, p);
    const valueEnd = skip(torrent, keyEnd);
    if (!drop.includes(keyAt(torrent, p, keyEnd))) parts.push(torrent.subarray(p, valueEnd));
    p = valueEnd;
  }
  parts.push(torrent.subarray(p, p + 1));
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of parts) {
    out.set(x, o);
    o += x.length;
  }
  return out;
}

export function stripWebSeedAndTrackers(torrent: Uint8Array): Uint8Array {
  return withoutKeys(torrent, ['url-list', 'httpseeds', 'announce', 'announce-list']);
}
