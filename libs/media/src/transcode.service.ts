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
  buildCoverInvocation,
  buildGeneratedCoverInvocation,
  buildWaveformInvocation,
  computePeaks,
  WAVEFORM_IMAGE,
  WAVEFORM_PCM,
  WAVEFORM_PEAKS,
  ENCLOSURE_FILE,
  ENCLOSURE_TYPE,
} from './ffmpeg-args.builder';
import { AAC_LC_CODEC, avc1Codec } from './codec.string';
import { buildAudioMasterPlaylist, buildMasterPlaylist, measureBandwidth } from './master-playlist.writer';
import { MediaRepository } from './media.repository';
import { SourceRejectedError, TranscodeAbortedError, TranscodeError } from './media.errors';
import { formatDuration } from './source.validator';
import type {
  AudioItemInfo,
  AudioRenditionResult,
  Ladder,
  LoudnessMeasure,
  ProbeResult,
  RenditionResult,
  ServiceProgressOptions,
  TranscodeResult,
} from './media.types';
import { buildStoryboardVtt } from './storyboard.writer';

/**
 * Share of the progress bar the ffmpeg encode takes; the rest is measuring, writing playlists,
 * cutting the poster and tiling the storyboard.
 */
const ENCODE_SHARE = 95;
/** An audio source whose decodable part is shorter than this share of its declared length is refused as truncated. */
const TRUNCATED_SHARE = 0.9;

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
    if (ladder.kind === 'audio') return this.transcodeAudio(sourcePath, dir, probe, ladder, options, report);
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
    await this.media.transcode(buildStoryboardInvocation(dir, ladder.storyboard!), { signal, workDir: dir });
    checkAbort();
    await this.storage.removeDir(path(THUMBS_DIR));
    stepDone();

    const written = await this.storage.listFiles(dir, { recursive: true });
    const sprites = written.filter((f) => /^storyboard_\d+\.jpg$/.test(f));
    if (!written.includes(POSTER_FILE)) throw new TranscodeError('ffmpeg wrote no poster', '');
    if (sprites.length === 0) throw new TranscodeError('ffmpeg wrote no storyboard sprite', '');
    await this.storage.writeFile(
      path(STORYBOARD_VTT),
      buildStoryboardVtt({ durationSec: probe.durationSec, plan: ladder.storyboard!, sprites }),
    );
    stepDone();
    checkAbort();

    const files = await this.storage.listFiles(dir, { recursive: true });
    report(100);
    const top = renditions[0];
    return {
      kind: 'video',
      durationSec: probe.durationSec,
      width: top.width,
      height: top.height,
      renditions,
      audio,
      master: MASTER_PLAYLIST,
      poster: POSTER_FILE,
      storyboard: { vtt: STORYBOARD_VTT, sprites },
      audioInfo: null,
      files,
    };
  }

  /**
   * The audio-only ladder (see planAudioLadder): loudnorm's first pass when the ladder
   * normalizes, ONE ffmpeg process for every AAC rung + the progressive enclosure.m4a + the
   * waveform's PCM, the master playlist
   * of audio variants, the waveform picture and its peaks (waveform.json), and the cover as
   * poster.jpg: the file's own picture, else a generated one. Renditions come back in
   * `renditions` (width/height 0), so the job publishes them as it does video rungs.
   */
  private async transcodeAudio(
    sourcePath: string,
    dir: string,
    probe: ProbeResult,
    ladder: Ladder,
    options: ServiceProgressOptions,
    report: (pct: number) => void,
  ): Promise<TranscodeResult> {
    const { signal } = options;
    const path = (rel: string) => `${dir}/${rel}`;
    const checkAbort = () => {
      if (signal?.aborted) throw new TranscodeAbortedError();
    };
    // The measure only decodes: about a fifth of the encode's time.
    const measureShare = ladder.loudness ? 0.2 * ENCODE_SHARE : 0;
    let measured: LoudnessMeasure | null = null;
    if (ladder.loudness) {
      measured = await this.media.measureLoudness(sourcePath, probe.durationSec, ladder.loudness, {
        signal,
        workDir: dir,
        onProgress: (f) => report(f * measureShare),
      });
      checkAbort();
    }
    await this.media.transcode(buildTranscodeInvocation(sourcePath, dir, probe, ladder, measured), {
      signal,
      workDir: dir,
      onProgress: (f) => report(measureShare + f * (ENCODE_SHARE - measureShare)),
    });
    checkAbort();

    const steps = ladder.audioRungs.length + 3;
    let step = 0;
    const stepDone = () => report(ENCODE_SHARE + (++step / steps) * (100 - ENCODE_SHARE - 1));
    const rungs: AudioRenditionResult[] = [];
    let decodedSec = 0;
    for (const rung of ladder.audioRungs) {
      const playlist = `${rung.name}/${MEDIA_PLAYLIST}`;
      const measure = await this.media.measureRendition(path(playlist));
      decodedSec = measure.segments.reduce((t, seg) => t + seg.durationSec, 0);
      // An MP3 cut short still tells its whole length in its header; ffmpeg decodes what is there.
      if (decodedSec < probe.durationSec * TRUNCATED_SHARE && probe.durationSec - decodedSec > 2) {
        throw new SourceRejectedError(
          'TRUNCATED',
          `The file is truncated or damaged: only ${formatDuration(decodedSec)} of its ${formatDuration(probe.durationSec)} could be decoded`,
        );
      }
      const info = await this.media.probeRendition(path(playlist));
      if (info.codec !== 'aac') throw new TranscodeError(`The ${rung.name} rendition is ${info.codec}, not aac`, '');
      const bw = measureBandwidth([], measure.segments);
      rungs.push({
        name: rung.name,
        codecs: AAC_LC_CODEC,
        channels: info.channels || rung.channels,
        bandwidth: bw.peak,
        averageBandwidth: bw.average,
        playlist,
      });
      stepDone();
      checkAbort();
    }
    await this.storage.writeFile(path(MASTER_PLAYLIST), buildAudioMasterPlaylist(rungs));

    const enclosureProbe = await this.media.probe(path(ENCLOSURE_FILE));
    if (enclosureProbe.audio?.codec !== 'aac') {
      throw new TranscodeError(`The enclosure is ${enclosureProbe.audio?.codec ?? 'without audio'}, not aac`, '');
    }
    const enclosure = { file: ENCLOSURE_FILE, bytes: enclosureProbe.sizeBytes, type: ENCLOSURE_TYPE } as const;

    const plan = ladder.waveform!;
    const pcm = await this.storage.readFile(path(WAVEFORM_PCM));
    if (pcm.length < 2) throw new TranscodeError('ffmpeg wrote no waveform samples', '');
    await this.storage.writeFile(
      path(WAVEFORM_PEAKS),
      JSON.stringify({ version: 1, durationSec: probe.durationSec, peaks: computePeaks(pcm, plan.peaks) }) + '\n',
    );
    await this.media.transcode(buildWaveformInvocation(dir, plan), { signal, workDir: dir });
    await this.storage.removeFile(path(WAVEFORM_PCM));
    stepDone();
    checkAbort();

    let coverSource: AudioItemInfo['coverSource'] = 'generated';
    if (probe.coverStreamIndex != null) {
      try {
        await this.media.transcode(buildCoverInvocation(sourcePath, dir, probe.coverStreamIndex), { signal, workDir: dir });
        coverSource = 'embedded';
      } catch (err) {
        if (err instanceof TranscodeAbortedError) throw err;
        // A damaged picture costs the item its cover, not its sound: a generated one instead.
      }
    }
    if (coverSource === 'generated') {
      await this.media.transcode(buildGeneratedCoverInvocation(dir, options.coverSeed ?? probe.tags?.title ?? sourcePath), {
        signal,
        workDir: dir,
      });
    }
    checkAbort();
    stepDone();

    const files = await this.storage.listFiles(dir, { recursive: true });
    for (const f of [POSTER_FILE, WAVEFORM_IMAGE]) if (!files.includes(f)) throw new TranscodeError(`ffmpeg wrote no ${f}`, '');
    report(100);
    return {
      kind: 'audio',
      // What was encoded (the header's length can be off for MP3s without a frame count).
      durationSec: Math.round(decodedSec * 1000) / 1000 || probe.durationSec,
      width: 0,
      height: 0,
      renditions: rungs.map((r) => ({
        name: r.name,
        width: 0,
        height: 0,
        bandwidth: r.bandwidth,
        averageBandwidth: r.averageBandwidth,
        codecs: r.codecs,
        frameRate: 0,
        playlist: r.playlist,
      })),
      audio: null,
      master: MASTER_PLAYLIST,
      poster: POSTER_FILE,
      storyboard: null,
      audioInfo: {
        waveform: WAVEFORM_IMAGE,
        peaks: WAVEFORM_PEAKS,
        coverSource,
        tags: probe.tags ?? {},
        loudness: measured && ladder.loudness ? { ...measured, target: ladder.loudness } : null,
        enclosure,
      },
      files,
    };
  }
}
