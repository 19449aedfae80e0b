import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseHls, types as hlsTypes } from 'hls-parser';
import {
  buildAudioTranscodeInvocation,
  buildCoverInvocation,
  buildLoudnessMeasureInvocation,
  buildLoudnormFilter,
  buildTranscodeInvocation,
  computePeaks,
  coverColors,
  parseLoudnormOutput,
  toArgv,
} from './ffmpeg-args.builder';
import { audioRungBitrates, PODCAST_LOUDNESS, planLadder } from './ladder.planner';
import { buildAudioMasterPlaylist } from './master-playlist.writer';
import { readMediaTags } from './media.repository';
import type { AudioStreamInfo, LoudnessMeasure, ProbeResult } from './media.types';

function audioSource(audio: Partial<AudioStreamInfo> = {}, durationSec = 180): ProbeResult {
  return {
    format: 'mp3',
    durationSec,
    sizeBytes: 5_000_000,
    video: null,
    audio: { codec: 'mp3', channels: 2, sampleRate: 44100, bitrate: 320_000, ...audio },
    coverStreamIndex: null,
    tags: {},
  };
}

const names = (p: ProbeResult) => planLadder(p).audioRungs.map((r) => r.name);

describe('planLadder for audio-only sources', () => {
  it('gives a 320k MP3 the three AAC-LC rungs, lowest first, at its own 44.1 kHz', () => {
    const ladder = planLadder(audioSource());
    assert.equal(ladder.kind, 'audio');
    assert.deepEqual(ladder.video, []);
    assert.equal(ladder.audio, null);
    assert.equal(ladder.storyboard, null);
    assert.deepEqual(
      ladder.audioRungs.map((r) => [r.name, r.bitrateK, r.channels, r.sampleRate, r.codec]),
      [
        ['64k', 64, 2, 44100, 'aac'],
        ['128k', 128, 2, 44100, 'aac'],
        ['256k', 256, 2, 44100, 'aac'],
      ],
    );
    assert.equal(ladder.segmentDurationSec, 2, 'the same segment grid as a video ladder');
    assert.equal(ladder.loudness, null, 'no normalization unless asked');
  });

  it('never goes above a lossy source: 96k MP3 → 64k only, 128k MP3 → 64k + 128k, 32k talk → the 64k floor', () => {
    assert.deepEqual(names(audioSource({ bitrate: 96_000 })), ['64k']);
    assert.deepEqual(names(audioSource({ bitrate: 128_000 })), ['64k', '128k']);
    assert.deepEqual(names(audioSource({ bitrate: 160_000 })), ['64k', '128k']);
    assert.deepEqual(names(audioSource({ bitrate: 256_000 })), ['64k', '128k', '256k']);
    assert.deepEqual(names(audioSource({ bitrate: 32_000, channels: 1 })), ['64k']);
    assert.deepEqual(names(audioSource({ codec: 'opus', bitrate: 64_000 })), ['64k']);
  });

  it('gives lossless or unknown-bitrate sources every rung, mono ones none above 128k', () => {
    assert.deepEqual(names(audioSource({ codec: 'flac', bitrate: 2_000_000, sampleRate: 96000 })), ['64k', '128k', '256k']);
    assert.deepEqual(names(audioSource({ codec: 'pcm_s16le', bitrate: 1_411_000 })), ['64k', '128k', '256k']);
    assert.deepEqual(names(audioSource({ codec: 'aac', bitrate: null })), ['64k', '128k', '256k']);
    assert.deepEqual(names(audioSource({ codec: 'pcm_s16le', channels: 1, bitrate: 705_600 })), ['64k', '128k']);
    assert.deepEqual(audioRungBitrates(audioSource({ bitrate: 100_000 }), [48, 96, 192]), [48, 96]);
  });

  it('resamples what AAC-LC players do not expect (96 kHz → 48 kHz) and downmixes to stereo at most', () => {
    const l = planLadder(audioSource({ codec: 'flac', sampleRate: 96000, channels: 6, bitrate: null }));
    assert.deepEqual([l.audioRungs[0].sampleRate, l.audioRungs[0].channels], [48000, 2]);
    const mono = planLadder(audioSource({ codec: 'pcm_s16le', sampleRate: 22050, channels: 1 }));
    assert.deepEqual([mono.audioRungs[0].sampleRate, mono.audioRungs[0].channels], [48000, 1]);
  });

  it('plans a waveform of 1,000 peaks with a scratch PCM of at most 8 M samples', () => {
    assert.deepEqual(planLadder(audioSource({}, 180)).waveform, { peaks: 1000, width: 1200, height: 200, pcmRate: 8000 });
    assert.equal(planLadder(audioSource({}, 3600)).waveform?.pcmRate, 2200);
    assert.equal(planLadder(audioSource({}, 3 * 3600)).waveform?.pcmRate, 700);
  });

  it('takes a loudness target when asked (podcasts)', () => {
    assert.deepEqual(planLadder(audioSource(), { loudness: PODCAST_LOUDNESS }).loudness, { integrated: -16, truePeak: -1.5, range: 11 });
  });
});

