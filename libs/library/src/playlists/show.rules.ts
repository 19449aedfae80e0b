import { createHash } from 'node:crypto';
import { UserError } from '@wetube/platform';
import { ITUNES_CATEGORIES } from './itunes-categories';

/** What a playlist is: a plain playlist, an album (songs in order) or a show (a podcast with a feed). */
export type PlaylistKind = 'PLAYLIST' | 'ALBUM' | 'SHOW';
export const PLAYLIST_KINDS: readonly PlaylistKind[] = ['PLAYLIST', 'ALBUM', 'SHOW'];

/** A show's podcast fields (`playlists.show_meta`). */
export interface ShowMeta {
  author: string;
  /** BCP 47, canonical form (e.g. `en-US`). */
  language: string;
  category: string;
  subcategory: string | null;
  explicit: boolean;
  /** podcast:locked: the show may not be imported to another platform. */
  locked: boolean;
}

export interface ShowDetails {
  author?: string | null;
  language?: string | null;
  category?: string | null;
  subcategory?: string | null;
  explicit?: boolean | null;
  locked?: boolean | null;
}

export const AUTHOR_MAX = 255;
/** A new show's fields where its owner gave none. */
export const DEFAULT_SHOW: ShowMeta = {
  author: '',
  language: 'en',
  category: 'Society & Culture',
  subcategory: null,
  explicit: false,
  locked: false,
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The canonical BCP 47 tag when `tag` is well formed and its language is one ICU knows; else null. Pure. */
export function canonicalLanguage(tag: string): string | null {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    return null;
  }
  if (!canonical) return null;
  const lang = canonical.split('-')[0];
  return languageNames.of(lang) && languageNames.of(lang) !== lang ? canonical : null;
}

/** Merges `d` over `base`, checking each field given: userErrors name the field and the problem. Pure. */
export function cleanShow(d: ShowDetails, base: ShowMeta): { ok: true; value: ShowMeta } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  const value: ShowMeta = { ...base };
  if (d.author != null) {
    const author = d.author.trim().replace(/\s+/g, ' ');
    if ([...author].length > AUTHOR_MAX)
      errors.push(UserError.of('author', `The author is too long (at most ${AUTHOR_MAX} characters).`, 'AUTHOR_TOO_LONG'));
    else if (/[\u0000-\u001f\u007f]/.test(author))
      errors.push(UserError.of('author', 'The author has control characters.', 'AUTHOR_INVALID'));
    else value.author = author;
  }
  if (d.language != null) {
    const lang = canonicalLanguage(d.language);
    if (!lang)
      errors.push(UserError.of('language', `"${d.language}" is not a known BCP 47 language tag (e.g. en, en-US, de).`, 'LANGUAGE_UNKNOWN'));
    else value.language = lang;
  }
  if (d.category != null) {
    if (!Object.hasOwn(ITUNES_CATEGORIES, d.category)) {
      errors.push(UserError.of('category', `"${d.category}" is not an Apple Podcasts category.`, 'CATEGORY_UNKNOWN'));
    } else {
      if (value.category !== d.category) value.subcategory = null;
      value.category = d.category;
    }
  }
  if (d.subcategory !== undefined) {
    const sub = d.subcategory === null || d.subcategory === '' ? null : d.subcategory;
    if (sub !== null && !ITUNES_CATEGORIES[value.category]?.includes(sub)) {
      errors.push(UserError.of('subcategory', `"${sub}" is not a subcategory of ${value.category}.`, 'SUBCATEGORY_UNKNOWN'));
    } else value.subcategory = sub;
  }
  if (d.explicit != null) value.explicit = d.explicit;
  if (d.locked != null) value.locked = d.locked;
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The Podcasting 2.0 namespace for `podcast:guid` (UUIDv5 of the feed URL). */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/** RFC 4122 UUIDv5 (SHA-1) of `name` in `namespace`. Pure. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes (Podcasting 2.0). Pure. */
export function podcastGuid(feedUrl: string): string {
  return uuidV5(feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, ''), PODCAST_GUID_NAMESPACE);
}
