import { AdFormatError } from './format.errors';

export const INTERSTITIAL_CLASS = 'com.apple.hls.interstitial';
/**
 * The query parameter that carries the playback session id: on the media playlist's URL (whence
 * `EXT-X-DEFINE:QUERYPARAM` brings it into each X-ASSET-LIST, see `sessionFromQuery`) and on each
 * asset-list request. Never a session id in the playlist text (see insertInterstitials).
 */
export const ASSET_LIST_SESSION_PARAM = 'session';

/** Mid-rolls every this many seconds by default... */
export const DEFAULT_MIDROLL_INTERVAL_SEC = 8 * 60;
/** ...for videos longer than this... */
export const DEFAULT_MIDROLLS_AFTER_SEC = 10 * 60;
/** ...and never within this much of the end. */
export const DEFAULT_MIDROLL_END_GUARD_SEC = 60;

/**
 * Default ad breaks of a video, seconds from its start: a pre-roll at 0, plus a mid-roll every
 * 8 minutes (480, 960, ...) for videos longer than 10 minutes, none starting within the last
 * minute (a break exactly one minute before the end is kept). A video of 0 s has no break.
 * The offsets are multiples of 2 s, so they fall on our segment grid.
 */
export function defaultBreaks(durationSec: number): number[] {
  if (typeof durationSec !== 'number' || !Number.isFinite(durationSec) || durationSec < 0) {
    throw new AdFormatError('durationSec', `durationSec must be a finite number ≥ 0, got ${String(durationSec)}`);
  }
  if (durationSec === 0) return [];
  const breaks = [0];
  if (durationSec > DEFAULT_MIDROLLS_AFTER_SEC) {
    for (let t = DEFAULT_MIDROLL_INTERVAL_SEC; t <= durationSec - DEFAULT_MIDROLL_END_GUARD_SEC; t += DEFAULT_MIDROLL_INTERVAL_SEC) {
      breaks.push(t);
    }
  }
  return breaks;
}

/** One ad break as placed in a playlist. */
export interface PlacedBreak {
  /** `ad-<n>`, n = 0, 1, ... in time order; the same in every rendition of the video. */
  id: string;
  offsetSec: number;
  startDate: Date;
  assetListUrl: string;
  /** Index of the segment the break starts in (its DATERANGE is written just before it). */
  segmentIndex: number;
}

export interface InterstitialOptions {
  /**
   * The video's fixed start on the program-date-time timeline (the same for every viewer and
   * every rendition, e.g. the video's creation time): EXT-X-PROGRAM-DATE-TIME of its first
   * segment; START-DATE of a break = this + the break's offset.
   */
  videoStart: Date;
  /** Ad break offsets, seconds from the start of the video (0 = pre-roll), each in [0, duration). */
  breaks: readonly number[];
  /**
   * The asset-list URL of a break, the same for every viewer: absolute http(s) or a path
   * (resolved against the playlist's URL). Placeholders: `{id}` (`ad-<n>`), `{index}` (n) and
   * `{offset}` (the offset in seconds). No other `{...}` is allowed: in particular no session id
   * (see `sessionFromQuery`).
   */
  assetListUrl: string;
  /**
   * The asset lists carry the playback session through HLS variable substitution: the playlist gets
   * `#EXT-X-DEFINE:QUERYPARAM="session"` (the `session` query parameter of the URL it was loaded
   * from) and each X-ASSET-LIST ends in `session={$session}`; EXT-X-VERSION is raised to 11 (the
   * version of QUERYPARAM). The text is still the same for every viewer: only the URL the player
   * loads it from differs. Only for a playlist loaded with a `session` parameter (a player without
   * one would fail on the missing variable).
   */
  sessionFromQuery?: boolean;
}

/** The HLS protocol version that brings EXT-X-DEFINE's QUERYPARAM (RFC 8216bis). */
const QUERYPARAM_VERSION = 11;