const MEASURED: LoudnessMeasure = { integrated: -27.41, truePeak: -9.02, range: 2.3, threshold: -37.6, offset: 0.37 };

describe('the audio ffmpeg invocations', () => {
  it('encodes every rung and the waveform PCM in ONE process from one decode', () => {
    const probe = audioSource({ bitrate: 192_000 });
    const ladder = planLadder(probe);
    const inv = buildTranscodeInvocation('/in/song.mp3', '/out/', probe, ladder);
    assert.deepEqual(inv, buildAudioTranscodeInvocation('/in/song.mp3', '/out/', probe, ladder));
    assert.deepEqual(toArgv(inv), [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:2', '-stats_period', '0.25'],
      ...['-i', '/in/song.mp3', '-y'],
      '-filter_complex',
      '[0:a:0]aresample=44100,asplit=4[a0][a1][enc][w];[w]aformat=sample_fmts=s16:channel_layouts=mono,aresample=8000[wave]',
      ...rung('a0', '64', '64k'),
      ...rung('a1', '128', '128k'),
      ...['-map', '[enc]', '-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', '128k', '-ac', '2', '-ar', '44100'],
      ...['-movflags', '+faststart', '-f', 'mp4', '/out/enclosure.m4a'],
      ...['-map', '[wave]', '-c:a', 'pcm_s16le', '-f', 's16le', '/out/waveform.pcm'],
    ]);
    assert.equal(inv.durationSec, 180);
    function rung(label: string, k: string, name: string) {
      return [
        ...['-map', `[${label}]`, '-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', `${k}k`, '-ac', '2', '-ar', '44100'],
        ...['-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4'],
        ...['-hls_flags', 'independent_segments+program_date_time', '-hls_fmp4_init_filename', 'init.mp4'],
        ...['-hls_segment_filename', `/out/${name}/seg_%05d.m4s`, `/out/${name}/playlist.m3u8`],
      ];
    }
  });

  it('normalizes before the split with the first pass measure (linear loudnorm), and refuses to guess without one', () => {
    const probe = audioSource({ bitrate: 64_000, channels: 1 });
    const ladder = planLadder(probe, { loudness: PODCAST_LOUDNESS });
    assert.throws(() => buildTranscodeInvocation('/in/talk.mp3', '/out', probe, ladder), /needs the first pass measure/);
    const graph = toArgv(buildTranscodeInvocation('/in/talk.mp3', '/out', probe, ladder, MEASURED)).find((a) => a.startsWith('[0:a:0]'));
    assert.equal(
      graph,
      '[0:a:0]loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-27.41:measured_TP=-9.02:measured_LRA=2.3:measured_thresh=-37.6:offset=0.37:linear=true:print_format=summary,' +
        'aresample=44100,asplit=3[a0][enc][w];[w]aformat=sample_fmts=s16:channel_layouts=mono,aresample=8000[wave]',
    );
  });

  it('measures loudness in a first pass that writes nothing and prints loudnorm JSON at the info level', () => {
    const argv = toArgv(buildLoudnessMeasureInvocation('/in/talk.mp3', 60, PODCAST_LOUDNESS));
    assert.deepEqual(argv.slice(argv.indexOf('-i')), [
      ...['-i', '/in/talk.mp3', '-y', '-map', '0:a:0', '-af'],
      'loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json',
      ...['-f', 'null', '-'],
    ]);
    assert.equal(argv[argv.indexOf('-loglevel') + 1], 'info');
    assert.equal(buildLoudnormFilter({ integrated: -23, truePeak: -1, range: 7 }), 'loudnorm=I=-23:TP=-1:LRA=7:print_format=json');
  });

  it('reads loudnorm JSON from the end of ffmpeg output, and says when it measured nothing', () => {
    const lines = [
      '[Parsed_loudnorm_0 @ 0x55d] ',
      '{',
      '\t"input_i" : "-27.41",',
      '\t"input_tp" : "-9.02",',
      '\t"input_lra" : "2.30",',
      '\t"input_thresh" : "-37.60",',
      '\t"output_i" : "-16.05",',
      '\t"target_offset" : "0.37"',
      '}',
    ];
    assert.deepEqual(parseLoudnormOutput(lines), MEASURED);
    assert.throws(() => parseLoudnormOutput(['no json here']), /printed no measurement/);
    assert.throws(() => parseLoudnormOutput(['{ "input_i": "-inf", "input_tp": "-inf" }']), /measured no input_i .*silent/);
  });

  it('takes the embedded cover by its stream index', () => {
    const argv = toArgv(buildCoverInvocation('/in/song.mp3', '/out', 1));
    assert.deepEqual(argv.slice(argv.indexOf('-map'), argv.indexOf('-map') + 4), ['-map', '0:1', '-frames:v', '1']);
    assert.equal(argv.at(-1), '/out/poster.jpg');
  });

  it('derives generated cover colours from the seed: stable, and different for another seed', () => {
    assert.deepEqual(coverColors('My song'), coverColors('My song'));
    assert.notDeepEqual(coverColors('My song'), coverColors('Another song'));
    for (const c of coverColors('x')) assert.match(c, /^0x[0-9a-f]{6}$/);
  });
});

