import { Injectable, Logger } from '@nestjs/common';
import { ContentAddresser, StorageRepository } from '@wetube/content';
import { MediaKind, VideosService, VideoStatus, VideoTorrentsService } from '@wetube/catalog';
import type { AudioMeta, TranscodeJob, VideoEntity } from '@wetube/catalog';
import {
  frameLimits,
  MediaProbeError,
  MediaRepository,
  planLadder,
  PODCAST_LOUDNESS,
  SourceRejectedError,
  TranscodeService,
  validateSource,
} from '@wetube/media';
import { AppConfig, JobContext } from '@wetube/platform';
import { progressThrottle } from './progress.throttle';
import { SwarmPublisher } from './swarm.publisher';

/**
 * One transcode job: probe → validate → plan → encode every rung in one ffmpeg → torrents per
 * rendition → content-address (signed manifest.json) → publish → READY.
 * Idempotent: a job for a video that is gone, READY or FAILED does nothing, so a retried or
 * duplicated job is harmless. Output is written to a private temp folder and moved into place in
 * one rename only when complete. Bad input fails the video at once with a reason a person can read;
 * a crash or an ffmpeg failure is retried by the queue, and fails the video after the last attempt.
 */
@Injectable()
export class TranscodeJobHandler {
  private readonly log = new Logger('Transcode');

  constructor(
    private readonly config: AppConfig,
    private readonly videos: VideosService,
    private readonly storage: StorageRepository,
    private readonly media: MediaRepository,
    private readonly transcoder: TranscodeService,
    private readonly addresser: ContentAddresser,
    private readonly swarms: SwarmPublisher,
    private readonly torrents: VideoTorrentsService,
  ) {}

  async handle(job: JobContext<TranscodeJob>): Promise<void> {
    const video = await this.videos.findById(job.data.videoId);
    if (!video || video.status === VideoStatus.READY || video.status === VideoStatus.FAILED) return;
    if (!video.uploadId) return this.fail(video.id, null, 'The uploaded file is missing.');
    const source = this.storage.uploadPath(video.uploadId);
    if (!(await this.storage.exists(source))) return this.fail(video.id, null, 'The uploaded file is missing.');

    await this.videos.markProcessing(video.id);
    await job.updateProgress(0);
    let probe;
    try {
      probe = await this.media.probe(source);
      validateSource(probe, {
        maxDurationSec: this.config.maxDurationSec,
        maxBytes: this.config.maxUploadBytes,
        ...frameLimits(this.config.maxSourceHeight),
      });
    } catch (err) {
      if (err instanceof MediaProbeError || err instanceof SourceRejectedError) return this.fail(video.id, video.uploadId, err.message);
      throw err;
    }

    const ladder = planLadder(probe, {
      rungs: this.config.transcodeRungs,
      preset: this.config.transcodePreset,
      loudness: this.normalizes(video) ? { ...PODCAST_LOUDNESS, integrated: this.config.audioLoudnessTarget } : null,
    });
    const tempDir = await this.storage.createTempDir(video.id);
    const started = Date.now();
    try {
      const throttle = progressThrottle(async (pct) => {
        await job.updateProgress(pct);
        await this.videos.setProgress(video.id, pct);
      });
      const result = await this.transcoder.transcode(source, tempDir, probe, ladder, {
        signal: job.signal,
        onProgress: (pct) => throttle.push(Math.min(99, pct)),
        coverSeed: video.title,
      });
      await throttle.flush();
      // One torrent per rendition (origin as web seed), then content-address every output file
      // (Kubo-compatible CIDs, sha256), torrents included, into a signed manifest.json.
      const renditionNames = [...result.renditions.map((r) => r.name), ...(result.audio ? [result.audio.name] : [])];
      const torrents = await this.swarms.publishTorrents(tempDir, video.id, renditionNames);
      await this.addresser.addressFolder(tempDir, video.id);
      // Deleted while we worked: drop the output instead of publishing an orphan.
      if (!(await this.videos.findById(video.id))) return void (await this.storage.removeDir(tempDir));
      await this.storage.publish(tempDir, video.id);
      await this.torrents.replace(video.id, torrents);
      const audio = result.audioInfo;
      await this.videos.markReady(video.id, {
        durationMs: Math.round(result.durationSec * 1000),
        width: result.kind === 'audio' ? null : result.width,
        height: result.kind === 'audio' ? null : result.height,
        kind: result.kind === 'audio' ? MediaKind.AUDIO : MediaKind.VIDEO,
        ...(audio && {
          audioMeta: {
            ...video.audioMeta,
            tags: audio.tags,
            coverSource: audio.coverSource,
            enclosure: audio.enclosure,
            loudness: audio.loudness && {
              integrated: audio.loudness.integrated,
              truePeak: audio.loudness.truePeak,
              range: audio.loudness.range,
              threshold: audio.loudness.threshold,
              targetIntegrated: audio.loudness.target.integrated,
              targetTruePeak: audio.loudness.target.truePeak,
              targetRange: audio.loudness.target.range,
            },
          },
        }),
        renditions: result.renditions.map((r) => ({
          name: r.name,
          width: r.width,
          height: r.height,
          bandwidth: r.bandwidth,
          codecs: r.codecs,
        })),
      });
      await this.storage.keepOriginal(video.uploadId, video.id);
      this.log.log(
        `${result.kind} ${video.id} READY: ${result.renditions.map((r) => r.name).join('/')} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (err) {
      await this.storage.removeDir(tempDir);
      if (job.signal.aborted) throw err; // shutting down: the job runs again at the next start
      // Found out only while encoding (an audio file cut short): refused like a bad probe, not retried.
      if (err instanceof SourceRejectedError) return this.fail(video.id, video.uploadId, err.message);
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(`video ${video.id} attempt ${job.attempt}/${job.maxAttempts} failed: ${message}`);
      if (job.attempt >= job.maxAttempts) {
        await this.videos.markFailed(video.id, `Transcoding failed after ${job.maxAttempts} attempts: ${firstLine(message)}`);
      }
      throw err;
    }
  }

  /** Whether an audio item's loudness is normalized: the upload's own choice, else AUDIO_LOUDNORM (podcasts by default). */
  private normalizes(video: Pick<VideoEntity, 'audioMeta'>): boolean {
    const meta: AudioMeta = video.audioMeta ?? {};
    if (meta.normalize !== undefined) return meta.normalize;
    if (this.config.audioLoudnorm === 'always') return true;
    return this.config.audioLoudnorm === 'podcasts' && meta.podcast === true;
  }

  private async fail(videoId: string, uploadId: string | null, reason: string): Promise<void> {
    this.log.warn(`video ${videoId} rejected: ${reason}`);
    await this.videos.markFailed(videoId, reason);
    if (uploadId) await this.storage.removeUpload(uploadId);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}
