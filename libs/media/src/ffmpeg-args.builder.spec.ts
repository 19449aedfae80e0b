import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildFilterGraph,
  buildPosterInvocation,
  buildStoryboardInvocation,
  buildTranscodeInvocation,
  toArgv,
} from './ffmpeg-args.builder';
import { planLadder } from './ladder.planner';
import type { ProbeResult } from './media.types';

function source(width: number, height: number, audio = true, fps = 30): ProbeResult {
  return {
    format: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSec: 60,
    sizeBytes: 1e7,
    video: {
      codec: 'h264',
      width,
      height,
      displayWidth: width,
      displayHeight: height,
      rotation: 0,
      fps,
      pixFmt: 'yuv420p',
      profile: 'High',
      level: 40,
      frameCount: 1800,
    },
    audio: audio ? { codec: 'aac', channels: 6, sampleRate: 48000 } : null,
  };
}

const hls = (name: string) => [
  '-f',
  'hls',
  '-hls_time',
  '2',
  '-hls_playlist_type',
  'vod',
  '-hls_segment_type',
  'fmp4',
  '-hls_flags',
  'independent_segments+program_date_time',
  '-hls_fmp4_init_filename',
  'init.mp4',
  '-hls_segment_filename',
  `/out/${name}/seg_%05d.m4s`,
];

describe('buildTranscodeInvocation', () => {
  const probe = source(1280, 720);
  const ladder = planLadder(probe, { preset: 'veryfast' });
  const inv = buildTranscodeInvocation('/in/src.mp4', '/out/', probe, ladder);

  it('splits one decode into every rung and the storyboard thumbnails', () => {
    assert.equal(
      buildFilterGraph(probe, ladder),
      '[0:v:0]split=4[s0][s1][s2][s3];' +
        '[s0]scale=1280:720:flags=bicubic,setsar=1,format=yuv420p[v720p];' +
        '[s1]scale=854:480:flags=bicubic,setsar=1,format=yuv420p[v480p];' +
        '[s2]scale=640:360:flags=bicubic,setsar=1,format=yuv420p[v360p];' +
        '[s3]fps=1/1,scale=160:90,setsar=1[thumbs]',
    );
  });

  it('has no output of the encode that waits for late frames (ffmpeg 5.1 reports no progress until every header is written)', () => {
    const graph = buildFilterGraph(probe, ladder);
    assert.doesNotMatch(graph, /tile=|trim=/);
    const argv = toArgv(inv);
    assert.ok(!argv.includes('/out/poster.jpg'));
    assert.ok(!argv.some((a) => a.includes('storyboard')));
  });

  it('builds the whole command line argument by argument', () => {
    const rung = (name: string, profile: string, b: number, max: number, buf: number) => [
      '-map',
      `[v${name}]`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-profile:v',
      profile,
      '-b:v',
      `${b}k`,
      '-maxrate',
      `${max}k`,
      '-bufsize',
      `${buf}k`,
      '-g',
      '60',
      '-keyint_min',
      '60',
      '-sc_threshold',
      '0',
      '-force_key_frames',
      'expr:gte(t,n_forced*2)',
      ...hls(name),
      `/out/${name}/playlist.m3u8`,
    ];
    const [r720, r480, r360] = ladder.video;
    assert.deepEqual(toArgv(inv), [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-nostats',
      '-progress',
      'pipe:2',
      '-stats_period',
      '0.25',
      '-i',
      '/in/src.mp4',
      '-y',
      '-filter_complex',
      buildFilterGraph(probe, ladder),
      ...rung('720p', 'high', r720.videoBitrateK, r720.maxrateK, r720.bufsizeK),
      ...rung('480p', 'high', r480.videoBitrateK, r480.maxrateK, r480.bufsizeK),
      ...rung('360p', 'main', r360.videoBitrateK, r360.maxrateK, r360.bufsizeK),
      '-map',
      '0:a:0',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ac',
      '2',
      '-ar',
      '48000',
      ...hls('audio'),
      '/out/audio/playlist.m3u8',
      '-map',
      '[thumbs]',
      '-c:v',
      'mjpeg',
      '-q:v',
      '2',
      '-start_number',
      '0',
      '-f',
      'image2',
      '/out/thumbs/thumb_%05d.jpg',
    ]);
    assert.equal(inv.durationSec, 60);
  });

  it('writes no ffmpeg master playlist and no var_stream_map (we write master.m3u8 ourselves)', () => {
    const argv = toArgv(inv);
    assert.ok(!argv.includes('-master_pl_name'));
    assert.ok(!argv.includes('-var_stream_map'));
  });

  it('has no audio output for a silent source', () => {
    const silent = source(640, 360, false);
    const argv = toArgv(buildTranscodeInvocation('/in/a.mp4', '/out', silent, planLadder(silent)));
    assert.ok(!argv.includes('0:a:0'));
    assert.ok(!argv.includes('/out/audio/playlist.m3u8'));
    assert.ok(argv.includes('/out/360p/playlist.m3u8'));
  });

  it('sets the GOP from the frame rate and segment length, and brings 120 fps down to 60', () => {
    const fast = source(1280, 720, true, 120);
    const l = planLadder(fast, { segmentDurationSec: 4, rungs: [720] });
    const argv = toArgv(buildTranscodeInvocation('/in/a.mp4', '/out', fast, l));
    assert.equal(argv[argv.indexOf('-g') + 1], '240');
    assert.equal(argv[argv.indexOf('-keyint_min') + 1], '240');
    assert.equal(argv[argv.indexOf('-force_key_frames') + 1], 'expr:gte(t,n_forced*4)');
    assert.equal(argv[argv.indexOf('-hls_time') + 1], '4');
    assert.match(argv[argv.indexOf('-filter_complex') + 1], /^\[0:v:0\]fps=60,split=2/);
  });
});

