import { CaptionCue } from './caption-cue';
import { cueBlock } from './caption-file';

export const SUBTITLE_GROUP = 'subs';
export const SUBTITLE_PLAYLIST = 'playlist.m3u8';

export interface SubtitleSegment {
  /** File name beside the playlist: `seg_00000.vtt`. */
  name: string;
  text: string;
}

export interface SubtitleRendition {
  playlist: string;
  segments: SubtitleSegment[];
}

export interface SubtitleTiming {
  /** The video's segment durations in seconds, in order (its top rendition's EXTINF values). */
  segmentDurations: number[];
  /**
   * Where the video's media timeline starts, in 90 kHz ticks (the first video segment's decode
   * time): `X-TIMESTAMP-MAP=MPEGTS:<this>,LOCAL:00:00:00.000`, so a player puts cue time 0 at the
   * video's first frame.
   */
  mpegts: number;
}

/**
 * One subtitle track as an HLS rendition: a VOD media playlist with one WebVTT segment per video
 * segment (same durations, so a player fetches the cues of the time it buffers). A cue that spans a
 * boundary is repeated in each segment it touches (with its absolute times; players drop the
 * repeat); cue ids are left out of segments so two cues of a file sharing an id both show. Pure.
 */
export function buildSubtitleRendition(cues: CaptionCue[], timing: SubtitleTiming): SubtitleRendition {
  if (timing.segmentDurations.length === 0) throw new Error('the video has no segments');
  if (!Number.isSafeInteger(timing.mpegts) || timing.mpegts < 0) throw new Error(`bad MPEGTS ${timing.mpegts}`);
  const header = `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:${timing.mpegts},LOCAL:00:00:00.000\n\n`;
  const segments: SubtitleSegment[] = [];
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3'];
  const target = Math.max(1, ...timing.segmentDurations.map((d) => Math.round(d)));
  lines.push(`#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD');
  let startMs = 0;
  let first = 0; // cues are sorted by start: those before `first` ended before this segment
  timing.segmentDurations.forEach((duration, i) => {
    const last = i === timing.segmentDurations.length - 1;
    const endMs = Math.round(startMs + duration * 1000);
    let text = header;
    while (first < cues.length && cues[first].endMs <= startMs && cues[first].startMs < startMs) first++;
    for (let c = first; c < cues.length && (last || cues[c].startMs < endMs); c++) {
      const cue = cues[c];
      if (cue.endMs > startMs) text += cueBlock(cue, false);
    }
    const name = `seg_${String(i).padStart(5, '0')}.vtt`;
    segments.push({ name, text });
    lines.push(`#EXTINF:${duration.toFixed(6)},`, name);
    startMs = endMs;
  });
  lines.push('#EXT-X-ENDLIST');
  return { playlist: lines.join('\n') + '\n', segments };
}

/** One subtitle rendition as the master playlist names it. */
export interface SubtitleTrackEntry {
  /** BCP 47, canonical. */
  language: string;
  /** The NAME shown in players' menus (no double quote, no line break: see cleanCaptionLabel). */
  label: string;
  /** Relative to the master playlist: `captions/en.1a2b3c4d/playlist.m3u8`. */
  uri: string;
}

/**
 * The master playlist text with exactly these subtitle renditions: every existing
 * `EXT-X-MEDIA:TYPE=SUBTITLES` line and `SUBTITLES=` attribute is removed, then one EXT-X-MEDIA per
 * track (group "subs", DEFAULT=NO, AUTOSELECT=YES; sorted by language) goes after the other
 * EXT-X-MEDIA lines and every EXT-X-STREAM-INF gets `SUBTITLES="subs"`. Everything else is kept
 * byte for byte; no tracks gives back the playlist without subtitles. Pure.
 */
export function withSubtitleTracks(master: string, tracks: SubtitleTrackEntry[]): string {
  const lines = master.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines
    .filter((l) => !(l.startsWith('#EXT-X-MEDIA:') && /(?:^|[:,])TYPE=SUBTITLES(?:,|$)/.test(l)))
    .map((l) => (l.startsWith('#EXT-X-STREAM-INF:') ? l.replace(/,SUBTITLES="[^"]*"/, '').replace(/:SUBTITLES="[^"]*",?/, ':') : l));
  if (tracks.length === 0) return kept.join('\n');
  const names = new Set<string>();
  const media = [...tracks]
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
    .map((t) => {
      if (/["\n\r]/.test(t.label) || /["\n\r,]/.test(t.uri) || !/^[A-Za-z0-9-]+$/.test(t.language))
        throw new Error(`unsafe subtitle track ${JSON.stringify(t)}`);
      // NAME must be unique within the group (RFC 8216 4.3.4.1.1).
      const name = names.has(t.label) ? `${t.label} (${t.language})` : t.label;
      names.add(name);
      return `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${SUBTITLE_GROUP}",LANGUAGE="${t.language}",NAME="${name}",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="${t.uri}"`;
    });
  let lastMedia = -1;
  let firstVariant = -1;
  kept.forEach((l, i) => {
    if (l.startsWith('#EXT-X-MEDIA:')) lastMedia = i;
    if (firstVariant < 0 && l.startsWith('#EXT-X-STREAM-INF:')) firstVariant = i;
  });
  if (firstVariant < 0) throw new Error('not a master playlist: no EXT-X-STREAM-INF');
  const at = lastMedia >= 0 && lastMedia < firstVariant ? lastMedia + 1 : firstVariant;
  const out = [...kept.slice(0, at), ...media, ...kept.slice(at)];
  return out.map((l) => (l.startsWith('#EXT-X-STREAM-INF:') ? `${l},SUBTITLES="${SUBTITLE_GROUP}"` : l)).join('\n');
}

/** The EXTINF durations of a media playlist, in order (seconds). */
export function segmentDurationsOf(mediaPlaylist: string): number[] {
  const out: number[] = [];
  for (const line of mediaPlaylist.split(/\r?\n/)) {
    const m = /^#EXTINF:([0-9.]+)/.exec(line);
    if (m) out.push(Number(m[1]));
  }
  return out;
}
