import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse, types } from 'hls-parser';
import { buildMasterPlaylist } from '../master-playlist.writer';
import type { CaptionCue } from './caption-cue';
import { fmp4StartMpegTs, fmp4StartSeconds } from './mp4-start';
import { buildSubtitleRendition, segmentDurationsOf, withSubtitleTracks } from './subtitle-rendition';

const cue = (startMs: number, endMs: number, text: string, id: string | null = null): CaptionCue => ({
  id,
  startMs,
  endMs,
  settings: '',
  text,
});

describe('buildSubtitleRendition', () => {
  const cues = [cue(500, 1500, 'first', 'a'), cue(1800, 2600, 'spans 2 s', 'a'), cue(4100, 4900, 'third')];
  const r = buildSubtitleRendition(cues, { segmentDurations: [2, 2, 1.5], mpegts: 12_000 });

  it('writes a VOD playlist with one WebVTT segment per video segment, same durations', () => {
    assert.equal(
      r.playlist,
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXTINF:2.000000,',
        'seg_00000.vtt',
        '#EXTINF:2.000000,',
        'seg_00001.vtt',
        '#EXTINF:1.500000,',
        'seg_00002.vtt',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
    const parsed = parse(r.playlist) as types.MediaPlaylist;
    assert.deepEqual(
      parsed.segments.map((s) => [s.uri, s.duration]),
      [
        ['seg_00000.vtt', 2],
        ['seg_00001.vtt', 2],
        ['seg_00002.vtt', 1.5],
      ],
    );
  });

  it('maps cue time 0 to the video timeline start and repeats a cue in every segment it touches, without ids', () => {
    const header = 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:12000,LOCAL:00:00:00.000\n\n';
    assert.deepEqual(
      r.segments.map((s) => s.name),
      ['seg_00000.vtt', 'seg_00001.vtt', 'seg_00002.vtt'],
    );
    assert.equal(r.segments[0].text, `${header}00:00:00.500 --> 00:00:01.500\nfirst\n\n00:00:01.800 --> 00:00:02.600\nspans 2 s\n\n`);
    assert.equal(r.segments[1].text, `${header}00:00:01.800 --> 00:00:02.600\nspans 2 s\n\n`);
    assert.equal(r.segments[2].text, `${header}00:00:04.100 --> 00:00:04.900\nthird\n\n`);
  });

  it('writes empty segments where no cue is shown, and refuses a video without segments', () => {
    const quiet = buildSubtitleRendition([cue(5000, 5500, 'late')], { segmentDurations: [2, 2, 2], mpegts: 0 });
    assert.equal(quiet.segments[0].text, 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n');
    assert.match(quiet.segments[2].text, /late/);
    assert.throws(() => buildSubtitleRendition([], { segmentDurations: [], mpegts: 0 }), /no segments/);
  });

  it('reads segment durations from a media playlist', () => {
    assert.deepEqual(segmentDurationsOf('#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.002000,\na.m4s\n#EXTINF:0.5,\nb.m4s\n'), [2.002, 0.5]);
  });
});

describe('withSubtitleTracks (the master playlist)', () => {
  const master = buildMasterPlaylist(
    [
      {
        name: '720p',
        width: 1280,
        height: 720,
        bandwidth: 3_000_000,
        averageBandwidth: 2_500_000,
        codecs: 'avc1.64001f,mp4a.40.2',
        frameRate: 30,
        playlist: '720p/playlist.m3u8',
      },
      {
        name: '360p',
        width: 640,
        height: 360,
        bandwidth: 900_000,
        averageBandwidth: 700_000,
        codecs: 'avc1.64001e,mp4a.40.2',
        frameRate: 30,
        playlist: '360p/playlist.m3u8',
      },
    ],
    { name: 'audio', codecs: 'mp4a.40.2', channels: 2, bandwidth: 128_000, averageBandwidth: 128_000, playlist: 'audio/playlist.m3u8' },
  );
  const tracks = [
    { language: 'pt-BR', label: 'Português (Brasil)', uri: 'captions/pt-BR.abc/playlist.m3u8' },
    { language: 'en', label: 'English', uri: 'captions/en.def/playlist.m3u8' },
  ];

  it('adds one SUBTITLES rendition per track (sorted by language) and SUBTITLES="subs" on every variant', () => {
    const out = withSubtitleTracks(master, tracks);
    const media = out.split('\n').filter((l) => l.includes('TYPE=SUBTITLES'));
    assert.deepEqual(media, [
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="en",NAME="English",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="captions/en.def/playlist.m3u8"',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="pt-BR",NAME="Português (Brasil)",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="captions/pt-BR.abc/playlist.m3u8"',
    ]);
    const parsed = parse(out) as types.MasterPlaylist;
    assert.equal(parsed.variants.length, 2);
    for (const v of parsed.variants) {
      assert.deepEqual(
        v.subtitles.map((s) => [s.language, s.name, s.uri, s.isDefault]),
        [
          ['en', 'English', 'captions/en.def/playlist.m3u8', false],
          ['pt-BR', 'Português (Brasil)', 'captions/pt-BR.abc/playlist.m3u8', false],
        ],
      );
      assert.equal(v.audio.length, 1, 'the audio group is kept');
    }
  });

  it('is idempotent and reversible: re-writing replaces the tracks, none gives the original back byte for byte', () => {
    const once = withSubtitleTracks(master, tracks);
    assert.equal(withSubtitleTracks(once, tracks), once);
    const onlyEn = withSubtitleTracks(once, [tracks[1]]);
    assert.equal(onlyEn.split('\n').filter((l) => l.includes('TYPE=SUBTITLES')).length, 1);
    assert.equal(withSubtitleTracks(once, []), master);
  });

  it('keeps NAMEs unique in the group (two tracks labelled alike get their language added)', () => {
    const out = withSubtitleTracks(master, [
      { language: 'en', label: 'English', uri: 'a/playlist.m3u8' },
      { language: 'en-GB', label: 'English', uri: 'b/playlist.m3u8' },
    ]);
    assert.deepEqual(
      (parse(out) as types.MasterPlaylist).variants[0].subtitles.map((s) => s.name),
      ['English', 'English (en-GB)'],
    );
  });

  it('refuses a label or URI that would break the playlist', () => {
    assert.throws(() => withSubtitleTracks(master, [{ language: 'en', label: 'a"b', uri: 'x.m3u8' }]), /unsafe/);
    assert.throws(() => withSubtitleTracks(master, [{ language: 'en"', label: 'a', uri: 'x.m3u8' }]), /unsafe/);
  });
});

/** An ISO BMFF box. */
function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

describe('fmp4 timeline start (X-TIMESTAMP-MAP)', () => {
  const mdhd = (version: 0 | 1, timescale: number) => {
    const b = Buffer.alloc(version === 1 ? 32 : 20);
    b.writeUInt8(version, 0);
    b.writeUInt32BE(timescale, version === 1 ? 20 : 12);
    return box('mdhd', b);
  };
  const tfdt = (version: 0 | 1, time: number) => {
    const b = Buffer.alloc(version === 1 ? 12 : 8);
    b.writeUInt8(version, 0);
    if (version === 1) b.writeBigUInt64BE(BigInt(time), 4);
    else b.writeUInt32BE(time, 4);
    return box('tfdt', b);
  };
  const init = (v: 0 | 1, ts: number) =>
    Buffer.concat([
      box('ftyp', Buffer.from('iso6')),
      box('moov', box('mvhd', Buffer.alloc(100)), box('trak', box('tkhd', Buffer.alloc(84)), box('mdia', mdhd(v, ts)))),
    ]);
  const seg = (v: 0 | 1, t: number) =>
    Buffer.concat([
      box('styp', Buffer.from('msdh')),
      box('moof', box('mfhd', Buffer.alloc(8)), box('traf', box('tfhd', Buffer.alloc(8)), tfdt(v, t))),
      box('mdat', Buffer.alloc(16)),
    ]);

  it('reads the timescale (mdhd) and the first decode time (tfdt), both box versions', () => {
    assert.equal(fmp4StartSeconds(init(0, 15360), seg(0, 1024)), 1024 / 15360);
    assert.equal(fmp4StartMpegTs(init(0, 15360), seg(0, 1024)), 6000);
    assert.equal(fmp4StartMpegTs(init(1, 90000), seg(1, 2 ** 33 + 5)), 2 ** 33 + 5);
    assert.equal(fmp4StartMpegTs(init(0, 1000), seg(0, 0)), 0);
  });

  it('fails clearly on files that are not fMP4', () => {
    assert.throws(() => fmp4StartSeconds(Buffer.from('not an mp4 at all'), seg(0, 1)), /mdhd/);
    assert.throws(() => fmp4StartSeconds(init(0, 1000), Buffer.alloc(4)), /tfdt/);
  });
});
