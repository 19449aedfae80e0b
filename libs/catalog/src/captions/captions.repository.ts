import { Injectable } from '@nestjs/common';
import { Database, Row, toDate } from '@wetube/platform';

/** One caption track of a video, as stored. */
export interface CaptionRecord {
  videoId: string;
  /** Canonical BCP 47 tag. */
  language: string;
  label: string;
  /** The checked WebVTT text the renditions are made from. */
  vtt: string;
  /** What was uploaded: 'vtt' or 'srt'. */
  sourceFormat: string;
  cueCount: number;
  /** Short hash of `vtt`: names the published folder `captions/<language>.<revision>/`. */
  revision: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A track without its text (what lists and playlists need). */
export type CaptionSummary = Omit<CaptionRecord, 'vtt'>;

const SUMMARY_COLUMNS = 'video_id, language, label, source_format, cue_count, revision, created_at, updated_at';

function toSummary(r: Row): CaptionSummary {
  return {
    videoId: String(r.video_id),
    language: String(r.language),
    label: String(r.label),
    sourceFormat: String(r.source_format),
    cueCount: Number(r.cue_count),
    revision: String(r.revision),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

function toRecord(r: Row): CaptionRecord {
  return { ...toSummary(r), vtt: String(r.vtt) };
}

/** The video_captions table: every query on it. The rules are in CaptionsService. */
@Injectable()
export class CaptionsRepository {
  constructor(private readonly db: Database) {}

  /** A video's tracks, by language, without their text. */
  async listOfVideo(videoId: string): Promise<CaptionSummary[]> {
    const rows = await this.db.query(`SELECT ${SUMMARY_COLUMNS} FROM video_captions WHERE video_id = ? ORDER BY language`, [videoId]);
    return rows.map(toSummary);
  }

  /** The tracks of several videos (GraphQL lists), by video then language. */
  async listOfVideos(videoIds: string[]): Promise<CaptionSummary[]> {
    if (videoIds.length === 0) return [];
    const list = this.db.dialect.inList('video_id', videoIds);
    const rows = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM video_captions WHERE ${list.sql} ORDER BY video_id, language`,
      list.params,
    );
    return rows.map(toSummary);
  }

  /** A video's tracks with their text (to publish them). */
  async fullOfVideo(videoId: string): Promise<CaptionRecord[]> {
    const rows = await this.db.query(`SELECT * FROM video_captions WHERE video_id = ? ORDER BY language`, [videoId]);
    return rows.map(toRecord);
  }

  async find(videoId: string, language: string): Promise<CaptionRecord | null> {
    const [row] = await this.db.query(`SELECT * FROM video_captions WHERE video_id = ? AND language = ?`, [videoId, language]);
    return row ? toRecord(row) : null;
  }

  async count(videoId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT COUNT(*) AS n FROM video_captions WHERE video_id = ?`, [videoId]);
    return Number(row.n);
  }

  /** Inserts the track, or replaces the one of the same video and language (keeping its created_at). */
  async upsert(c: CaptionRecord): Promise<void> {
    const t = this.db.dialect;
    await this.db.query(
      `INSERT INTO video_captions (video_id, language, label, vtt, source_format, cue_count, revision, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (video_id, language) DO UPDATE SET label = excluded.label, vtt = excluded.vtt, source_format = excluded.source_format,
         cue_count = excluded.cue_count, revision = excluded.revision, updated_at = excluded.updated_at`,
      [c.videoId, c.language, c.label, c.vtt, c.sourceFormat, c.cueCount, c.revision, t.time(c.createdAt), t.time(c.updatedAt)],
    );
  }

  /** True when a row was deleted. */
  async delete(videoId: string, language: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM video_captions WHERE video_id = ? AND language = ? RETURNING language`, [
      videoId,
      language,
    ]);
    return rows.length > 0;
  }
}
