import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContentAddresser, StorageRepository } from '@wetube/content';
import { type TranscodeJob, VideoEntity, VideosService, VideoStatus, VideoTorrentsService } from '@wetube/catalog';
import { type Ladder, MediaProbeError, MediaRepository, type ProbeResult, type TranscodeResult, TranscodeService } from '@wetube/media';
import { AppConfig, type JobContext } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { SwarmPublisher } from './swarm.publisher';
import { TranscodeJobHandler } from './transcode-job.handler';

// Small tests of the transcode pipeline's decisions: every tool it drives (database, storage,
// ffprobe/ffmpeg, torrents, content addressing) is a fake, so each run takes milliseconds.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  MAX_DURATION_SEC: '600',
});

const PROBE: ProbeResult = {
  format: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSec: 10,
  sizeBytes: 1_000_000,
  video: {
    codec: 'h264',
    width: 1280,
    height: 720,
    displayWidth: 1280,
    displayHeight: 720,
    rotation: 0,
    fps: 30,
    pixFmt: 'yuv420p',
    profile: 'High',
    level: 31,
    frameCount: 300,
  },
  audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
};

const RESULT: TranscodeResult = {
  kind: 'video',
  audioInfo: null,
  durationSec: 10.02,
  width: 1280,
  height: 720,
  renditions: [
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
  audio: {
    name: 'audio',
    codecs: 'mp4a.40.2',
    channels: 2,
    bandwidth: 130_000,
    averageBandwidth: 128_000,
    playlist: 'audio/playlist.m3u8',
  },
  master: 'master.m3u8',
  poster: 'poster.jpg',
  storyboard: { vtt: 'storyboard.vtt', sprites: [] },
  files: [],
};

function video(over: Partial<VideoEntity> = {}): VideoEntity {
  return { id: 'v1', uploadId: 'up1', status: VideoStatus.UPLOADED, ...over } as VideoEntity;
}

function job(over: Partial<JobContext<TranscodeJob>> = {}): JobContext<TranscodeJob> & { progress: number[] } {
  const progress: number[] = [];
  return {
    id: 'v1',
    data: { videoId: 'v1' },
    attempt: 1,
    maxAttempts: 3,
    signal: new AbortController().signal,
    updateProgress: async (pct: number) => void progress.push(pct),
    progress,
    ...over,
  };
}

interface Setup {
  /** What findById answers, call after call (the last one repeats). */
  found?: (VideoEntity | null)[];
  uploadExists?: boolean;
  probe?: () => Promise<ProbeResult>;
  transcode?: TranscodeService['transcode'];
}

function handler(s: Setup = {}) {
  const found = [...(s.found ?? [video()])];
  return newTestService(TranscodeJobHandler, {
    fakes: [
      fake(AppConfig, config),
      fake(VideosService, {
        findById: async () => (found.length > 1 ? found.shift()! : found[0]),
        markProcessing: async () => undefined,
        setProgress: async () => undefined,
        markReady: async () => undefined,
        markFailed: async () => undefined,
      }),
      fake(StorageRepository, {
        uploadPath: (id: string) => `/data/uploads/${id}`,
        exists: async () => s.uploadExists ?? true,
        createTempDir: async (id: string) => `/data/tmp/${id}.work`,
        removeDir: async () => undefined,
        removeUpload: async () => undefined,
        publish: async () => undefined,
        keepOriginal: async () => undefined,
      }),
      fake(MediaRepository, { probe: s.probe ?? (async () => PROBE) }),
      fake(TranscodeService, {
        transcode:
          s.transcode ??
          (async (_src, _out, _probe, _ladder, opts) => {
            opts?.onProgress?.(40);
            opts?.onProgress?.(100);
            return RESULT;
          }),
      }),
      fake(ContentAddresser, { addressFolder: async () => ({}) as never }),
      fake(SwarmPublisher, {
        publishTorrents: async (_dir, _id, names) =>
          names.map((rendition) => ({ rendition, infoHash: `ih-${rendition}`, magnetUri: 'm', bytes: 1 })),
      }),
      fake(VideoTorrentsService, { replace: async () => undefined }),
    ],
  });
}

describe('TranscodeJobHandler (small: every tool faked)', () => {
  for (const [label, found] of [
    ['gone', null],
    ['READY', video({ status: VideoStatus.READY })],
    ['FAILED', video({ status: VideoStatus.FAILED })],
  ] as const) {
    it(`does nothing for a video that is ${label} (a retried or duplicated job is harmless)`, async () => {
      const t = handler({ found: [found] });
      await t.sut.handle(job());
      assert.deepEqual(t.callNames(), ['VideosService.findById']);
    });
  }

  it('fails a video whose upload id is missing, without touching storage or ffmpeg', async () => {
    const t = handler({ found: [video({ uploadId: null })] });
    await t.sut.handle(job());
    assert.deepEqual(t.callsTo('VideosService.markFailed'), [['v1', 'The uploaded file is missing.']]);
    assert.deepEqual(t.callNames('MediaRepository'), []);
    assert.deepEqual(t.callNames('StorageRepository'), []);
  });

  it('fails a video whose uploaded file is gone from storage, before marking it PROCESSING', async () => {
    const t = handler({ uploadExists: false });
    await t.sut.handle(job());
    assert.deepEqual(t.callsTo('StorageRepository.exists'), [['/data/uploads/up1']]);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), [['v1', 'The uploaded file is missing.']]);
    assert.deepEqual(t.callsTo('VideosService.markProcessing'), []);
    assert.deepEqual(t.callsTo('StorageRepository.removeUpload'), []);
  });

  it('a file ffprobe cannot read fails the video with its message and removes the upload; ffmpeg never runs', async () => {
    const t = handler({
      probe: async () => {
        throw new MediaProbeError('The file is not a video or audio file we can read', 'moov atom not found');
      },
    });
    await t.sut.handle(job());
    assert.deepEqual(t.callNames('VideosService'), ['VideosService.findById', 'VideosService.markProcessing', 'VideosService.markFailed']);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), [['v1', 'The file is not a video or audio file we can read']]);
    assert.deepEqual(t.callsTo('StorageRepository.removeUpload'), [['up1']]);
    assert.deepEqual(t.callNames('TranscodeService'), []);
  });

  it('a source over the configured limits (MAX_DURATION_SEC) is rejected with the reason the uploader reads', async () => {
    const t = handler({ probe: async () => ({ ...PROBE, durationSec: 601 }) });
    await t.sut.handle(job());
    assert.deepEqual(t.callsTo('VideosService.markFailed'), [['v1', 'The video is 10:01 long; the limit is 10:00']]);
    assert.deepEqual(t.callsTo('StorageRepository.removeUpload'), [['up1']]);
    assert.deepEqual(t.callNames('TranscodeService'), []);
  });

  it('an unexpected probe error is thrown to the queue (retried), the video is not failed', async () => {
    const t = handler({
      probe: async () => {
        throw new Error('EMFILE: too many open files');
      },
    });
    await assert.rejects(t.sut.handle(job()), /EMFILE/);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), []);
    assert.deepEqual(t.callsTo('StorageRepository.removeUpload'), []);
  });

  it('a good source goes PROCESSING → encoded → torrents → addressed → published → READY, and the original is kept', async () => {
    const t = handler();
    const j = job();
    await t.sut.handle(j);
    assert.deepEqual(
      t.calls.map((c) => c.name).filter((n) => !n.startsWith('AppConfig.')),
      [
        'VideosService.findById',
        'StorageRepository.uploadPath',
        'StorageRepository.exists',
        'VideosService.markProcessing',
        'MediaRepository.probe',
        'StorageRepository.createTempDir',
        'TranscodeService.transcode',
        'VideosService.setProgress',
        'VideosService.setProgress',
        'SwarmPublisher.publishTorrents',
        'ContentAddresser.addressFolder',
        'VideosService.findById',
        'StorageRepository.publish',
        'VideoTorrentsService.replace',
        'VideosService.markReady',
        'StorageRepository.keepOriginal',
      ],
    );
    // Encoder progress is passed on, but 100 % is the job's end, not the encoder's.
    assert.deepEqual(j.progress, [0, 40, 99]);
    assert.deepEqual(t.callsTo('VideosService.setProgress'), [
      ['v1', 40],
      ['v1', 99],
    ]);
    // One torrent per rendition, the audio-only one included.
    assert.deepEqual(t.callsTo('SwarmPublisher.publishTorrents'), [['/data/tmp/v1.work', 'v1', ['720p', '360p', 'audio']]]);
    assert.deepEqual(t.callsTo('StorageRepository.publish'), [['/data/tmp/v1.work', 'v1']]);
    assert.deepEqual(
      (t.callsTo('VideoTorrentsService.replace')[0][1] as { rendition: string }[]).map((r) => r.rendition),
      ['720p', '360p', 'audio'],
    );
    assert.deepEqual(t.callsTo('VideosService.markReady'), [
      [
        'v1',
        {
          durationMs: 10020,
          width: 1280,
          height: 720,
          kind: 'VIDEO',
          renditions: [
            { name: '720p', width: 1280, height: 720, bandwidth: 3_000_000, codecs: 'avc1.64001f,mp4a.40.2' },
            { name: '360p', width: 640, height: 360, bandwidth: 900_000, codecs: 'avc1.64001e,mp4a.40.2' },
          ],
        },
      ],
    ]);
    assert.deepEqual(t.callsTo('StorageRepository.keepOriginal'), [['up1', 'v1']]);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), []);
  });

  it('a video deleted while it was encoded: the output is dropped, nothing is published', async () => {
    const t = handler({ found: [video(), null] });
    await t.sut.handle(job());
    assert.deepEqual(t.callsTo('StorageRepository.removeDir'), [['/data/tmp/v1.work']]);
    assert.deepEqual(t.callsTo('StorageRepository.publish'), []);
    assert.deepEqual(t.callsTo('VideoTorrentsService.replace'), []);
    assert.deepEqual(t.callsTo('VideosService.markReady'), []);
  });

  const ffmpegDies: TranscodeService['transcode'] = async () => {
    throw new Error('ffmpeg exited with code 1\nConversion failed!');
  };

  it('an ffmpeg failure before the last attempt removes the work folder and is thrown for a retry; the video is not failed', async () => {
    const t = handler({ transcode: ffmpegDies });
    await assert.rejects(t.sut.handle(job({ attempt: 2, maxAttempts: 3 })), /ffmpeg exited with code 1/);
    assert.deepEqual(t.callsTo('StorageRepository.removeDir'), [['/data/tmp/v1.work']]);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), []);
  });

  it('an ffmpeg failure on the last attempt fails the video with the first line of the error', async () => {
    const t = handler({ transcode: ffmpegDies });
    await assert.rejects(t.sut.handle(job({ attempt: 3, maxAttempts: 3 })), /ffmpeg exited/);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), [['v1', 'Transcoding failed after 3 attempts: ffmpeg exited with code 1']]);
    assert.deepEqual(t.callsTo('StorageRepository.removeUpload'), []);
  });

  it('a job stopped by shutdown is thrown back to run again, never failed, even on its last attempt', async () => {
    const stop = new AbortController();
    const t = handler({
      transcode: async () => {
        stop.abort();
        throw new Error('aborted');
      },
    });
    await assert.rejects(t.sut.handle(job({ attempt: 3, maxAttempts: 3, signal: stop.signal })), /aborted/);
    assert.deepEqual(t.callsTo('StorageRepository.removeDir'), [['/data/tmp/v1.work']]);
    assert.deepEqual(t.callsTo('VideosService.markFailed'), []);
  });

  describe('audio items (issue 14)', () => {
    const AUDIO_PROBE: ProbeResult = {
      format: 'mp3',
      durationSec: 60,
      sizeBytes: 1_000_000,
      video: null,
      audio: { codec: 'mp3', channels: 2, sampleRate: 44100, bitrate: 128_000 },
      coverStreamIndex: null,
      tags: { artist: 'A' },
    };
    const AUDIO_RESULT: TranscodeResult = {
      ...RESULT,
      kind: 'audio',
      width: 0,
      height: 0,
      audio: null,
      storyboard: null,
      renditions: [{ ...RESULT.renditions[0], name: '64k', width: 0, height: 0, codecs: 'mp4a.40.2', playlist: '64k/playlist.m3u8' }],
      audioInfo: {
        waveform: 'waveform.png',
        peaks: 'waveform.json',
        coverSource: 'generated',
        tags: { artist: 'A' },
        loudness: {
          integrated: -30,
          truePeak: -9,
          range: 3,
          threshold: -40,
          offset: 0.2,
          target: { integrated: -16, truePeak: -1.5, range: 11 },
        },
        enclosure: { file: 'enclosure.m4a', bytes: 12345, type: 'audio/mp4' },
      },
    };
    async function run(meta: VideoEntity['audioMeta']) {
      const ladders: Ladder[] = [];
      const t = handler({
        found: [video({ audioMeta: meta, title: 'Episode 1' })],
        probe: async () => AUDIO_PROBE,
        transcode: async (_src, _out, _probe, ladder, opts) => {
          ladders.push(ladder);
          assert.equal(opts?.coverSeed, 'Episode 1');
          return AUDIO_RESULT;
        },
      });
      await t.sut.handle(job());
      return { t, ladder: ladders[0] };
    }

    it('normalizes a podcast by default (AUDIO_LOUDNORM=podcasts) and stores kind, tags, cover and the measure', async () => {
      const { t, ladder } = await run({ podcast: true });
      assert.equal(ladder.kind, 'audio');
      assert.deepEqual(ladder.loudness, { integrated: -16, truePeak: -1.5, range: 11 });
      assert.deepEqual(t.callsTo('SwarmPublisher.publishTorrents'), [['/data/tmp/v1.work', 'v1', ['64k']]], 'one torrent per audio rung');
      const [[, facts]] = t.callsTo('VideosService.markReady') as [[string, Record<string, unknown>]];
      assert.equal(facts.kind, 'AUDIO');
      assert.equal(facts.width, null);
      assert.deepEqual(facts.audioMeta, {
        podcast: true,
        tags: { artist: 'A' },
        coverSource: 'generated',
        enclosure: { file: 'enclosure.m4a', bytes: 12345, type: 'audio/mp4' },
        loudness: { integrated: -30, truePeak: -9, range: 3, threshold: -40, targetIntegrated: -16, targetTruePeak: -1.5, targetRange: 11 },
      });
    });

    it('leaves music as it is unless the upload asks, and follows the upload when it says no', async () => {
      assert.equal((await run(null)).ladder.loudness, null);
      assert.ok((await run({ normalize: true })).ladder.loudness);
      assert.equal((await run({ podcast: true, normalize: false })).ladder.loudness, null);
    });
  });
});