export interface InterstitialPlaylist {
  text: string;
  breaks: PlacedBreak[];
}

interface Segment {
  /** Line index of the URI line. */
  uriLine: number;
  /** Line index of its EXTINF. */
  extinfLine: number;
  /** Start, microseconds from the first segment. */
  startUs: number;
  durationUs: number;
  /** An EXT-X-DISCONTINUITY comes before it. */
  discontinuity: boolean;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['id', 'index', 'offset']);

function formatOffset(sec: number): string {
  // Shortest exact decimal for offsets on a millisecond grid: 480 → "480", 12.5 → "12.5".
  return String(Math.round(sec * 1000) / 1000);
}

function expandAssetListUrl(template: string, id: string, index: number, offsetSec: number): string {
  return template.replace(PLACEHOLDER, (_, name: string) =>
    name === 'id' ? id : name === 'index' ? String(index) : formatOffset(offsetSec),
  );
}

function checkTemplate(template: unknown): string {
  const field = 'assetListUrl';
  if (typeof template !== 'string' || template.trim() === '') throw new AdFormatError(field, `${field} must be a URL template`);
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (name === 'session' || name === 'sessionId') {
      throw new AdFormatError(
        field,
        `${field} must not carry the playback session ({${name}}): content playlists are the same for every viewer; ` +
          `the player adds "${ASSET_LIST_SESSION_PARAM}=<id>" to each asset-list request`,
      );
    }
    if (!KNOWN_PLACEHOLDERS.has(name)) {
      throw new AdFormatError(field, `${field} has an unknown placeholder {${name}} (known: {id}, {index}, {offset})`);
    }
  }
  // Check one expansion: a quoted-string attribute cannot hold '"', CR or LF (RFC 8216 4.2).
  const sample = expandAssetListUrl(template, 'ad-0', 0, 0);
  if (/["\r\n]/.test(sample)) throw new AdFormatError(field, `${field} must not contain a double quote or a line break`);
  let url: URL;
  try {
    url = new URL(sample, 'https://relative.invalid/');
  } catch {
    throw new AdFormatError(field, `${field} is not a URL: ${JSON.stringify(template)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AdFormatError(field, `${field} must be an http(s) URL or a path, not ${url.protocol}`);
  }
  return template;
}

/** Parses an EXTINF duration into integer microseconds (exact for ffmpeg's 6 decimals). */
function parseExtinfUs(line: string, lineNo: number): number {
  const m = /^#EXTINF:([0-9]+(?:\.[0-9]+)?)\s*(?:,|$)/.exec(line);
  if (!m) throw new AdFormatError('playlist', `playlist line ${lineNo + 1}: cannot read the EXTINF duration: ${line}`);
  const [whole, frac = ''] = m[1].split('.');
  return Number(whole) * 1_000_000 + Number((frac + '000000').slice(0, 6));
}

function readSegments(lines: string[]): Segment[] {
  const segments: Segment[] = [];
  let extinfLine = -1;
  let durationUs = 0;
  let discontinuity = false;
  let t = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#EXT-X-STREAM-INF') || line.startsWith('#EXT-X-MEDIA:')) {
      throw new AdFormatError('playlist', 'playlist is a multivariant (master) playlist: interstitials go into media playlists');
    }
    if (line.startsWith('#EXT-X-PART:') || line.startsWith('#EXT-X-PRELOAD-HINT')) {
      throw new AdFormatError('playlist', 'playlist has partial segments (low-latency HLS), which this writer does not handle');
    }
    if (line.startsWith('#EXTINF:')) {
      extinfLine = i;
      durationUs = parseExtinfUs(line, i);
    } else if (line === '#EXT-X-DISCONTINUITY') {
      discontinuity = true;
    } else if (line.startsWith('#EXT-X-DATERANGE:') && line.includes(`"${INTERSTITIAL_CLASS}"`)) {
      throw new AdFormatError(
        'playlist',
        `playlist already has interstitial DATERANGEs (line ${i + 1}); start from the plain media playlist`,
      );
    } else if (!line.startsWith('#')) {
      if (extinfLine < 0) throw new AdFormatError('playlist', `playlist line ${i + 1}: segment ${line} has no EXTINF`);
      segments.push({ uriLine: i, extinfLine, startUs: t, durationUs, discontinuity });
      t += durationUs;
      extinfLine = -1;
      discontinuity = false;
    }
  });
  return segments;
}

function isoDate(base: Date, offsetUs: number): Date {
  return new Date(base.getTime() + Math.round(offsetUs / 1000));
}

/**
 * Adds HLS Interstitials ad breaks to one media playlist (RFC 8216bis, appendix D; what hls.js
 * 1.7 plays). The result differs from the input only by these lines:
 *
 * - `#EXT-X-PROGRAM-DATE-TIME:<videoStart + t>` before the first segment and before the first
 *   segment after every EXT-X-DISCONTINUITY (t = the sum of the EXTINF durations before it, so
 *   the timeline stays continuous and identical in every rendition). Any PROGRAM-DATE-TIME the
 *   input had (ffmpeg writes the wall clock of the transcode) is removed.
 * - per break, before the segment it starts in:
 *   `#EXT-X-DATERANGE:ID="ad-<n>",CLASS="com.apple.hls.interstitial",START-DATE="<videoStart +
 *   offset>",CUE="PRE"|"ONCE",X-ASSET-LIST="<url>",X-RESUME-OFFSET=0,X-RESTRICT="SKIP,JUMP"`.
 *   The pre-roll (offset 0) has CUE="PRE"; mid-rolls CUE="ONCE" (played once per playback, not
 *   again after a seek back). X-RESUME-OFFSET=0: ads are inserted, no content is skipped. No
 *   DURATION: how long a break lasts depends on the viewer (the asset list decides; an ad-free
 *   plan gets an empty list).
 *
 * Segment lines (URIs, EXTINF, MAP, BYTERANGE...) are kept byte for byte. No break returns the
 * input unchanged. The playlist stays the same for every viewer: the X-ASSET-LIST URL names the
 * video and the break, and with `sessionFromQuery` ends in `session={$session}`, which the player
 * fills in from the `session` parameter of the URL it loaded the playlist from (HLS variable
 * substitution); without it the player adds the session to each asset-list request itself. Offsets should fall on segment
 * boundaries of the video renditions (defaultBreaks does): breaks are not moved, so every
 * rendition, audio included, gets the same START-DATE. Pure.
 */
export function insertInterstitials(playlist: string, options: InterstitialOptions): InterstitialPlaylist {
  if (typeof playlist !== 'string' || !playlist.startsWith('#EXTM3U')) {
    throw new AdFormatError('playlist', 'playlist must be HLS playlist text starting with #EXTM3U');
  }
  const { videoStart, breaks } = options;
  if (!(videoStart instanceof Date) || Number.isNaN(videoStart.getTime())) {
    throw new AdFormatError('videoStart', 'videoStart must be a valid Date');
  }
  if (!Array.isArray(breaks)) throw new AdFormatError('breaks', 'breaks must be an array of offsets in seconds');
  const template = checkTemplate(options.assetListUrl);

  const eol = playlist.includes('\r\n') ? '\r\n' : '\n';
  const lines = playlist.split(/\r?\n/);
  const segments = readSegments(lines);
  if (segments.length === 0) throw new AdFormatError('playlist', 'playlist has no media segment');
  if (breaks.length === 0) return { text: playlist, breaks: [] };

  const last = segments[segments.length - 1];
  const totalUs = last.startUs + last.durationUs;
  breaks.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b) || b < 0) {
      throw new AdFormatError(`breaks[${i}]`, `breaks[${i}] must be a finite number of seconds ≥ 0, got ${String(b)}`);
    }
    if (b * 1_000_000 >= totalUs) {
      throw new AdFormatError(`breaks[${i}]`, `breaks[${i}] = ${b} s is not before the end of the playlist (${totalUs / 1e6} s)`);
    }
  });
  const sorted = [...breaks].sort((a, b) => a - b);
  const placed: PlacedBreak[] = [];
  let s = 0;
  sorted.forEach((offsetSec, n) => {
    const offsetUs = Math.round(offsetSec * 1_000_000);
    while (s + 1 < segments.length && segments[s + 1].startUs <= offsetUs) s++;
    const prev = placed[placed.length - 1];
    if (prev && prev.segmentIndex === s) {
      throw new AdFormatError(
        'breaks',
        `breaks at ${prev.offsetSec} s and ${offsetSec} s start in the same segment (#${s}); put breaks at least a segment apart`,
      );
    }
    const id = `ad-${n}`;
    placed.push({
      id,
      offsetSec,
      startDate: isoDate(videoStart, offsetUs),
      assetListUrl: options.sessionFromQuery
        ? withSessionVariable(expandAssetListUrl(template, id, n, offsetSec))
        : expandAssetListUrl(template, id, n, offsetSec),
      segmentIndex: s,
    });
  });

  const before = new Map<number, string[]>();
  const add = (line: number, text: string) => {
    const list = before.get(line) ?? [];
    list.push(text);
    before.set(line, list);
  };
  segments.forEach((seg, i) => {
    if (i === 0 || seg.discontinuity) {
      add(seg.extinfLine, `#EXT-X-PROGRAM-DATE-TIME:${isoDate(videoStart, seg.startUs).toISOString()}`);
    }
  });
  for (const b of placed) {
    const attrs = [
      `ID="${b.id}"`,
      `CLASS="${INTERSTITIAL_CLASS}"`,
      `START-DATE="${b.startDate.toISOString()}"`,
      `CUE="${b.offsetSec === 0 ? 'PRE' : 'ONCE'}"`,
      `X-ASSET-LIST="${b.assetListUrl}"`,
      'X-RESUME-OFFSET=0',
      'X-RESTRICT="SKIP,JUMP"',
    ];
    add(segments[b.segmentIndex].extinfLine, `#EXT-X-DATERANGE:${attrs.join(',')}`);
  }

  const out: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#EXT-X-PROGRAM-DATE-TIME')) return;
    const extra = before.get(i);
    if (extra) out.push(...extra);
    if (options.sessionFromQuery && trimmed.startsWith('#EXT-X-VERSION:')) {
      out.push(`#EXT-X-VERSION:${Math.max(Number(trimmed.slice('#EXT-X-VERSION:'.length)) || 1, QUERYPARAM_VERSION)}`);
      return;
    }
    out.push(line);
    if (options.sessionFromQuery && i === 0) {
      if (!lines.some((l) => l.trim().startsWith('#EXT-X-VERSION:'))) out.push(`#EXT-X-VERSION:${QUERYPARAM_VERSION}`);
      out.push(`#EXT-X-DEFINE:QUERYPARAM="${ASSET_LIST_SESSION_PARAM}"`);
    }
  });
  return { text: out.join(eol), breaks: placed };
}

/** An asset-list URL ending in `session={$session}` (the variable EXT-X-DEFINE QUERYPARAM brings). */
function withSessionVariable(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${ASSET_LIST_SESSION_PARAM}={$${ASSET_LIST_SESSION_PARAM}}`;
}

/**
 * The asset-list URL a player requests for one break of one playback session: the playlist's
 * X-ASSET-LIST (resolved against `base`, the playlist URL, when it is a path) with
 * `session=<sessionId>` set. What the web player's hls.js loader does to asset-list requests.
 */
export function withPlaybackSession(assetListUrl: string, sessionId: string, base?: string): string {
  const url = new URL(assetListUrl, base);
  url.searchParams.set(ASSET_LIST_SESSION_PARAM, sessionId);
  return url.href;
}
