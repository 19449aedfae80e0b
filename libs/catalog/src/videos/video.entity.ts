import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint.transformer';
import { VideoStatus, Visibility } from './video.enums';
import { MediaKind, type AudioMeta } from './audio-meta';

/** One rendition of the published ladder, as the master playlist describes it. */
export interface RenditionInfo {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  codecs: string;
}

@Entity('videos')
export class VideoEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'simple-json' })
  tags: string[];

  @Column({ type: 'varchar', length: 16 })
  visibility: Visibility;

  @Column({ type: 'varchar', length: 16 })
  status: VideoStatus;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'source_name', type: 'varchar', length: 255, nullable: true })
  sourceName: string | null;

  @Column({ name: 'source_bytes', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  sourceBytes: number | null;

  @Column({ name: 'upload_id', type: 'varchar', length: 128, nullable: true, unique: true })
  uploadId: string | null;

  @Column({ type: 'simple-json' })
  renditions: RenditionInfo[];

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The creator's mid-roll points, whole seconds from the start; null: the platform's default. */
  @Column({ type: 'simple-json', nullable: true })
  midrolls: number[] | null;

  /** One of VIDEO_CATEGORIES, or null. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  category: string | null;

  /**
   * Counted views, likes and dislikes (libs/engagement keeps them, in the same transaction as the row
   * that counts). Never written through this entity (insert and update are off), so a catalog
   * update can never put back a stale count.
   */
  @Column({ name: 'view_count', type: 'bigint', default: 0, insert: false, update: false, transformer: bigintAsNumber })
  viewCount: number;

  @Column({ name: 'like_count', type: 'bigint', default: 0, insert: false, update: false, transformer: bigintAsNumber })
  likeCount: number;

  @Column({ name: 'dislike_count', type: 'bigint', default: 0, insert: false, update: false, transformer: bigintAsNumber })
  dislikeCount: number;
  /** VIDEO, or AUDIO for a source with sound and no real video stream (set when it is READY). */
  @Column({ type: 'varchar', length: 8, default: MediaKind.VIDEO })
  kind: MediaKind;

  /** Audio items: the uploader's choices and what the transcode read (tags, cover, loudness); see AudioMeta. */
  @Column({ name: 'audio_meta', type: 'simple-json', nullable: true })
  audioMeta: AudioMeta | null;

  /** A cover (audio) or thumbnail (video) the creator uploaded, stored as `covers/<key>.jpg`; null: poster.jpg from the transcode. */
  @Column({ name: 'cover_key', type: 'varchar', length: 64, nullable: true })
  coverKey: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;

  @Column({ name: 'ready_at', type: Date, nullable: true })
  readyAt: Date | null;
}
