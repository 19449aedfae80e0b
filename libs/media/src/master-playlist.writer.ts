import { stringify, types } from 'hls-parser';
import type { AudioRenditionResult, RenditionResult, SegmentMeasure } from './media.types';

export const AUDIO_GROUP = 'audio';

export interface Bandwidth {
  /** Peak segment bitrate, bit/s. */
  peak: number;
  /** Whole-stream average bitrate, bit/s. */
  average: number;
}

/**
 * BANDWIDTH and AVERAGE-BANDWIDTH of a variant from its segments on disk: the peak is the
 * highest bitrate of any one segment (video + the audio segment of the same index, which covers
 * the same 2 s), the average is all bytes over the whole duration.
 */
export function measureBandwidth(video: SegmentMeasure[], audio: SegmentMeasure[] = []): Bandwidth {
  const rate = (s: SegmentMeasure | undefined) => (s && s.durationSec > 0 ? (s.bytes * 8) / s.durationSec : 0);
  let peak = 0;
  const n = Math.max(video.length, audio.length);
  for (let i = 0; i < n; i++) peak = Math.max(peak, rate(video[i]) + rate(audio[i]));
  const duration = video.reduce((t, s) => t + s.durationSec, 0) || audio.reduce((t, s) => t + s.durationSec, 0);
  const bytes = [...video, ...audio].reduce((t, s) => t + s.bytes, 0);
  return { peak: Math.ceil(peak), average: duration > 0 ? Math.ceil((bytes * 8) / duration) : 0 };
}

/**
 * The multivariant playlist (master.m3u8) text: one variant per video rendition, audio as an
 * EXT-X-MEDIA group the variants point to. Pure.
 */
export function buildMasterPlaylist(renditions: RenditionResult[], audio: AudioRenditionResult | null): string {
  const audioRendition = audio
    ? new types.Rendition({
        type: 'AUDIO',
        uri: audio.playlist,
        groupId: AUDIO_GROUP,
        name: audio.name,
        isDefault: true,
        autoselect: true,
        forced: false,
        channels: String(audio.channels),
      })
    : null;
  const variants = renditions.map(
    (r) =>
      new types.Variant({
        uri: r.playlist,
        bandwidth: r.bandwidth,
        averageBandwidth: r.averageBandwidth,
        codecs: r.codecs,
        resolution: { width: r.width, height: r.height },
        frameRate: r.frameRate,
        audio: audioRendition ? [audioRendition] : [],
      }),
  );
  const master = new types.MasterPlaylist({ version: 7, independentSegments: true, variants });
  return stringify(master) + '\n';
}

/**
 * The multivariant playlist of an audio-only item: one variant per AAC rung (BANDWIDTH,
 * AVERAGE-BANDWIDTH, CODECS="mp4a.40.2"; no RESOLUTION, no FRAME-RATE), lowest first. Pure.
 */
export function buildAudioMasterPlaylist(rungs: AudioRenditionResult[]): string {
  const variants = rungs.map(
    (r) => new types.Variant({ uri: r.playlist, bandwidth: r.bandwidth, averageBandwidth: r.averageBandwidth, codecs: r.codecs }),
  );
  return stringify(new types.MasterPlaylist({ version: 7, independentSegments: true, variants })) + '\n';
}
