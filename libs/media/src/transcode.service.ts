import { Injectable } from '@nestjs/common';
import { StorageRepository } from '@wetube/platform';
import {
  MASTER_PLAYLIST,
  MEDIA_PLAYLIST,
  POSTER_FILE,
  STORYBOARD_VTT,
  THUMBS_DIR,
  buildPosterInvocation,
  buildStoryboardInvocation,
  buildTranscodeInvocation,
} from './ffmpeg-args.builder';
import { AAC_LC_CODEC, avc1Codec } from './codec.string';
import { buildMasterPlaylist, measureBandwidth } from './master-playlist.writer';
import { MediaRepository } from './media.repository';
import { TranscodeAbortedError, TranscodeError } from './media.errors';
import type { AudioRenditionResult, Ladder, ProbeResult, RenditionResult, ServiceProgressOptions, TranscodeResult } from './media.types';
import { buildStoryboardVtt } from './storyboard.writer';

/**
 * Share of the progress bar the ffmpeg encode takes; the rest is measuring, writing playlists,
 * cutting the poster and tiling the storyboard.
 */
const ENCODE_SHARE = 95;

/**
 * Turns a validated source into the published-to-be HLS folder: one ffmpeg process (one decode)
 * for the whole ladder + storyboard thumbnails, then our own master playlist (measured
 * bandwidths, exact CODECS), the poster (cut from the top rung), the storyboard sprites (tiled
 * from the thumbnails, which are then deleted) and storyboard.vtt. Writes into outDir only.
 */
@Injectable()
export class TranscodeService {
  constructor(
    private readonly media: MediaRepository,
    private readonly storage: StorageRepository,
  ) {}

  async transcode(
    sourcePath: string,
    outDir: string,
    probe: ProbeResult,
    ladder: Ladder,
    options: ServiceProgressOptions = {},
  ): Promise<TranscodeResult> {
    const { signal } = options;
    let reported = -1;
    const report = (pct: number) => {
      const p = Math.max(0, Math.min(100, Math.round(pct * 10) / 10));
      if (p > reported) {
        reported = p;
        options.onProgress?.(p);
      }
    };
    const checkAbort = () => {
      if (signal?.aborted) throw new TranscodeAbortedError();
    };
    const dir = outDir.replace(/\/+$/, '');
    const path = (rel: string) => `${dir}/${rel}`;

    report(0);
    const invocation = buildTranscodeInvocation(sourcePath, dir, probe, ladder);
    await this.media.transcode(invocation, { signal, workDir: dir, onProgress: (f) => report(f * ENCODE_SHARE) });
    checkAbort();

    const steps = ladder.video.length + (ladder.audio ? 1 : 0) + 4;
    let step = 0;
    const stepDone = () => report(ENCODE_SHARE + (++step / steps) * (100 - ENCODE_SHARE - 1));

    let audio: AudioRenditionResult | null = null;
    let audioSegments: Awaited<ReturnType<MediaRepository['measureRendition']>>['segments'] = [];
    if (ladder.audio) {
      const playlist = `${ladder.audio.name}/${MEDIA_PLAYLIST}`;
      const measure = await this.media.measureRendition(path(playlist));
      const info = await this.media.probeRendition(path(playlist));
      if (info.codec !== 'aac') throw new TranscodeError(`The audio rendition is ${info.codec}, not aac`, '');
      audioSegments = measure.segments;
      const bw = measureBandwidth([], measure.segments);
      audio = {
        name: ladder.audio.name,
        codecs: AAC_LC_CODEC,
        channels: info.channels || ladder.audio.channels,
        bandwidth: bw.peak,
        averageBandwidth: bw.average,
        playlist,
      };
      stepDone();
      checkAbort();
    }

    const renditions: RenditionResult[] = [];
    let topSegments: Awaited<ReturnType<MediaRepository['measureRendition']>>['segments'] = [];
    for (const rung of ladder.video) {
      const playlist = `${rung.name}/${MEDIA_PLAYLIST}`;
      const measure = await this.media.measureRendition(path(playlist));
      const info = await this.media.probeRendition(path(playlist));
      if (info.codec !== 'h264') throw new TranscodeError(`The ${rung.name} rendition is ${info.codec}, not h264`, '');
      if (renditions.length === 0) topSegments = measure.segments;
      const bw = measureBandwidth(measure.segments, audioSegments);
      const video = avc1Codec(info.profile, info.level, info.avcC);
      renditions.push({
        name: rung.name,
        width: info.width || rung.width,
        height: info.height || rung.height,
        bandwidth: bw.peak,
        averageBandwidth: bw.average,
        codecs: audio ? `${video},${audio.codecs}` : video,
        frameRate: Math.round((info.fps || rung.fps) * 1000) / 1000,
        playlist,
      });
      stepDone();
      checkAbort();
    }

    await this.storage.writeFile(path(MASTER_PLAYLIST), buildMasterPlaylist(renditions, audio));
    stepDone();

    await this.media.transcode(buildPosterInvocation(dir, ladder.video[0].name, topSegments, ladder.posterAtSec), { signal, workDir: dir });
    checkAbort();
    stepDone();

    const thumbs = (await this.storage.listFiles(path(THUMBS_DIR))).filter((f) => /^thumb_\d+\.jpg$/.test(f));
    if (thumbs.length === 0) throw new TranscodeError('ffmpeg wrote no storyboard thumbnail', '');
    await this.media.transcode(buildStoryboardInvocation(dir, ladder.storyboard), { signal, workDir: dir });
    checkAbort();
    await this.storage.removeDir(path(THUMBS_DIR));
    stepDone();

    const written = await this.storage.listFiles(dir, { recursive: true });
    const sprites = written.filter((f) => /^storyboard_\d+\.jpg$/.test(f));
    if (!written.includes(POSTER_FILE)) throw new TranscodeError('ffmpeg wrote no poster', '');
    if (sprites.length === 0) throw new TranscodeError('ffmpeg wrote no storyboard sprite', '');
    await this.storage.writeFile(
      path(STORYBOARD_VTT),
      buildStoryboardVtt({ durationSec: probe.durationSec, plan: ladder.storyboard, sprites }),
    );
    stepDone();
    checkAbort();

    const files = await this.storage.listFiles(dir, { recursive: true });
    report(100);
    const top = renditions[0];
    return {
      durationSec: probe.durationSec,
      width: top.width,
      height: top.height,
      renditions,
      audio,
      master: MASTER_PLAYLIST,
      poster: POSTER_FILE,
      storyboard: { vtt: STORYBOARD_VTT, sprites },
      files,
    };
  }
}
