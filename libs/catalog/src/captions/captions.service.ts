import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuthUser } from '@wetube/identity';
import { canonicalLanguage, CaptionError, cleanCaptionLabel, parseCaptionFile, writeVtt } from '@wetube/media';
import type { ParsedCaptions } from '@wetube/media';
import { AppConfig, RateLimiterFactory } from '@wetube/platform';
import type { RateLimiter } from '@wetube/platform';
import { canEdit, canView } from '../videos/video.access';
import { VideoStatus } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { CAPTION_FULL_FILE, captionFolder, CaptionsPublisher } from './captions.publisher';
import { CaptionRecord, CaptionsRepository, CaptionSummary } from './captions.repository';

/** At most this many languages per video. */
export const MAX_CAPTION_TRACKS = 50;
/** Uploads and deletes per account: 30 at once, then one every 2 s. */
export const CAPTION_CHANGES_LIMIT = { burst: 30, perSecond: 0.5 };

/** A track as clients see it. */
export interface CaptionTrack {
  language: string;
  label: string;
  /** The whole track as one WebVTT file on the origin. */
  url: string;
  /** The track's subtitle playlist (what the master playlist names). */
  playlistUrl: string;
  cueCount: number;
  sourceFormat: string;
  updatedAt: Date;
}

/** Why a caption request was refused: `status` is the HTTP status the REST route answers with. */
export interface CaptionProblem {
  status: 400 | 403 | 404 | 409 | 429;
  code: string;
  field: 'videoId' | 'language' | 'label' | 'file';
  message: string;
  /** With RATE_LIMITED: seconds until the next change is taken. */
  retryAfterSec?: number;
}

export type CaptionOutcome<T> = { ok: true; value: T } | { ok: false; problem: CaptionProblem };

/**
 * Caption tracks of videos: the owner (or an admin) uploads one WebVTT or SRT file per language
 * (checked and kept as WebVTT text), replaces or deletes it; each change re-publishes the video's
 * subtitle renditions (CaptionsPublisher). Anyone who may see a video may read its tracks.
 */
@Injectable()
export class CaptionsService {
  private readonly log = new Logger('Captions');
  private readonly limiter: RateLimiter;

  constructor(
    private readonly config: AppConfig,
    private readonly videos: VideosService,
    private readonly repo: CaptionsRepository,
    private readonly publisher: CaptionsPublisher,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('caption-changes', CAPTION_CHANGES_LIMIT);
  }