describe('computePeaks', () => {
  it('gives the largest absolute sample of each span, 0..1', () => {
    const pcm = Buffer.alloc(8 * 2);
    [0, 16384, -32768, 0, 100, -200, 0, 32767].forEach((v, i) => pcm.writeInt16LE(v, i * 2));
    assert.deepEqual(computePeaks(pcm, 4), [0.5, 1, 0.006, 1]);
    assert.equal(computePeaks(pcm, 1000).length, 1000, 'always the asked count, even from fewer samples');
  });
});

describe('buildAudioMasterPlaylist', () => {
  it('lists audio-only variants with CODECS and BANDWIDTH and no RESOLUTION', () => {
    const text = buildAudioMasterPlaylist([
      { name: '64k', codecs: 'mp4a.40.2', channels: 2, bandwidth: 70_000, averageBandwidth: 66_000, playlist: '64k/playlist.m3u8' },
      { name: '128k', codecs: 'mp4a.40.2', channels: 2, bandwidth: 140_000, averageBandwidth: 131_000, playlist: '128k/playlist.m3u8' },
    ]);
    assert.doesNotMatch(text, /RESOLUTION|FRAME-RATE|EXT-X-MEDIA/);
    const master = parseHls(text);
    assert.ok(master instanceof hlsTypes.MasterPlaylist);
    assert.deepEqual(
      master.variants.map((v) => [v.uri, v.bandwidth, v.averageBandwidth, v.codecs]),
      [
        ['64k/playlist.m3u8', 70_000, 66_000, 'mp4a.40.2'],
        ['128k/playlist.m3u8', 140_000, 131_000, 'mp4a.40.2'],
      ],
    );
  });
});

describe('readMediaTags', () => {
  it('reads ID3-style and Vorbis-style tags whatever their case, format tags first', () => {
    assert.deepEqual(
      readMediaTags(
        { title: ' Song  One ', artist: 'The Band', album: 'First', track: '3/12', date: '2019-05-01', genre: 'Rock' },
        { TITLE: 'ignored (format first)', GENRE: 'Pop' },
      ),
      { title: 'Song One', artist: 'The Band', album: 'First', track: 3, year: 2019, genre: 'Rock' },
    );
    assert.deepEqual(readMediaTags(undefined, { ARTIST: 'A', TRACKNUMBER: '7', DATE: '1999' }), { artist: 'A', track: 7, year: 1999 });
    assert.deepEqual(readMediaTags({ track: 'x', date: 'soon' }), {});
  });
});