describe('buildStoryboardInvocation', () => {
  it('tiles the thumbnails of the encode into C x R sprite sheets', () => {
    const plan = { intervalSec: 2, thumbWidth: 160, thumbHeight: 90, columns: 10, rows: 3 };
    assert.deepEqual(toArgv(buildStoryboardInvocation('/out/', plan)), [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-nostats',
      '-f',
      'image2',
      '-framerate',
      '1',
      '-start_number',
      '0',
      '-i',
      '/out/thumbs/thumb_%05d.jpg',
      '-y',
      '-vf',
      'scale=160:90,setsar=1,tile=10x3',
      '-c:v',
      'mjpeg',
      '-q:v',
      '5',
      '-start_number',
      '0',
      '-f',
      'image2',
      '/out/storyboard_%03d.jpg',
    ]);
  });
});

describe('buildPosterInvocation', () => {
  const segs = [
    { uri: 'seg_00000.m4s', durationSec: 2 },
    { uri: 'seg_00001.m4s', durationSec: 2 },
    { uri: 'seg_00002.m4s', durationSec: 1.2 },
  ];
  const cut = (at: number, s = segs) => {
    const inv = buildPosterInvocation('/out/', '720p', s, at);
    const argv = toArgv(inv);
    return { input: inv.input, ss: argv[argv.indexOf('-ss') + 1], argv };
  };

  it('reads init + the one segment holding the poster time, and seeks from that segment start', () => {
    assert.deepEqual(cut(3), {
      input: 'concat:/out/720p/init.mp4|/out/720p/seg_00001.m4s',
      ss: '1',
      argv: [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-nostats',
        '-i',
        'concat:/out/720p/init.mp4|/out/720p/seg_00001.m4s',
        '-y',
        '-ss',
        '1',
        '-map',
        '0:v:0',
        '-frames:v',
        '1',
        '-c:v',
        'mjpeg',
        '-q:v',
        '3',
        '-update',
        '1',
        '-f',
        'image2',
        '/out/poster.jpg',
      ],
    });
  });

  it('takes a time on a segment boundary from the next segment, and early times from the first', () => {
    assert.equal(cut(2).input, 'concat:/out/720p/init.mp4|/out/720p/seg_00001.m4s');
    assert.equal(cut(2).ss, '0');
    assert.equal(cut(0.5).input, 'concat:/out/720p/init.mp4|/out/720p/seg_00000.m4s');
    assert.equal(cut(0.5).ss, '0.5');
  });

  it('never seeks past the last segment', () => {
    assert.equal(cut(9).input, 'concat:/out/720p/init.mp4|/out/720p/seg_00002.m4s');
    assert.equal(cut(9).ss, '1.15');
  });

  it('refuses a rendition without segments', () => {
    assert.throws(() => cut(1, []), /no segment/);
  });
});
