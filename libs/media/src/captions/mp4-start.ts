/**
 * Where an fMP4 (CMAF) rendition's timeline starts, from its own bytes: the media timescale of the
 * init segment (`moov/trak/mdia/mdhd`) and the first segment's decode time
 * (`moof/traf/tfdt`). hls.js takes the same numbers as the stream's initial PTS, so a subtitle
 * rendition whose `X-TIMESTAMP-MAP` names this time lines its cues up with the picture. Pure.
 */
export function fmp4StartSeconds(init: Uint8Array, firstSegment: Uint8Array): number {
  const timescale = readTimescale(init);
  const decodeTime = readDecodeTime(firstSegment);
  if (timescale === null) throw new Error('init segment: no mdhd timescale');
  if (decodeTime === null) throw new Error('media segment: no tfdt');
  return decodeTime / timescale;
}

/** {@link fmp4StartSeconds} in 90 kHz ticks (MPEG-TS clock), whole. */
export function fmp4StartMpegTs(init: Uint8Array, firstSegment: Uint8Array): number {
  return Math.round(fmp4StartSeconds(init, firstSegment) * 90_000);
}

interface Box {
  type: string;
  start: number; // payload start
  end: number;
}

function* boxes(data: DataView, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = data.getUint32(at);
    const type = String.fromCharCode(data.getUint8(at + 4), data.getUint8(at + 5), data.getUint8(at + 6), data.getUint8(at + 7));
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(data.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) return;
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

function find(data: DataView, path: string[], from = 0, to = data.byteLength): Box | null {
  for (const box of boxes(data, from, to)) {
    if (box.type !== path[0]) continue;
    if (path.length === 1) return box;
    const inner = find(data, path.slice(1), box.start, box.end);
    if (inner) return inner;
  }
  return null;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function readTimescale(init: Uint8Array): number | null {
  const data = view(init);
  const mdhd = find(data, ['moov', 'trak', 'mdia', 'mdhd']);
  if (!mdhd) return null;
  const version = data.getUint8(mdhd.start);
  const at = mdhd.start + 4 + (version === 1 ? 16 : 8);
  if (at + 4 > mdhd.end) return null;
  const ts = data.getUint32(at);
  return ts > 0 ? ts : null;
}

function readDecodeTime(segment: Uint8Array): number | null {
  const data = view(segment);
  const tfdt = find(data, ['moof', 'traf', 'tfdt']);
  if (!tfdt) return null;
  const version = data.getUint8(tfdt.start);
  if (version === 1) return tfdt.start + 12 <= tfdt.end ? Number(data.getBigUint64(tfdt.start + 4)) : null;
  return tfdt.start + 8 <= tfdt.end ? data.getUint32(tfdt.start + 4) : null;
}
