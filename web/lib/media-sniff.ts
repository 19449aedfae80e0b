/**
 * Recognises audio and video containers by their first bytes (magic numbers), so the upload page
 * can refuse a file that is plainly not media before sending it. Pure: give it the file's first
 * bytes (SNIFF_BYTES is enough). It answers the container's name, or null when no known container
 * starts that way. The server's ffprobe check stays the judge of everything this lets through.
 */

/** How many leading bytes sniffMedia looks at (MPEG-TS needs a few 188-byte packets). */
export const SNIFF_BYTES = 1024;

export type MediaContainer =
  | 'mp4' // ISO BMFF: MP4, MOV, M4A, M4V, 3GP, 3G2 (ftyp or a QuickTime atom first); not HEIF/AVIF images
  | 'matroska' // MKV, WebM, MKA
  | 'avi'
  | 'wav'
  | 'mpeg-ts'
  | 'm2ts'
  | 'mpeg-ps'
  | 'mpeg-es'
  | 'h264'
  | 'flv'
  | 'ogg'
  | 'mp3'
  | 'aac'
  | 'ac3'
  | 'flac'
  | 'asf'
  | 'aiff'
  | 'caf'
  | 'amr'
  | 'realmedia'
  | 'mxf'
  | 'y4m'
  | 'ivf';

const ascii = (b: Uint8Array, at: number, s: string): boolean => {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};
const bytes = (b: Uint8Array, at: number, sig: readonly number[]): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** QuickTime / ISO BMFF boxes a file may start with (ftyp is the norm; old .mov files start with others). */
const FIRST_BOXES = ['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'styp', 'sidx'];
/** ftyp major brands of still images in the same box format (HEIC, HEIF, AVIF). */
const IMAGE_BRANDS = ['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'];
const ASF_GUID = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];
const MXF_KEY = [0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01];

/** The sync byte 0x47 every `packet` bytes from `first`: in every packet the sample holds (up to 4), at least 2. */
function transportSync(b: Uint8Array, first: number, packet: number): boolean {
  let seen = 0;
  for (let at = first; at < b.length && seen < 4; at += packet, seen++) if (b[at] !== 0x47) return false;
  return seen >= 2;
}

/** An Annex B start code (00 00 01 or 00 00 00 01) before an H.264 or HEVC NAL unit header a stream starts with. */
function annexB(b: Uint8Array): boolean {
  const at = bytes(b, 0, [0x00, 0x00, 0x00, 0x01]) ? 4 : bytes(b, 0, [0x00, 0x00, 0x01]) ? 3 : -1;
  if (at < 0 || b.length <= at || (b[at] & 0x80) !== 0) return false;
  const avc = b[at] & 0x1f; // access unit delimiter, SEI, SPS, PPS, slices
  const hevc = (b[at] >> 1) & 0x3f; // VPS, SPS, PPS, AUD, SEI
  return [1, 5, 6, 7, 8, 9].includes(avc) || [32, 33, 34, 35, 39].includes(hevc);
}

/** An MPEG audio frame header (MP1/2/3): 11 sync bits, a valid version, layer, bitrate and rate. */
function mpegAudioFrame(b: Uint8Array, at: number): boolean {
  if (b.length < at + 4 || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return false;
  const version = (b[at + 1] >> 3) & 3;
  const layer = (b[at + 1] >> 1) & 3;
  const bitrate = b[at + 2] >> 4;
  const rate = (b[at + 2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

/** An ADTS (AAC) frame header: 12 sync bits, layer 0, a valid sampling index. */
function adtsFrame(b: Uint8Array, at: number): boolean {
  return b.length >= at + 7 && b[at] === 0xff && (b[at + 1] & 0xf6) === 0xf0 && ((b[at + 2] >> 2) & 0xf) < 13;
}

/** The container the bytes start with, or null when they match none this knows. */
export function sniffMedia(head: Uint8Array): MediaContainer | null {
  const b = head;
  if (b.length < 4) return null;
  if (ascii(b, 4, 'ftyp') && IMAGE_BRANDS.some((brand) => ascii(b, 8, brand))) return null;
  if (FIRST_BOXES.some((box) => ascii(b, 4, box))) return 'mp4';
  if (bytes(b, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'matroska';
  if (ascii(b, 0, 'RIFF')) {
    if (ascii(b, 8, 'AVI ')) return 'avi';
    if (ascii(b, 8, 'WAVE')) return 'wav';
    return null;
  }
  if (ascii(b, 0, 'RF64') && ascii(b, 8, 'WAVE')) return 'wav';
  if (b[0] === 0x47 && transportSync(b, 0, 188)) return 'mpeg-ts';
  if (b.length > 4 && b[4] === 0x47 && transportSync(b, 4, 192)) return 'm2ts';
  if (bytes(b, 0, [0x00, 0x00, 0x01, 0xba])) return 'mpeg-ps';
  if (bytes(b, 0, [0x00, 0x00, 0x01, 0xb3])) return 'mpeg-es';
  if (annexB(b)) return 'h264';
  if (ascii(b, 0, 'FLV') && b[3] === 0x01) return 'flv';
  if (ascii(b, 0, 'OggS')) return 'ogg';
  if (ascii(b, 0, 'fLaC')) return 'flac';
  if (ascii(b, 0, 'ID3') && b[3] < 0xff) return 'mp3';
  if (mpegAudioFrame(b, 0)) return 'mp3';
  if (adtsFrame(b, 0)) return 'aac';
  if (bytes(b, 0, [0x0b, 0x77])) return 'ac3';
  if (bytes(b, 0, ASF_GUID)) return 'asf';
  if (ascii(b, 0, 'FORM') && (ascii(b, 8, 'AIFF') || ascii(b, 8, 'AIFC'))) return 'aiff';
  if (ascii(b, 0, 'caff')) return 'caf';
  if (ascii(b, 0, '#!AMR')) return 'amr';
  if (ascii(b, 0, '.RMF')) return 'realmedia';
  if (bytes(b, 0, MXF_KEY)) return 'mxf';
  if (ascii(b, 0, 'YUV4MPEG2')) return 'y4m';
  if (ascii(b, 0, 'DKIF')) return 'ivf';
  return null;
}
