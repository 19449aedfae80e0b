import { Injectable } from '@nestjs/common';
import { StorageRepository } from '@wetube/content';

/** What payments need to know about a published video's segments (from its signed manifest.json). */
export interface VideoSegments {
  /** CIDs of every media file a peer may serve (segments and init segments; not playlists). */
  cids: Set<string>;
  /** Segments of the longest rendition (a viewer of one rendition needs about this many per stream). */
  segmentsPerStream: number;
  /** Renditions with segments (video rungs + audio). */
  renditions: number;
  /** Streams a viewer plays at once: video, plus audio when it is a separate rendition. */
  streams: number;
}

const SEGMENT = /^([^/]+)\/[^/]+\.(m4s|ts|mp4|aac)$/;
const MAX_CACHED = 500;

/** Reads and caches (LRU, by video id) the segment facts of published videos. */
@Injectable()
export class VideoSegmentsCache {
  private readonly cache = new Map<string, VideoSegments>();

  constructor(private readonly storage: StorageRepository) {}

  async of(videoId: string): Promise<VideoSegments | null> {
    const hit = this.cache.get(videoId);
    if (hit) {
      this.cache.delete(videoId);
      this.cache.set(videoId, hit);
      return hit;
    }
    const path = this.storage.videoFile(videoId, 'manifest.json');
    if (!path) return null;
    let manifest: { files?: Array<{ path: string; cid: string }> };
    try {
      manifest = JSON.parse((await this.storage.readFile(path)).toString('utf8'));
    } catch {
      return null;
    }
    const cids = new Set<string>();
    const perRendition = new Map<string, number>();
    for (const f of manifest.files ?? []) {
      const m = SEGMENT.exec(f.path);
      if (!m) continue;
      cids.add(f.cid);
      if (!/init/.test(f.path)) perRendition.set(m[1], (perRendition.get(m[1]) ?? 0) + 1);
    }
    if (cids.size === 0) return null;
    const audio = [...perRendition.keys()].some((r) => /audio|aac/i.test(r));
    const facts: VideoSegments = {
      cids,
      segmentsPerStream: Math.max(1, ...perRendition.values()),
      renditions: perRendition.size,
      streams: audio ? 2 : 1,
    };
    this.cache.set(videoId, facts);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return facts;
  }
}
