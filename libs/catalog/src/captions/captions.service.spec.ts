import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuthUser } from '@wetube/identity';
import { AppConfig, RateLimiterFactory } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import type { VideoEntity } from '../videos/video.entity';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { CaptionsPublisher } from './captions.publisher';
import { CaptionRecord, CaptionsRepository } from './captions.repository';
import { CaptionsService } from './captions.service';
import type { CaptionProblem } from './captions.service';

// Small tests of the caption rules: the video, the table and the publisher faked.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  PUBLIC_API_URL: 'https://tube.example',
});
const owner: AuthUser = { id: 'owner', roles: ['creator'] as never };
const other: AuthUser = { id: 'other', roles: ['creator'] as never };
const SRT = new TextEncoder().encode('1\n00:00:01,000 --> 00:00:02,000\nHello <b>there</b> <script>x</script>\n');

function video(over: Partial<VideoEntity> = {}): VideoEntity {
  return { id: 'v1', ownerId: 'owner', status: VideoStatus.READY, visibility: Visibility.PUBLIC, ...over } as VideoEntity;
}

function service(
  opts: { video?: VideoEntity | null; existing?: CaptionRecord[]; publishFails?: boolean; limits?: RateLimiterFactory } = {},
) {
  const rows = new Map((opts.existing ?? []).map((r) => [r.language, r]));
  const t = newTestService(CaptionsService, {
    fakes: [
      fake(AppConfig, config),
      fake(VideosService, { findById: async () => (opts.video === undefined ? video() : opts.video) }),
      fake(CaptionsRepository, {
        find: async (_v: string, language: string) => rows.get(language) ?? null,
        count: async () => rows.size,
        upsert: async (r: CaptionRecord) => void rows.set(r.language, r),
        delete: async (_v: string, language: string) => rows.delete(language),
      }),
      fake(CaptionsPublisher, {
        republish: async () => {
          if (opts.publishFails) throw new Error('disk full');
        },
      }),
      fake(RateLimiterFactory, opts.limits ?? RateLimiterFactory.inMemory()),
    ],
  });
  return { ...t, rows };
}

