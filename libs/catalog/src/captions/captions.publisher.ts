import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { ContentAddresser, MANIFEST_FILE, StorageRepository } from '@wetube/content';
import type { SignedManifest } from '@wetube/content';
import {
  buildSubtitleRendition,
  fmp4StartMpegTs,
  MASTER_PLAYLIST,
  parseCaptionFile,
  segmentDurationsOf,
  SUBTITLE_PLAYLIST,
  withSubtitleTracks,
} from '@wetube/media';
import type { SubtitleTiming, SubtitleTrackEntry } from '@wetube/media';
import { VideosService } from '../videos/videos.service';
import { CaptionRecord, CaptionsRepository } from './captions.repository';

/** The folder of one published track, relative to the video's folder. */
export function captionFolder(c: Pick<CaptionRecord, 'language' | 'revision'>): string {
  return `captions/${c.language}.${c.revision}`;
}

/** The whole track as one WebVTT file (GraphQL `Caption.url`), beside its segments. */
export const CAPTION_FULL_FILE = 'captions.vtt';
const CAPTIONS_DIR = 'captions';
/** Re-publishing again when the tracks changed meanwhile (another api process), at most this often. */
const MAX_ROUNDS = 3;

/**
 * Puts a video's caption tracks (the database's) into its published folder as HLS subtitle
 * renditions, the way the transcoder publishes: a new folder is made aside (hard links of the
 * published files: no bytes copied), its `captions/` replaced, `master.m3u8` re-written with the
 * tracks, the changed files content-addressed into a newly signed `manifest.json`, and the folder
 * swapped in with one rename (`StorageRepository.publish`). A player or peer sees the old set or
 * the new one, never half of one. One re-publish per video at a time in this process; a change made
 * meanwhile by another process is picked up by a further round (the set published is compared with
 * the database's after each swap).
 */
@Injectable()
export class CaptionsPublisher {
  private readonly log = new Logger('Captions');
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: StorageRepository,
    private readonly addresser: ContentAddresser,
    private readonly repo: CaptionsRepository,
    private readonly videos: VideosService,
  ) {}

  /** Re-publishes the video's tracks as the database has them now (queued behind one already running for it). */
  republish(videoId: string): Promise<void> {
    const before = this.running.get(videoId) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => this.rounds(videoId));
    this.running.set(videoId, next);
    const forget = () => {
      if (this.running.get(videoId) === next) this.running.delete(videoId);
    };
    next.then(forget, forget);
    return next;
  }

  private async rounds(videoId: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const tracks = await this.repo.fullOfVideo(videoId);
      const published = await this.publishOnce(videoId, tracks);
      if (!published) return;
      const now = await this.repo.listOfVideo(videoId);
      if (signature(now) === signature(tracks)) return;
    }
    this.log.warn(`video ${videoId}: caption tracks kept changing while they were published; the next change publishes them again`);
  }

  /** false when the video has no published folder (nothing to do). */
  private async publishOnce(videoId: string, tracks: CaptionRecord[]): Promise<boolean> {
    const dir = this.storage.videoDir(videoId);
    const master = await this.storage.readTextIfExists(join(dir, MASTER_PLAYLIST));
    if (master === null) return false;
    const manifestText = await this.storage.readTextIfExists(join(dir, MANIFEST_FILE));
    const previous = manifestText ? (JSON.parse(manifestText) as SignedManifest) : null;
    const temp = await this.storage.createTempDir(videoId);
    try {
      await this.storage.linkTree(dir, temp);
      await this.storage.removeDir(join(temp, CAPTIONS_DIR));
      const changed = new Set<string>([MASTER_PLAYLIST]);
      const entries: SubtitleTrackEntry[] = [];
      const timing = tracks.length ? await this.timing(temp, master) : null;
      for (const track of tracks) {
        const folder = captionFolder(track);
        const { cues } = parseCaptionFile(Buffer.from(track.vtt, 'utf8'), {
          maxBytes: Number.MAX_SAFE_INTEGER,
          maxCues: Number.MAX_SAFE_INTEGER,
        });
        const rendition = buildSubtitleRendition(cues, timing!);
        const files: [string, string][] = [
          [`${folder}/${SUBTITLE_PLAYLIST}`, rendition.playlist],
          [`${folder}/${CAPTION_FULL_FILE}`, track.vtt],
          ...rendition.segments.map((s): [string, string] => [`${folder}/${s.name}`, s.text]),
        ];
        for (const [path, text] of files) {
          await this.storage.writeFile(join(temp, ...path.split('/')), text);
          changed.add(path);
        }
        entries.push({ language: track.language, label: track.label, uri: `${folder}/${SUBTITLE_PLAYLIST}` });
      }
      // Replaced, not written into: the published master.m3u8 is the same file (a hard link).
      await this.storage.writeFileAtomic(join(temp, MASTER_PLAYLIST), withSubtitleTracks(master, entries));
      await this.addresser.readdressFolder(temp, videoId, previous, changed);
      // Deleted meanwhile: never bring its folder back.
      if (!(await this.videos.findById(videoId))) {
        await this.storage.removeDir(temp);
        return false;
      }
      await this.storage.publish(temp, videoId);
      return true;
    } catch (err) {
      await this.storage.removeDir(temp);
      throw err;
    }
  }

  /**
   * The video's segment grid (its first variant's EXTINF durations) and where its timeline starts
   * (that variant's first fMP4 segment), so subtitle segments line up with the picture's.
   */
  private async timing(dir: string, master: string): Promise<SubtitleTiming> {
    const variant = master
      .split(/\r?\n/)
      .find((l, i, all) => i > 0 && all[i - 1].startsWith('#EXT-X-STREAM-INF:') && l && !l.startsWith('#'));
    if (!variant) throw new Error('the master playlist names no variant');
    const variantPath = join(dir, ...variant.split('/'));
    const playlist = await this.storage.readText(variantPath);
    const segmentDurations = segmentDurationsOf(playlist);
    let mpegts = 0;
    try {
      const base = join(variantPath, '..');
      const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1];
      const first = playlist.split(/\r?\n/).find((l) => l && !l.startsWith('#'));
      if (init && first)
        mpegts = fmp4StartMpegTs(await this.storage.readFile(join(base, init)), await this.storage.readFile(join(base, first)));
    } catch (err) {
      this.log.warn(`${variant}: timeline start unknown, subtitles assume 0 (${err instanceof Error ? err.message : err})`);
    }
    return { segmentDurations, mpegts };
  }
}

function signature(tracks: Pick<CaptionRecord, 'language' | 'label' | 'revision'>[]): string {
  return tracks.map((t) => `${t.language}\u0000${t.label}\u0000${t.revision}`).join('\u0001');
}
