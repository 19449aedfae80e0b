import { formatBytes } from '@wetube/platform';
import { CaptionCue, CaptionError, formatVttTime } from './caption-cue';
import { cleanCueText, SRT_TAGS, VTT_TAGS } from './cue-text';

/** A subtitle file is at most this big (bytes, as uploaded). */
export const CAPTION_MAX_BYTES = 1_000_000;
/** …and holds at most this many cues. */
export const CAPTION_MAX_CUES = 10_000;
/** One cue's text, in characters. */
export const CAPTION_MAX_CUE_CHARS = 1_000;

export type CaptionFormat = 'vtt' | 'srt';

export interface ParsedCaptions {
  /** What the upload was. */
  format: CaptionFormat;
  /** Sorted by start, then end; overlapping cues are allowed (both are shown). */
  cues: CaptionCue[];
}

export interface CaptionLimits {
  maxBytes?: number;
  maxCues?: number;
}

const VTT_TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const SRT_TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})$/;
const VTT_TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const SRT_TIMING = /^(\S+)[ \t]*-->[ \t]*(\S+)(?:[ \t]+.*)?$/;
/** Cue settings we pass on (WebVTT §4.4); regions are not kept. */
const VTT_SETTING =
  /^(?:vertical:(?:rl|lr)|line:-?\d+(?:\.\d+)?%?(?:,(?:start|center|end))?|position:\d+(?:\.\d+)?%(?:,(?:line-left|center|line-right))?|size:\d+(?:\.\d+)?%|align:(?:start|center|end|left|right))$/;

/**
 * Reads an uploaded subtitle file, WebVTT or SRT (told apart by their content, not their name), into
 * checked cues: UTF-8 (or UTF-16 with a BOM), a BOM and CRLF/CR line ends accepted, every timestamp
 * checked (a malformed one is refused naming its line), a cue must end after it starts, cue text is
 * kept as text (see cue-text.ts), limits on size and cue count. Throws a {@link CaptionError}. Pure.
 */
export function parseCaptionFile(bytes: Uint8Array, limits: CaptionLimits = {}): ParsedCaptions {
  const maxBytes = limits.maxBytes ?? CAPTION_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new CaptionError('CAPTION_TOO_LARGE', `The subtitle file is larger than the limit of ${formatBytes(maxBytes)}.`);
  }
  const text = decodeText(bytes).replace(/\r\n?/g, '\n');
  const trimmed = text.replace(/^\n+/, '');
  let parsed: ParsedCaptions;
  if (/^WEBVTT(?:[ \t\n]|$)/.test(trimmed)) parsed = { format: 'vtt', cues: parseVtt(text) };
  else if (looksLikeSrt(trimmed)) parsed = { format: 'srt', cues: parseSrt(text) };
  else {
    throw new CaptionError(
      'CAPTION_NOT_SUBTITLES',
      'The file is not WebVTT or SRT subtitles (a WebVTT file starts with "WEBVTT"; an SRT file with a cue number and a line such as "00:00:01,000 --> 00:00:02,500").',
    );
  }
  const maxCues = limits.maxCues ?? CAPTION_MAX_CUES;
  if (parsed.cues.length > maxCues) {
    throw new CaptionError('CAPTION_TOO_MANY_CUES', `The file has ${parsed.cues.length} cues; at most ${maxCues} are allowed.`);
  }
  if (parsed.cues.length === 0) throw new CaptionError('CAPTION_EMPTY', 'The subtitle file has no cues.');
  parsed.cues.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return parsed;
}

/** The cues as one WebVTT file (what `url` serves and what the database keeps). Pure. */
export function writeVtt(cues: CaptionCue[], header: string[] = []): string {
  let out = ['WEBVTT', ...header].join('\n') + '\n\n';
  for (const cue of cues) out += cueBlock(cue, true);
  return out;
}

/** One cue block with its blank line; `withId`: the source's identifier line. */
export function cueBlock(cue: CaptionCue, withId: boolean): string {
  const id = withId && cue.id ? `${cue.id}\n` : '';
  const settings = cue.settings ? ` ${cue.settings}` : '';
  return `${id}${formatVttTime(cue.startMs)} --> ${formatVttTime(cue.endMs)}${settings}\n${cue.text}\n\n`;
}

function decodeText(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new CaptionError('CAPTION_NOT_TEXT', 'The file is not text (subtitles must be UTF-8, or UTF-16 with a byte order mark).');
  }
  if (text.includes('\0')) throw new CaptionError('CAPTION_NOT_TEXT', 'The file is not text: it holds NUL bytes.');
  return text;
}

function looksLikeSrt(text: string): boolean {
  const lines = text.split('\n', 3);
  return (/^\d+[ \t]*$/.test(lines[0]) && (lines[1] ?? '').includes('-->')) || lines[0].includes('-->');
}

