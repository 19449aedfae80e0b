import { registerEnumType } from '@nestjs/graphql';

/** What an item is: a video, or audio only (a song, a podcast episode). */
export enum MediaKind {
  VIDEO = 'VIDEO',
  /** A source with sound and no real video stream (a cover picture is not video). */
  AUDIO = 'AUDIO',
}
registerEnumType(MediaKind, { name: 'MediaKind' });

/** Tags read from an audio file (ID3, MP4 atoms, Vorbis comments). */
export interface AudioTags {
  title?: string;
  artist?: string;
  album?: string;
  track?: number;
  year?: number;
  genre?: string;
}

/** EBU R128 figures: what loudnorm measured on the source, and the target it was brought to. */
export interface AudioLoudness {
  integrated: number;
  truePeak: number;
  range: number;
  threshold: number;
  targetIntegrated: number;
  targetTruePeak: number;
  targetRange: number;
}

/**
 * `videos.audio_meta` (JSON): the uploader's audio choices (set at upload, kept for a re-run) and,
 * once an audio item is READY, what the transcode read and measured.
 */
export interface AudioMeta {
  /** Uploaded as a podcast episode: loudness is normalized unless `normalize` says otherwise. */
  podcast?: boolean;
  /** The uploader's explicit choice; absent: the platform's default (AUDIO_LOUDNORM). */
  normalize?: boolean;
  tags?: AudioTags;
  coverSource?: 'embedded' | 'generated';
  /** Set when the audio was normalized. */
  loudness?: AudioLoudness | null;
  /** The progressive file beside the HLS files (a podcast feed's enclosure): name, size, MIME type. */
  enclosure?: { file: string; bytes: number; type: string };
}
