/**
 * Which words of a result matched the search, for highlighting: the text is cut into parts, each
 * marked or not, and the page renders the parts as text (React escapes them; no HTML is built from
 * a title or description). Words are compared as the api's index compares them: letters, digits and
 * combining marks make a word, everything else separates; case and diacritics do not count; the
 * query's last word (2 letters or more) matches as a prefix; a word the api corrected matches as the
 * index words it was matched as.
 */

/** Runs of letters, digits and combining marks: a word, as the api's `parseSearchQuery` cuts them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word as compared: compatibility-decomposed, without diacritics, lower-case. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's words, in order, without repeats (folded). */
export function queryWords(query: string): string[] {
  const words = (query.match(WORD) ?? []).map(foldWord).filter((w) => w.length > 0);
  return [...new Set(words)];
}

export interface MatchTerms {
  /** Words that match whole. */
  exact: Set<string>;
  /** A word that matches as the start of a word (the query's last word), or null. */
  prefix: string | null;
}

export interface Correction {
  /** The word as typed, as the api reports it (lower-case). */
  word: string;
  /** The index words it was matched as instead. */
  matchedAs: readonly string[];
}

/** The words to highlight for a query and the api's corrections of it. */
export function matchTerms(query: string, corrections: readonly Correction[] = []): MatchTerms {
  const words = queryWords(query);
  const last = words.at(-1);
  const exact = new Set(words);
  for (const c of corrections) for (const m of c.matchedAs) exact.add(foldWord(m));
  return { exact, prefix: last && [...last].length >= 2 ? last : null };
}

export interface TextPart {
  text: string;
  match: boolean;
}

function isMatch(word: string, terms: MatchTerms): boolean {
  const f = foldWord(word);
  return terms.exact.has(f) || (terms.prefix !== null && f.startsWith(terms.prefix));
}

/** The text as parts, matched words marked; joined, the parts are the text exactly. */
export function highlightParts(text: string, terms: MatchTerms): TextPart[] {
  const parts: TextPart[] = [];
  const push = (t: string, match: boolean) => {
    if (!t) return;
    const prev = parts.at(-1);
    if (prev && prev.match === match && !match) prev.text += t;
    else parts.push({ text: t, match });
  };
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    const i = m.index ?? at;
    push(text.slice(at, i), false);
    push(m[0], isMatch(m[0], terms));
    at = i + m[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

/** Whether any word of the text matches. */
export function hasMatch(text: string, terms: MatchTerms): boolean {
  for (const m of text.matchAll(WORD)) if (isMatch(m[0], terms)) return true;
  return false;
}

/** Moves an index off the second half of a surrogate pair (never cut a character in two). */
function charStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * A short piece of a description for a result: whitespace collapsed, at most `max` characters (plus
 * ellipses), around the first matched word when there is one (with a little context before it),
 * else its start. Cut at spaces where it can be.
 */
export function snippet(description: string, terms: MatchTerms, max = 180): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  let first = -1;
  for (const m of text.matchAll(WORD)) {
    if (isMatch(m[0], terms)) {
      first = m.index ?? 0;
      break;
    }
  }
  let start = 0;
  if (first > max / 3) {
    start = Math.min(first - Math.floor(max / 4), text.length - max);
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
    start = charStart(text, start);
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
    end = charStart(text, end);
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
