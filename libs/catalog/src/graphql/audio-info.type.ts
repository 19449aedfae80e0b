import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { AudioMeta } from '../videos/audio-meta';

@ObjectType('AudioLoudness', { description: 'EBU R128: what was measured on the upload, and the target it was normalized to' })
export class AudioLoudnessType {
  @Field(() => Float, { description: 'Integrated loudness of the upload, LUFS' })
  integratedLufs: number;
  @Field(() => Float, { description: 'True peak of the upload, dBTP' })
  truePeakDbtp: number;
  @Field(() => Float, { description: 'Loudness range of the upload, LU' })
  rangeLu: number;
  @Field(() => Float, { description: 'The integrated loudness it was brought to, LUFS' })
  targetLufs: number;
}

@ObjectType('AudioInfo', { description: 'What an AUDIO item carries beyond a video: tags from the file, cover, waveform, loudness' })
export class AudioInfoType {
  @Field(() => String, { nullable: true, description: 'The title tag of the file (the item keeps its own title)' })
  tagTitle: string | null;
  @Field(() => String, { nullable: true })
  artist: string | null;
  @Field(() => String, { nullable: true })
  album: string | null;
  @Field(() => Int, { nullable: true })
  trackNumber: number | null;
  @Field(() => Int, { nullable: true })
  year: number | null;
  @Field(() => String, { nullable: true })
  genre: string | null;
  @Field({ description: 'Uploaded as a podcast episode' })
  podcast: boolean;
  @Field(() => String, { nullable: true, description: 'UPLOADED (by the creator), EMBEDDED (the picture in the file) or GENERATED' })
  coverSource: string | null;
  @Field(() => String, { nullable: true, description: 'The waveform picture (PNG)' })
  waveformUrl: string | null;
  @Field(() => String, { nullable: true, description: 'The waveform as JSON {version, durationSec, peaks: [0..1] × 1000} for the player' })
  peaksUrl: string | null;
  @Field(() => AudioLoudnessType, { nullable: true, description: 'Set when the loudness was normalized' })
  loudness: AudioLoudnessType | null;

  static from(meta: AudioMeta | null, base: string, ready: boolean, coverUploaded = false): AudioInfoType {
    const m = meta ?? {};
    const t = m.tags ?? {};
    const l = m.loudness;
    return Object.assign(new AudioInfoType(), {
      tagTitle: t.title ?? null,
      artist: t.artist ?? null,
      album: t.album ?? null,
      trackNumber: t.track ?? null,
      year: t.year ?? null,
      genre: t.genre ?? null,
      podcast: m.podcast === true,
      coverSource: coverUploaded ? 'UPLOADED' : m.coverSource ? m.coverSource.toUpperCase() : null,
      waveformUrl: ready ? `${base}/waveform.png` : null,
      peaksUrl: ready ? `${base}/waveform.json` : null,
      loudness: l
        ? Object.assign(new AudioLoudnessType(), {
            integratedLufs: l.integrated,
            truePeakDbtp: l.truePeak,
            rangeLu: l.range,
            targetLufs: l.targetIntegrated,
          })
        : null,
    });
  }
}
