import { createHash } from 'node:crypto';

/**
 * Search cursors: the offset into one query's ranked results, bound to that query (words, filters,
 * order) by a hash so a cursor from another search is refused rather than misread. Offsets, not
 * keysets: a relevance score is no stable key, and deep pages are capped (MAX_SEARCH_WINDOW).
 */
export function searchKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

export function encodeSearchCursor(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: key })).toString('base64url');
}

/** The offset after which to continue, or null when the cursor is not one of this search's. */
export function decodeSearchCursor(text: string, key: string): number | null {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return c && c.k === key && Number.isInteger(c.o) && c.o >= 0 ? c.o : null;
  } catch {
    return null;
  }
}
