import { UserError } from '@wetube/platform';
import { findCategory, VIDEO_CATEGORIES } from '../videos/video-categories';
import { cleanMetadata } from '../videos/video-metadata.validator';
import { Visibility } from '../videos/video.enums';

/** What an uploader may set through tus `Upload-Metadata` besides the title (all optional). */
export interface UploadDetails {
  description?: string;
  tags?: string[];
  visibility?: Visibility;
  category?: string | null;
  /** `podcast=true`: a podcast episode (its loudness is normalized by default). */
  podcast?: boolean;
  /** `normalize=true|false`: normalize the audio's loudness (EBU R128), overriding the default. */
  normalize?: boolean;
}

function parseFlag(
  name: 'podcast' | 'normalize',
  raw: string | null | undefined,
): { ok: true; value?: boolean } | { ok: false; error: UserError } {
  if (raw == null || raw.trim() === '') return { ok: true };
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return { ok: true, value: true };
  if (v === 'false' || v === '0' || v === 'no') return { ok: true, value: false };
  return {
    ok: false,
    error: UserError.of(name, `"${name}" must be true or false, not "${raw.slice(0, 20)}".`, 'INVALID_FLAG'),
  };
}

type Meta = Record<string, string | null | undefined> | undefined;

/**
 * Reads `description`, `tags` (comma separated), `visibility` (PUBLIC, UNLISTED, PRIVATE) and
 * `category` (one of videoCategories) from an upload's metadata, with the same rules and messages
 * as `updateVideo`. Absent keys stay unset (the video gets the defaults).
 */
export function parseUploadDetails(meta: Meta): { ok: true; value: UploadDetails } | { ok: false; error: UserError } {
  const m = meta ?? {};
  const clean = cleanMetadata({
    description: m.description ?? null,
    tags: m.tags != null ? m.tags.split(',') : null,
  });
  if (!clean.ok) return { ok: false, error: clean.errors[0] };
  const value: UploadDetails = {};
  if (clean.value.description !== undefined) value.description = clean.value.description;
  if (clean.value.tags !== undefined) value.tags = clean.value.tags;
  if (m.visibility != null && m.visibility !== '') {
    const v = m.visibility.trim().toUpperCase();
    if (!(Object.values(Visibility) as string[]).includes(v)) {
      return {
        ok: false,
        error: UserError.of(
          'visibility',
          `There is no visibility "${m.visibility.slice(0, 20)}"; choose PUBLIC, UNLISTED or PRIVATE.`,
          'VISIBILITY_UNKNOWN',
        ),
      };
    }
    value.visibility = v as Visibility;
  }
  if (m.category != null && m.category.trim() !== '') {
    const found = findCategory(m.category);
    if (!found) {
      return {
        ok: false,
        error: UserError.of(
          'category',
          `There is no category "${m.category.slice(0, 40)}"; choose one of: ${VIDEO_CATEGORIES.join(', ')}.`,
          'CATEGORY_UNKNOWN',
        ),
      };
    }
    value.category = found;
  }
  for (const name of ['podcast', 'normalize'] as const) {
    const flag = parseFlag(name, m[name]);
    if (!flag.ok) return flag;
    if (flag.value !== undefined) value[name] = flag.value;
  }
  return { ok: true, value };
}
