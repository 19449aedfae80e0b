import { UserError } from '@wetube/platform';
import type { AudioTags } from './audio-meta';

/** What the studio sends for an audio item's tags: a field left out stays, "" or null clears it. */
export interface AudioTagsInputValue {
  artist?: string | null;
  album?: string | null;
  genre?: string | null;
  trackNumber?: number | null;
  year?: number | null;
}

export const AUDIO_TAG_LIMITS = { text: 200, track: 9999, yearMin: 1000, yearMax: 2100 };

const TEXT = ['artist', 'album', 'genre'] as const;

/** A problem with one tag, its path `["input", "audioTags", field]`. */
function tagError(field: string, message: string, code: string): UserError {
  return Object.assign(new UserError(), { field: ['input', 'audioTags', field], message, code });
}

/**
 * The item's tags after the edit: text trimmed (inner runs of whitespace to one space), at most 200
 * characters; the track a whole number 1–9999; the year 1000–2100. Keys left out keep the tag
 * read from the file; "" or null removes it. Every problem is named, under `audioTags.<field>`.
 */
export function cleanAudioTags(
  input: AudioTagsInputValue,
  current: AudioTags | undefined,
): { ok: true; value: AudioTags } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  const next: AudioTags = { ...(current ?? {}) };
  for (const k of TEXT) {
    if (!(k in input)) continue;
    const v = (input[k] ?? '').trim().replace(/\s+/g, ' ');
    if (v.length > AUDIO_TAG_LIMITS.text)
      errors.push(tagError(k, `Use at most ${AUDIO_TAG_LIMITS.text} characters for the ${k}.`, 'TAG_TOO_LONG'));
    if (v) next[k] = v;
    else delete next[k];
  }
  if ('trackNumber' in input) {
    const n = input.trackNumber;
    if (n == null) delete next.track;
    else if (!Number.isInteger(n) || n < 1 || n > AUDIO_TAG_LIMITS.track)
      errors.push(tagError('trackNumber', `A track number is a whole number from 1 to ${AUDIO_TAG_LIMITS.track}.`, 'BAD_TRACK'));
    else next.track = n;
  }
  if ('year' in input) {
    const y = input.year;
    if (y == null) delete next.year;
    else if (!Number.isInteger(y) || y < AUDIO_TAG_LIMITS.yearMin || y > AUDIO_TAG_LIMITS.yearMax)
      errors.push(tagError('year', `A year is from ${AUDIO_TAG_LIMITS.yearMin} to ${AUDIO_TAG_LIMITS.yearMax}.`, 'BAD_YEAR'));
    else next.year = y;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: next };
}
