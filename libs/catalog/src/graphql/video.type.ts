import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { VideoEntity } from '../videos/video.entity';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { MediaKind } from '../videos/audio-meta';
import { AudioInfoType } from './audio-info.type';
import { posterUrlOf } from '../covers/cover-url';

@ObjectType('Rendition')
export class RenditionType {
  @Field()
  name: string;
  @Field(() => Int)
  width: number;
  @Field(() => Int)
  height: number;
  @Field(() => Int, { description: 'Peak bits per second, as in the master playlist' })
  bandwidth: number;
  @Field()
  codecs: string;
}

@ObjectType('Video')
export class VideoType {
  @Field(() => ID)
  id: string;
  @Field()
  title: string;
  @Field()
  description: string;
  @Field(() => [String])
  tags: string[];
  @Field(() => Visibility)
  visibility: Visibility;
  @Field(() => VideoStatus)
  status: VideoStatus;
  @Field(() => Int, { description: 'Transcode progress in percent' })
  progress: number;
  @Field(() => String, { nullable: true, description: 'Why the video failed, in words a person can act on' })
  failureReason: string | null;
  @Field(() => Float, { nullable: true })
  durationSec: number | null;
  @Field(() => Int, { nullable: true })
  width: number | null;
  @Field(() => Int, { nullable: true })
  height: number | null;
  @Field()
  createdAt: Date;
  @Field(() => String, {
    nullable: true,
    description:
      "The picture shown for it: the creator's uploaded thumbnail or cover, else the one the transcode made (a frame, or an audio file's own or a generated cover)",
  })
  posterUrl: string | null;
  @Field({ description: 'Whether posterUrl is a picture the creator uploaded (removing it brings back the one the transcode made)' })
  coverUploaded: boolean;
  @Field(() => String, { nullable: true, description: 'HLS multivariant playlist' })
  masterUrl: string | null;
  @Field(() => String, { nullable: true, description: 'WebVTT index of the seek-bar thumbnails' })
  storyboardUrl: string | null;
  @Field(() => [RenditionType])
  renditions: RenditionType[];
  @Field(() => String, { nullable: true, description: 'Signed list of every published file with its CID, sha256 and size' })
  manifestUrl: string | null;
  @Field({ description: 'Whether the caller may edit or delete it' })
  viewerCanEdit: boolean;
  @Field(() => MediaKind, { description: 'VIDEO, or AUDIO for an audio-only item (known once READY)' })
  kind: MediaKind;
  @Field(() => AudioInfoType, { nullable: true, description: 'Tags, cover, waveform and loudness of an AUDIO item; null for videos' })
  audio: AudioInfoType | null;

  @Field(() => String, { nullable: true, description: 'The category the creator filed it under (one of videoCategories)' })
  category: string | null;
  @Field(() => Float, {
    description:
      'Views counted: once per viewer (account, or anonymous session) per 24 h, after real playback (30 s, or half of a video under a minute); a whole number',
  })
  viewCount: number;
  @Field(() => Float, { description: 'Accounts that like it (a whole number)' })
  likeCount: number;
  @Field(() => Float, { description: 'Accounts that dislike it (a whole number)' })
  dislikeCount: number;
  @Field({
    description: "Whether the mid-rolls are the platform's default (every 8 minutes for videos over 10 minutes), not the creator's choice",
  })
  midrollsAreDefault: boolean;

  /** Not exposed: the owner field resolver loads the user. */
  ownerId: string;
  /** Not exposed: the creator's chosen mid-rolls (null: default); the `midrolls` field resolver gives the served ones. */
  chosenMidrolls: number[] | null;
  /** Not exposed: duration in ms, for `midrolls`. */
  durationMs: number | null;
  /** Not exposed: the stored upload (kept until READY, or after a failure that can be retried), for `canRetry`. */
  uploadId: string | null;

  static from(v: VideoEntity, apiUrl: string, viewerCanEdit: boolean): VideoType {
    const ready = v.status === 'READY';
    const audio = v.kind === MediaKind.AUDIO;
    const base = `${apiUrl}/hls/${v.id}`;
    return Object.assign(new VideoType(), {
      id: v.id,
      title: v.title,
      description: v.description,
      tags: v.tags,
      visibility: v.visibility,
      status: v.status,
      progress: v.progress,
      failureReason: v.failureReason,
      durationSec: v.durationMs == null ? null : v.durationMs / 1000,
      durationMs: v.durationMs,
      chosenMidrolls: v.midrolls ?? null,
      midrollsAreDefault: v.midrolls == null,
      category: v.category ?? null,
      viewCount: Number(v.viewCount ?? 0),
      likeCount: Number(v.likeCount ?? 0),
      dislikeCount: Number(v.dislikeCount ?? 0),
      width: v.width,
      height: v.height,
      createdAt: v.createdAt,
      posterUrl: posterUrlOf(apiUrl, v),
      coverUploaded: !!v.coverKey,
      masterUrl: ready ? `${base}/master.m3u8` : null,
      storyboardUrl: ready && !audio ? `${base}/storyboard.vtt` : null,
      manifestUrl: ready ? `${base}/manifest.json` : null,
      renditions: ready ? v.renditions.map((r) => Object.assign(new RenditionType(), r)) : [],
      viewerCanEdit,
      kind: v.kind ?? MediaKind.VIDEO,
      audio: audio ? AudioInfoType.from(v.audioMeta, base, ready, !!v.coverKey) : null,
      ownerId: v.ownerId,
      uploadId: v.uploadId ?? null,
    });
  }
}
