import { UserError } from '@wetube/platform';
import type { PlaylistVisibility } from './playlists.repository';

export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 5000;
/** Items one playlist may hold. */
export const ITEMS_MAX = 5000;
/** Playlists of their own one account may have (Watch later not counted). */
export const PLAYLISTS_MAX = 200;
export const WATCH_LATER_TITLE = 'Watch later';

const VISIBILITIES: readonly PlaylistVisibility[] = ['PUBLIC', 'UNLISTED', 'PRIVATE'];

export interface PlaylistDetails {
  title?: string | null;
  description?: string | null;
  visibility?: string | null;
}

export type Clean<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

/** Checks and trims a playlist's details; `creating`: the title is required. Control characters are refused. */
export function cleanDetails(
  d: PlaylistDetails,
  creating: boolean,
): Clean<{ title?: string; description?: string; visibility?: PlaylistVisibility }> {
  const errors: UserError[] = [];
  const value: { title?: string; description?: string; visibility?: PlaylistVisibility } = {};
  if (d.title != null || creating) {
    const title = (d.title ?? '').trim().replace(/\s+/g, ' ');
    if (title.length === 0) errors.push(UserError.of('title', 'Give the playlist a title.', 'TITLE_REQUIRED'));
    else if ([...title].length > TITLE_MAX)
      errors.push(UserError.of('title', `The title is too long (at most ${TITLE_MAX} characters).`, 'TITLE_TOO_LONG'));
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(title)) errors.push(UserError.of('title', 'The title has control characters.', 'TITLE_INVALID'));
    else value.title = title;
  }
  if (d.description != null) {
    const description = d.description.trim();
    if ([...description].length > DESCRIPTION_MAX) {
      errors.push(
        UserError.of('description', `The description is too long (at most ${DESCRIPTION_MAX} characters).`, 'DESCRIPTION_TOO_LONG'),
      );
    } else value.description = description;
  }
  if (d.visibility != null) {
    if (!VISIBILITIES.includes(d.visibility as PlaylistVisibility)) {
      errors.push(UserError.of('visibility', `Visibility must be one of ${VISIBILITIES.join(', ')}.`, 'VISIBILITY_INVALID'));
    } else value.visibility = d.visibility as PlaylistVisibility;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
