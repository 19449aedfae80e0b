/**
 * Channel handle rules (`@name`): 3 to 30 characters of a-z 0-9 . _ -, starting and ending with a
 * letter or digit, case-insensitive (kept lowercase), not one of the reserved words (paths of the
 * site, staff-sounding names).
 */
export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  'admin',
  'administrator',
  'api',
  'watch',
  'studio',
  'upload',
  'search',
  'subscriptions',
  'wallet',
  'advertiser',
  'advertise',
  'signin',
  'sign-in',
  'register',
  'login',
  'logout',
  'settings',
  'channel',
  'channels',
  'wetube',
  'support',
  'help',
  'about',
  'home',
  'feed',
  'trending',
  'library',
  'history',
  'playlist',
  'playlists',
  'account',
  'official',
  'moderator',
  'staff',
  'system',
  'root',
  'null',
  'undefined',
  'graphql',
  'hls',
  'static',
]);

export type HandleCheck = { ok: true; handle: string } | { ok: false; message: string; code: 'HANDLE_INVALID' | 'HANDLE_RESERVED' };

/** The handle a person typed (an optional leading @, any case) in its stored form, or what is wrong with it. */
export function checkHandle(input: string): HandleCheck {
  const handle = (input ?? '').trim().replace(/^@/, '').toLowerCase();
  if (handle.length < HANDLE_MIN || handle.length > HANDLE_MAX) {
    return { ok: false, message: `A handle has ${HANDLE_MIN} to ${HANDLE_MAX} characters.`, code: 'HANDLE_INVALID' };
  }
  if (!/^[a-z0-9._-]+$/.test(handle)) {
    return { ok: false, message: 'A handle uses only letters a-z, digits, dots, underscores and hyphens.', code: 'HANDLE_INVALID' };
  }
  if (!/^[a-z0-9]/.test(handle) || !/[a-z0-9]$/.test(handle)) {
    return { ok: false, message: 'A handle starts and ends with a letter or a digit.', code: 'HANDLE_INVALID' };
  }
  if (RESERVED_HANDLES.has(handle))
    return { ok: false, message: `"@${handle}" is reserved; choose another handle.`, code: 'HANDLE_RESERVED' };
  return { ok: true, handle };
}

/** A valid handle made from a display name (letters folded to a-z), without the uniqueness suffix. */
export function handleBase(displayName: string): string {
  let base = (displayName ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, HANDLE_MAX - 6)
    .replace(/[._-]+$/, '');
  if (base.length < HANDLE_MIN) base = `user${base}`;
  if (RESERVED_HANDLES.has(base)) base = `${base}-channel`;
  return base;
}
