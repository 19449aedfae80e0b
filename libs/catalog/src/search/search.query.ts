/**
 * The user's search text → words. User text never reaches an FTS MATCH or a tsquery as written:
 * it is cut into words here (letters, digits and combining marks; everything else — quotes,
 * `NEAR(`, `*`, `-`, `:`, control characters, emoji — separates words), lower-cased, and each
 * dialect quotes the words it is given. FTS operators typed as words (`OR`, `NEAR`, `AND`) are
 * just words.
 */

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 10;
export const MAX_WORD_CHARS = 40;

export type ParsedQuery = { ok: true; words: string[] } | { ok: false; message: string };

export function parseSearchQuery(text: string, what = 'query'): ParsedQuery {
  if (typeof text !== 'string') return { ok: false, message: `The ${what} must be text.` };
  if (text.length > MAX_QUERY_CHARS)
    return { ok: false, message: `The ${what} is ${text.length} characters long; at most ${MAX_QUERY_CHARS} are searched.` };
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map((w) => w.replace(/^\p{M}+/u, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) {
    return {
      ok: false,
      message:
        text.trim() === '' ? `The ${what} is empty: type a word to search for.` : `The ${what} has no letters or digits to search for.`,
    };
  }
  if (words.length > MAX_QUERY_WORDS)
    return { ok: false, message: `The ${what} has ${words.length} words; at most ${MAX_QUERY_WORDS} are searched.` };
  const long = words.find((w) => w.length > MAX_WORD_CHARS);
  if (long) return { ok: false, message: `The word "${long.slice(0, 20)}…" in the ${what} is longer than ${MAX_WORD_CHARS} characters.` };
  return { ok: true, words: [...new Set(words)] };
}
