import { formatOffset } from '@/lib/midrolls';
import type { UserError } from '@/lib/payments';
import type { Visibility } from '@/lib/types';
import type { StudioVideo } from './studio-video';
import type { MidrollsValue } from './MidrollsField';

/** The studio edit form's fields (also the names the server's userErrors paths use). */
export type FormField =
  'title' | 'description' | 'tags' | 'visibility' | 'category' | 'midrolls' | 'artist' | 'album' | 'genre' | 'trackNumber' | 'year';
const FORM_FIELDS: FormField[] = [
  'title',
  'description',
  'tags',
  'visibility',
  'category',
  'midrolls',
  'artist',
  'album',
  'genre',
  'trackNumber',
  'year',
];

/** An audio item's tags as the form holds them (numbers as typed). */
export interface AudioTagsForm {
  artist: string;
  album: string;
  genre: string;
  trackNumber: string;
  year: string;
}

/** The edit form's text fields as typed. */
export interface VideoForm {
  title: string;
  description: string;
  tags: string;
  visibility: Visibility;
  category: string;
  /** Only for an audio item. */
  audio: AudioTagsForm | null;
}

export const formOf = (
  v: Pick<StudioVideo, 'title' | 'description' | 'tags' | 'visibility' | 'category'> & {
    kind?: StudioVideo['kind'];
    audio?: {
      artist?: string | null;
      album?: string | null;
      genre?: string | null;
      trackNumber?: number | null;
      year?: number | null;
    } | null;
  },
): VideoForm => ({
  title: v.title,
  description: v.description ?? '',
  tags: v.tags.join(', '),
  visibility: v.visibility,
  category: v.category ?? '',
  // An audio item's tags only once they are known (`audio` given, null when it has none): a form
  // without them sends none, so a save never clears tags it did not show.
  audio:
    v.kind === 'AUDIO' && v.audio !== undefined
      ? {
          artist: v.audio?.artist ?? '',
          album: v.audio?.album ?? '',
          genre: v.audio?.genre ?? '',
          trackNumber: v.audio?.trackNumber != null ? String(v.audio.trackNumber) : '',
          year: v.audio?.year != null ? String(v.audio.year) : '',
        }
      : null,
});

/**
 * The `audioTags` input of an audio item's form: text as typed ("" clears a tag), numbers parsed
 * ("" clears; anything else that is not a whole number goes to the server as is, which names it).
 */
export function audioTagsInput(a: AudioTagsForm): {
  artist: string;
  album: string;
  genre: string;
  trackNumber: number | null;
  year: number | null;
} {
  const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()));
  return { artist: a.artist, album: a.album, genre: a.genre, trackNumber: num(a.trackNumber), year: num(a.year) };
}

export const midrollsOf = (v: Pick<StudioVideo, 'midrolls' | 'midrollsAreDefault'>): MidrollsValue => ({
  useDefault: v.midrollsAreDefault ?? true,
  text: v.midrollsAreDefault === false ? (v.midrolls ?? []).map(formatOffset).join(', ') : '',
});

/** The form field a server error names (the last one in its path), or null for the form as a whole. */
export function fieldOf(err: UserError): FormField | null {
  const path = err.field ?? [];
  for (let i = path.length - 1; i >= 0; i--) {
    const f = FORM_FIELDS.find((k) => k === path[i]);
    if (f) return f;
  }
  return null;
}

/** "a, b, A" → ["a", "b"]: trimmed, empty and case-insensitive duplicates dropped. */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw.split(',')) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}