describe('CaptionsService (small)', () => {
  it('stores an SRT upload as WebVTT under its canonical language, publishes, and answers the track with its URLs', async () => {
    const t = service();
    const r = await t.sut.upload(owner, { videoId: 'v1', language: 'pt-br', label: null, file: SRT });
    assert.ok(r.ok, JSON.stringify(r));
    const row = t.rows.get('pt-BR')!;
    assert.equal(row.sourceFormat, 'srt');
    assert.equal(row.cueCount, 1);
    assert.equal(row.vtt, 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHello <b>there</b> &lt;script&gt;x&lt;/script&gt;\n\n');
    assert.match(row.revision, /^[0-9a-f]{12}$/);
    assert.equal(r.value.label, 'Português (Brasil)');
    assert.equal(r.value.url, `https://tube.example/hls/v1/captions/pt-BR.${row.revision}/captions.vtt`);
    assert.equal(r.value.playlistUrl, `https://tube.example/hls/v1/captions/pt-BR.${row.revision}/playlist.m3u8`);
    assert.deepEqual(t.callNames('CaptionsPublisher'), ['CaptionsPublisher.republish']);
  });

  it('replacing a language keeps one track and its first upload time', async () => {
    const t = service();
    await t.sut.upload(owner, { videoId: 'v1', language: 'en', label: 'English', file: SRT });
    const created = t.rows.get('en')!.createdAt;
    const r = await t.sut.upload(owner, { videoId: 'v1', language: 'EN', label: 'English (SDH)', file: SRT });
    assert.ok(r.ok);
    assert.equal(t.rows.size, 1);
    assert.equal(t.rows.get('en')!.label, 'English (SDH)');
    assert.equal(t.rows.get('en')!.createdAt, created);
  });

  it('only the owner changes captions: others get FORBIDDEN, a private video of someone else is NOT_FOUND', async () => {
    const forbidden = await service().sut.upload(other, { videoId: 'v1', language: 'en', file: SRT });
    assert.deepEqual(!forbidden.ok && [forbidden.problem.status, forbidden.problem.code], [403, 'FORBIDDEN']);
    const hidden = await service({ video: video({ visibility: Visibility.PRIVATE }) }).sut.remove(other, 'v1', 'en');
    assert.deepEqual(!hidden.ok && [hidden.problem.status, hidden.problem.code], [404, 'NOT_FOUND']);
    const missing = await service({ video: null }).sut.upload(owner, { videoId: 'nope', language: 'en', file: SRT });
    assert.deepEqual(!missing.ok && missing.problem.code, 'NOT_FOUND');
    const admin = await service().sut.upload({ id: 'admin', roles: ['admin'] as never }, { videoId: 'v1', language: 'en', file: SRT });
    assert.ok(admin.ok, 'an admin may');
  });

  it('a video still processing takes no captions yet', async () => {
    const r = await service({ video: video({ status: VideoStatus.PROCESSING }) }).sut.upload(owner, {
      videoId: 'v1',
      language: 'en',
      file: SRT,
    });
    assert.deepEqual(!r.ok && [r.problem.status, r.problem.code], [409, 'VIDEO_NOT_READY']);
  });

  it('bad files, languages and labels are 400s naming the field, and nothing is stored or published', async () => {
    const cases: [Partial<{ language: string; label: string; file: Uint8Array }>, string, string][] = [
      [{ file: new TextEncoder().encode('just some words') }, 'CAPTION_NOT_SUBTITLES', 'file'],
      [{ file: new TextEncoder().encode('1\n00:00:01 --> 00:00:02\nx\n') }, 'CAPTION_MALFORMED_TIMESTAMP', 'file'],
      [{ language: 'klingon!' }, 'CAPTION_BAD_LANGUAGE', 'language'],
      [{ label: 'a "quoted" label' }, 'CAPTION_BAD_LABEL', 'label'],
    ];
    for (const [input, code, field] of cases) {
      const t = service();
      const r = await t.sut.upload(owner, { videoId: 'v1', language: 'en', label: null, file: SRT, ...input });
      assert.deepEqual(!r.ok && [r.problem.status, r.problem.code, r.problem.field], [400, code, field]);
      assert.equal(t.rows.size, 0);
      assert.deepEqual(t.callNames('CaptionsPublisher'), []);
    }
  });

  it('when publishing fails the table goes back to what is published', async () => {
    const before: CaptionRecord = {
      videoId: 'v1',
      language: 'en',
      label: 'Old',
      vtt: 'WEBVTT\n\n',
      sourceFormat: 'vtt',
      cueCount: 0,
      revision: 'aaaaaaaaaaaa',
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
    const replaced = service({ existing: [before], publishFails: true });
    await assert.rejects(replaced.sut.upload(owner, { videoId: 'v1', language: 'en', label: 'New', file: SRT }), /disk full/);
    assert.deepEqual(replaced.rows.get('en'), before);
    const added = service({ publishFails: true });
    await assert.rejects(added.sut.upload(owner, { videoId: 'v1', language: 'fr', file: SRT }), /disk full/);
    assert.equal(added.rows.size, 0);
    const deleted = service({ existing: [before], publishFails: true });
    await assert.rejects(deleted.sut.remove(owner, 'v1', 'en'), /disk full/);
    assert.deepEqual(deleted.rows.get('en'), before);
  });

  it('deleting a language it does not have is a clear 404', async () => {
    const r = await service().sut.remove(owner, 'v1', 'de');
    assert.deepEqual(!r.ok && [r.problem.status, r.problem.code, r.problem.message], [
      404,
      'CAPTION_NOT_FOUND',
      'This video has no captions in "de".',
    ]);
  });

  it('changes per account are rate limited', async () => {
    const t = service();
    let limited: CaptionProblem | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await t.sut.remove(owner, 'v1', 'de');
      if (!r.ok && r.problem.code === 'RATE_LIMITED') limited = r.problem;
    }
    assert.ok(limited, 'refused after the burst');
    assert.equal(limited.status, 429);
    assert.ok(limited.retryAfterSec! > 0);
  });
});
