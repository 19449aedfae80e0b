import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';

export interface AccessFacts {
  ownerId: string;
  status: VideoStatus;
  visibility: Visibility;
  /** Content duration (ms), null while unknown. */
  durationMs: number | null;
  /** readyAt, else createdAt (ms since the epoch): fixed per video, the origin of its playlists' program date-time. */
  startMs: number;
  /** The creator's mid-roll points (null: default). */
  midrolls: number[] | null;
}

const MISSING = {
  ownerId: '',
  status: VideoStatus.FAILED,
  visibility: Visibility.PRIVATE,
  durationMs: null,
  startMs: 0,
  midrolls: null,
} satisfies AccessFacts;

/**
 * Who may stream which video, cached for a short time so the origin answers segment requests
 * without a database round trip each. A visibility change is seen within `ttl`.
 */
@Injectable()
export class VideoAccessCache {
  private readonly cache = new LRUCache<string, AccessFacts>({ max: 50_000, ttl: 2000 });

  constructor(private readonly videos: VideosService) {}

  async get(videoId: string): Promise<AccessFacts | null> {
    let facts = this.cache.get(videoId);
    if (!facts) {
      const v = await this.videos.findById(videoId);
      facts = v
        ? {
            ownerId: v.ownerId,
            status: v.status,
            visibility: v.visibility,
            durationMs: v.durationMs ?? null,
            startMs: (v.readyAt ?? v.createdAt).getTime(),
            midrolls: v.midrolls ?? null,
          }
        : MISSING;
      this.cache.set(videoId, facts);
    }
    return facts === MISSING ? null : facts;
  }

  /** Synchronous look at the cache: the facts, `null` for a known-missing video, `undefined` if not cached. */
  peek(videoId: string): AccessFacts | null | undefined {
    const facts = this.cache.get(videoId);
    return facts === MISSING ? null : facts;
  }

  forget(videoId: string): void {
    this.cache.delete(videoId);
  }
}
