import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UploadDetails } from '../ingest/upload-metadata';
import { Cursor } from './cursor';
import { VideoEntity, RenditionInfo } from './video.entity';
import { VideoStatus, Visibility } from './video.enums';
import { MediaKind, type AudioMeta } from './audio-meta';
import { Page, VideoFacts, VideosRepository } from './videos.repository';

export type { Page, VideoFacts } from './videos.repository';

export interface ReadyFacts {
  durationMs: number;
  /** null for audio. */
  width: number | null;
  height: number | null;
  renditions: RenditionInfo[];
  /** Default VIDEO. */
  kind?: MediaKind;
  /** Audio: merged into what the upload stored (tags, cover, loudness). */
  audioMeta?: AudioMeta | null;
}

/** Videos: the lifecycle (uploaded → processing → ready | failed) and listings; queries in VideosRepository. */
@Injectable()
export class VideosService {
  constructor(private readonly videos: VideosRepository) {}

  /** Records a completed upload. Idempotent per upload id (a retried finish returns the same video). */
  async createFromUpload(
    input: { ownerId: string; uploadId: string; title: string; sourceName: string; sourceBytes: number } & UploadDetails,
  ): Promise<VideoEntity> {
    const existing = await this.videos.findByUploadId(input.uploadId);
    if (existing) return existing;
    const now = new Date();
    return this.videos.insert({
      id: randomUUID(),
      ownerId: input.ownerId,
      title: input.title,
      description: input.description ?? '',
      tags: input.tags ?? [],
      visibility: input.visibility ?? Visibility.PUBLIC,
      status: VideoStatus.UPLOADED,
      progress: 0,
      failureReason: null,
      durationMs: null,
      width: null,
      height: null,
      sourceName: input.sourceName,
      sourceBytes: input.sourceBytes,
      uploadId: input.uploadId,
      renditions: [],
      attempts: 0,
      midrolls: null,
      category: input.category ?? null,
      viewCount: 0,
      likeCount: 0,
      dislikeCount: 0,
      kind: MediaKind.VIDEO,
      coverKey: null,
      audioMeta:
        input.podcast !== undefined || input.normalize !== undefined ? { podcast: input.podcast, normalize: input.normalize } : null,
      createdAt: now,
      updatedAt: now,
      readyAt: null,
    });
  }

  findById(id: string): Promise<VideoEntity | null> {
    return this.videos.findById(id);
  }

  /** The videos of these ids that exist, in the order of `ids` (one query). */
  async findByIds(ids: readonly string[]): Promise<VideoEntity[]> {
    if (ids.length === 0) return [];
    const found = new Map((await this.videos.findByIds([...new Set(ids)])).map((v) => [v.id, v]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /**
   * The facts other libs read of videos (the ad server: a content video's owner, tags and category; a
   * creative's duration, size and renditions), any status, by id; unknown ids are not in the map.
   */
  async facts(ids: Iterable<string>): Promise<Map<string, VideoFacts>> {
    const rows = await this.videos.findFacts([...new Set(ids)]);
    return new Map(rows.map((v) => [v.id, v]));
  }

  /** Public, ready videos, newest first. */
  listPublic(first: number, after: Cursor | null): Promise<Page<VideoEntity>> {
    return this.videos.page({ status: VideoStatus.READY, visibility: Visibility.PUBLIC }, first, after);
  }

  listByOwner(ownerId: string, first: number, after: Cursor | null): Promise<Page<VideoEntity>> {
    return this.videos.page({ ownerId }, first, after);
  }

  /** Videos a crash or restart left unfinished: their transcode job must run (again). */
  findUnfinished(): Promise<VideoEntity[]> {
    return this.videos.findByStatus([VideoStatus.UPLOADED, VideoStatus.PROCESSING]);
  }

  async updateMetadata(
    id: string,
    changes: Partial<Pick<VideoEntity, 'title' | 'description' | 'tags' | 'visibility' | 'midrolls' | 'category' | 'audioMeta'>>,
  ): Promise<VideoEntity> {
    await this.videos.update(id, { ...changes, updatedAt: new Date() });
    return (await this.findById(id))!;
  }

  /** Points the video at an uploaded cover (null: none); answers the updated row. */
  async setCover(id: string, coverKey: string | null): Promise<VideoEntity> {
    await this.videos.update(id, { coverKey, updatedAt: new Date() });
    const video = await this.findById(id);
    if (!video) throw new Error(`video ${id} was deleted`);
    return video;
  }

  async markProcessing(id: string): Promise<void> {
    await this.videos.updateCountingAttempt(id, {
      status: VideoStatus.PROCESSING,
      progress: 0,
      failureReason: null,
      updatedAt: new Date(),
    });
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.videos.updateIfStatus(id, VideoStatus.PROCESSING, { progress: Math.max(0, Math.min(99, Math.floor(progress))) });
  }

  async markReady(id: string, facts: ReadyFacts): Promise<void> {
    const now = new Date();
    await this.videos.update(id, {
      status: VideoStatus.READY,
      progress: 100,
      failureReason: null,
      ...facts,
      uploadId: null,
      readyAt: now,
      updatedAt: now,
    });
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.videos.update(id, { status: VideoStatus.FAILED, failureReason: reason.slice(0, 2000), updatedAt: new Date() });
  }

  /**
   * A FAILED video back to UPLOADED for another run of its transcode job. True when this call moved
   * it (a second, concurrent retry finds it no longer FAILED and does nothing).
   */
  async requeueFailed(id: string): Promise<boolean> {
    return this.videos.updateIfStatus(id, VideoStatus.FAILED, {
      status: VideoStatus.UPLOADED,
      progress: 0,
      failureReason: null,
      updatedAt: new Date(),
    });
  }

  async delete(id: string): Promise<void> {
    await this.videos.delete(id);
  }
}
