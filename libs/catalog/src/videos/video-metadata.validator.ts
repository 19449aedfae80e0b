import { UserError } from '@wetube/platform';

export interface VideoMetadataInput {
  title?: string | null;
  description?: string | null;
  tags?: string[] | null;
}

export interface CleanMetadata {
  title?: string;
  description?: string;
  tags?: string[];
}

export const LIMITS = { title: 200, description: 5000, tags: 30, tag: 40 };

/** Trims and checks title, description and tags; returns the clean values or every problem. */
export function cleanMetadata(input: VideoMetadataInput): { ok: true; value: CleanMetadata } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  const value: CleanMetadata = {};
  if (input.title != null) {
    const title = input.title.trim().replace(/\s+/g, ' ');
    if (!title) errors.push(UserError.of('title', 'Enter a title.', 'TITLE_REQUIRED'));
    else if (title.length > LIMITS.title)
      errors.push(UserError.of('title', `Use at most ${LIMITS.title} characters for the title.`, 'TITLE_TOO_LONG'));
    value.title = title;
  }
  if (input.description != null) {
    const description = input.description.trim();
    if (description.length > LIMITS.description) {
      errors.push(UserError.of('description', `Use at most ${LIMITS.description} characters for the description.`, 'DESCRIPTION_TOO_LONG'));
    }
    value.description = description;
  }
  if (input.tags != null) {
    const tags = [...new Set(input.tags.map((t) => t.trim().toLowerCase().replace(/^#/, '')).filter(Boolean))];
    if (tags.length > LIMITS.tags) errors.push(UserError.of('tags', `Use at most ${LIMITS.tags} tags.`, 'TOO_MANY_TAGS'));
    const long = tags.find((t) => t.length > LIMITS.tag);
    if (long) errors.push(UserError.of('tags', `Tag "${long.slice(0, 20)}…" is longer than ${LIMITS.tag} characters.`, 'TAG_TOO_LONG'));
    value.tags = tags;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