/** Blocks of non-blank lines, each with the 1-based line number it starts on. */
function blocks(text: string): { line: number; lines: string[] }[] {
  const out: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') {
      current = null;
      return;
    }
    if (!current) out.push((current = { line: i + 1, lines: [] }));
    current.lines.push(raw);
  });
  return out;
}

function time(value: string, pattern: RegExp, line: number, expected: string): number {
  const m = pattern.exec(value);
  if (!m) {
    throw new CaptionError(
      'CAPTION_MALFORMED_TIMESTAMP',
      `Line ${line}: "${value.slice(0, 40)}" is not a timestamp (expected ${expected}).`,
    );
  }
  const [, h, min, s, ms] = m;
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(ms);
}

function checkCue(startMs: number, endMs: number, text: string, line: number): void {
  if (endMs <= startMs) {
    throw new CaptionError(
      'CAPTION_BAD_CUE',
      `Line ${line}: the cue ends (${formatVttTime(endMs)}) before it starts (${formatVttTime(startMs)}).`,
    );
  }
  if (text.length > CAPTION_MAX_CUE_CHARS) {
    throw new CaptionError(
      'CAPTION_BAD_CUE',
      `Line ${line}: the cue's text is ${text.length} characters; at most ${CAPTION_MAX_CUE_CHARS} are allowed.`,
    );
  }
}

function payload(lines: string[], from: number, blockLine: number): string {
  const rest = lines.slice(from);
  const bad = rest.findIndex((l) => l.includes('-->'));
  if (bad >= 0) {
    throw new CaptionError(
      'CAPTION_BAD_CUE',
      `Line ${blockLine + from + bad}: a timing line inside a cue's text (cues must be separated by a blank line).`,
    );
  }
  return rest.map((l) => l.replace(/[ \t]+$/, '')).join('\n');
}

function parseVtt(text: string): CaptionCue[] {
  const all = blocks(text);
  const cues: CaptionCue[] = [];
  // The first block is the header ("WEBVTT" and its header lines); a cue timing in it is a cue.
  const header = all.shift()!;
  const timingAt = header.lines.findIndex((l) => l.includes('-->'));
  if (timingAt > 0) all.unshift({ line: header.line + timingAt, lines: header.lines.slice(timingAt) });
  for (const block of all) {
    const first = block.lines[0];
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) continue;
    const timingIndex = first.includes('-->') ? 0 : 1;
    const timing = block.lines[timingIndex];
    const lineNo = block.line + timingIndex;
    const m = timing === undefined ? null : VTT_TIMING.exec(timing.trim());
    if (!m) {
      throw new CaptionError(
        'CAPTION_MALFORMED_TIMESTAMP',
        `Line ${lineNo}: expected a cue timing such as "00:00:01.000 --> 00:00:02.500", got "${(timing ?? first).slice(0, 60)}".`,
      );
    }
    const expected = 'HH:MM:SS.mmm or MM:SS.mmm';
    const startMs = time(m[1], VTT_TIME, lineNo, expected);
    const endMs = time(m[2], VTT_TIME, lineNo, expected);
    const body = payload(block.lines, timingIndex + 1, block.line);
    checkCue(startMs, endMs, body, lineNo);
    const settings = (m[3] ?? '')
      .split(/[ \t]+/)
      .filter((s) => VTT_SETTING.test(s))
      .join(' ');
    const id = timingIndex === 1 ? first.trim().slice(0, 100) : null;
    cues.push({ id, startMs, endMs, settings, text: cleanCueText(body, { tags: VTT_TAGS, vtt: true }) });
  }
  return cues;
}

function parseSrt(text: string): CaptionCue[] {
  const cues: CaptionCue[] = [];
  for (const block of blocks(text)) {
    const numbered = /^\d+$/.test(block.lines[0].trim());
    const timingIndex = numbered ? 1 : 0;
    const timing = block.lines[timingIndex];
    const lineNo = block.line + timingIndex;
    const m = timing === undefined ? null : SRT_TIMING.exec(timing.trim());
    if (!m) {
      throw new CaptionError(
        'CAPTION_MALFORMED_TIMESTAMP',
        `Line ${lineNo}: expected a cue timing such as "00:00:01,000 --> 00:00:02,500", got "${(timing ?? block.lines[0]).slice(0, 60)}".`,
      );
    }
    const expected = 'HH:MM:SS,mmm';
    const startMs = time(m[1], SRT_TIME, lineNo, expected);
    const endMs = time(m[2], SRT_TIME, lineNo, expected);
    const body = payload(block.lines, timingIndex + 1, block.line);
    checkCue(startMs, endMs, body, lineNo);
    const cueText = cleanCueText(body, { tags: SRT_TAGS, vtt: false });
    if (cueText.trim() === '') continue; // an SRT cue with no words shows nothing
    cues.push({ id: numbered ? block.lines[0].trim() : null, startMs, endMs, settings: '', text: cueText });
  }
  return cues;
}