  /** Adds the track, or replaces the video's track in that language. */
  async upload(
    user: AuthUser,
    input: { videoId: string; language: string; label?: string | null; file: Uint8Array },
  ): Promise<CaptionOutcome<CaptionTrack>> {
    const denied = await this.editable(user, input.videoId);
    if (denied) return denied;
    let language: string;
    let label: string;
    let parsed: ParsedCaptions;
    try {
      language = canonicalLanguage(input.language);
      label = cleanCaptionLabel(input.label, language);
      parsed = parseCaptionFile(input.file);
    } catch (err) {
      if (err instanceof CaptionError) return refuse(400, err.code, err.field, err.message);
      throw err;
    }
    const previous = await this.repo.find(input.videoId, language);
    if (!previous && (await this.repo.count(input.videoId)) >= MAX_CAPTION_TRACKS) {
      return refuse(
        409,
        'CAPTION_TOO_MANY_TRACKS',
        'language',
        `A video can have at most ${MAX_CAPTION_TRACKS} caption languages; delete one first.`,
      );
    }
    const vtt = writeVtt(parsed.cues);
    const now = new Date();
    const record: CaptionRecord = {
      videoId: input.videoId,
      language,
      label,
      vtt,
      sourceFormat: parsed.format,
      cueCount: parsed.cues.length,
      revision: createHash('sha256').update(vtt).digest('hex').slice(0, 12),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    await this.repo.upsert(record);
    try {
      await this.publisher.republish(input.videoId);
    } catch (err) {
      // Not published: the database goes back to what is published, so both keep agreeing.
      this.log.error(`video ${input.videoId}: publishing captions failed: ${err instanceof Error ? err.stack : err}`);
      if (previous) await this.repo.upsert(previous);
      else await this.repo.delete(input.videoId, language);
      throw err;
    }
    return { ok: true, value: this.track(record) };
  }

  /** Deletes the video's track in `language`. */
  async remove(user: AuthUser, videoId: string, rawLanguage: string): Promise<CaptionOutcome<string>> {
    const denied = await this.editable(user, videoId);
    if (denied) return denied;
    let language: string;
    try {
      language = canonicalLanguage(rawLanguage);
    } catch (err) {
      if (err instanceof CaptionError) return refuse(400, err.code, err.field, err.message);
      throw err;
    }
    const previous = await this.repo.find(videoId, language);
    if (!previous || !(await this.repo.delete(videoId, language))) {
      return refuse(404, 'CAPTION_NOT_FOUND', 'language', `This video has no captions in "${language}".`);
    }
    try {
      await this.publisher.republish(videoId);
    } catch (err) {
      this.log.error(`video ${videoId}: publishing captions failed: ${err instanceof Error ? err.stack : err}`);
      await this.repo.upsert(previous);
      throw err;
    }
    return { ok: true, value: language };
  }

  /** The tracks of videos the caller may already see (GraphQL `Video.captions`), per video id. */
  async tracksOf(videoIds: string[]): Promise<Map<string, CaptionTrack[]>> {
    const out = new Map<string, CaptionTrack[]>(videoIds.map((id) => [id, []]));
    for (const row of await this.repo.listOfVideos(videoIds)) out.get(row.videoId)?.push(this.track(row));
    return out;
  }

  /** The tracks of one video, or null when the caller may not see it. */
  async tracksFor(user: AuthUser | null, videoId: string): Promise<CaptionTrack[] | null> {
    const video = await this.videos.findById(videoId);
    if (!video || !canView(video, user)) return null;
    return (await this.repo.listOfVideo(videoId)).map((r) => this.track(r));
  }

  private track(c: CaptionSummary): CaptionTrack {
    const base = `${this.config.publicApiUrl}/hls/${c.videoId}/${captionFolder(c)}`;
    return {
      language: c.language,
      label: c.label,
      url: `${base}/${CAPTION_FULL_FILE}`,
      playlistUrl: `${base}/playlist.m3u8`,
      cueCount: c.cueCount,
      sourceFormat: c.sourceFormat,
      updatedAt: c.updatedAt,
    };
  }

  /** A refusal when `user` may not change the captions of the video (NOT_FOUND when they may not even see it). */
  private async editable(user: AuthUser, videoId: string): Promise<{ ok: false; problem: CaptionProblem } | null> {
    const limit = await this.limiter.consume(user.id);
    if (!limit.ok) {
      const refused = refuse(429, 'RATE_LIMITED', 'file', `Too many caption changes; try again in ${limit.retryAfterSec} s.`);
      refused.problem.retryAfterSec = limit.retryAfterSec;
      return refused;
    }
    const video = typeof videoId === 'string' && videoId.length <= 64 ? await this.videos.findById(videoId) : null;
    if (!video || !canView(video, user)) return refuse(404, 'NOT_FOUND', 'videoId', 'No such video.');
    if (!canEdit(video, user)) return refuse(403, 'FORBIDDEN', 'videoId', 'Only the owner can change the captions of this video.');
    if (video.status !== VideoStatus.READY) {
      return refuse(409, 'VIDEO_NOT_READY', 'videoId', 'Captions can be added once the video has finished processing.');
    }
    return null;
  }
}

function refuse(
  status: CaptionProblem['status'],
  code: string,
  field: CaptionProblem['field'],
  message: string,
): { ok: false; problem: CaptionProblem } {
  return { ok: false, problem: { status, code, field, message } };
}
