import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffMedia, SNIFF_BYTES } from './media-sniff';

const enc = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
/** `head` followed by zero bytes up to SNIFF_BYTES (what the page reads of a real file). */
function file(head: number[], length = SNIFF_BYTES): Uint8Array {
  const b = new Uint8Array(Math.max(length, head.length));
  b.set(head);
  return b;
}
function ts(packet: number, offset: number): Uint8Array {
  const b = new Uint8Array(SNIFF_BYTES).fill(0xaa);
  for (let at = offset; at < b.length; at += packet) b[at] = 0x47;
  return b;
}

describe('sniffMedia: audio and video containers by their first bytes', () => {
  const media: [string, Uint8Array, string][] = [
    ['MP4 (ftyp isom)', file([0, 0, 0, 0x20, ...enc('ftypisom')]), 'mp4'],
    ['MOV (ftyp qt)', file([0, 0, 0, 0x14, ...enc('ftypqt  ')]), 'mp4'],
    ['old MOV (moov first)', file([0, 0, 0x10, 0, ...enc('moov')]), 'mp4'],
    ['M4A (ftyp M4A)', file([0, 0, 0, 0x1c, ...enc('ftypM4A ')]), 'mp4'],
    ['3GP (ftyp 3gp4)', file([0, 0, 0, 0x18, ...enc('ftyp3gp4')]), 'mp4'],
    ['Matroska / WebM (EBML)', file([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86]), 'matroska'],
    ['AVI', file([...enc('RIFF'), 1, 2, 3, 4, ...enc('AVI LIST')]), 'avi'],
    ['WAV', file([...enc('RIFF'), 1, 2, 3, 4, ...enc('WAVEfmt ')]), 'wav'],
    ['MPEG-TS (0x47 every 188 bytes)', ts(188, 0), 'mpeg-ts'],
    ['M2TS (0x47 every 192 bytes after a 4-byte timecode)', ts(192, 4), 'm2ts'],
    ['MPEG-PS (pack header)', file([0, 0, 1, 0xba, 0x44]), 'mpeg-ps'],
    ['MPEG video (sequence header)', file([0, 0, 1, 0xb3, 0x14]), 'mpeg-es'],
    ['H.264 Annex B (SPS)', file([0, 0, 0, 1, 0x67, 0x64]), 'h264'],
    ['HEVC Annex B (VPS)', file([0, 0, 0, 1, 0x40, 0x01]), 'h264'],
    ['FLV', file([...enc('FLV'), 1, 5, 0, 0, 0, 9]), 'flv'],
    ['Ogg', file([...enc('OggS'), 0, 2]), 'ogg'],
    ['MP3 with an ID3 tag', file([...enc('ID3'), 4, 0, 0]), 'mp3'],
    ['MP3 frame (MPEG-1 layer III, 128 kb/s, 44.1 kHz)', file([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['AAC (ADTS)', file([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), 'aac'],
    ['FLAC', file([...enc('fLaC'), 0, 0, 0, 0x22]), 'flac'],
    ['ASF / WMV / WMA', file([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c]), 'asf'],
    ['AIFF', file([...enc('FORM'), 0, 0, 0, 0, ...enc('AIFF')]), 'aiff'],
    ['AMR', file(enc('#!AMR\n')), 'amr'],
  ];
  for (const [name, head, container] of media) {
    it(`recognises ${name}`, () => assert.equal(sniffMedia(head), container));
  }

  const notMedia: [string, Uint8Array][] = [
    ['a text file named .mp4', new TextEncoder().encode('This is not a video, just some text someone renamed to .mp4\n'.repeat(20))],
    ['a text file that starts with G (0x47, the TS sync byte)', new TextEncoder().encode('Good morning! '.repeat(80))],
    ['a JPEG', file([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...enc('JFIF')])],
    ['a PNG', file([0x89, ...enc('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a HEIC photo (ftyp heic)', file([0, 0, 0, 0x18, ...enc('ftypheic')])],
    ['an AVIF picture (ftyp avif)', file([0, 0, 0, 0x1c, ...enc('ftypavif')])],
    ['a PDF', file(enc('%PDF-1.7\n'))],
    ['a ZIP', file([...enc('PK'), 3, 4, 20, 0])],
    ['an ICO (00 00 01 00, not a start code)', file([0, 0, 1, 0, 1, 0, 16, 16])],
    ['a RIFF that is neither AVI nor WAV (WebP)', file([...enc('RIFF'), 1, 2, 3, 4, ...enc('WEBPVP8 ')])],
    ['three bytes', new Uint8Array([0x1a, 0x45, 0xdf])],
    ['nothing', new Uint8Array(0)],
  ];
  for (const [name, head] of notMedia) {
    it(`refuses ${name}`, () => assert.equal(sniffMedia(head), null));
  }
});
