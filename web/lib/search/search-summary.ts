/**
 * The words around a search's results: how many there are, which typed words were corrected ("did
 * you mean"), and what went wrong when the api refused or failed.
 */
import type { Correction, TextPart } from './highlight';

/** The api counts up to this many and says so (its pages stop at 1,000 results). */
export const COUNT_CAP = 1001;

/** "No results", "1 result", "About 12 results", "1,000+ results". */
export function resultCountText(total: number): string {
  if (total <= 0) return 'No results';
  if (total === 1) return '1 result';
  if (total >= COUNT_CAP) return '1,000+ results';
  return `About ${total.toLocaleString('en-US')} results`;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The query with every corrected word replaced by the index word it was matched as first, as parts
 * (the replaced words marked), or null when nothing was corrected. The rest of the text stays as
 * typed. Words are compared as the api reports them (NFKC, lower-case).
 */
export function correctedQuery(query: string, corrections: readonly Correction[]): { text: string; parts: TextPart[] } | null {
  const fix = new Map(corrections.filter((c) => c.matchedAs.length > 0).map((c) => [c.word, c.matchedAs[0]]));
  if (fix.size === 0) return null;
  const parts: TextPart[] = [];
  let at = 0;
  let changed = false;
  for (const m of query.matchAll(WORD)) {
    const i = m.index ?? at;
    const to = fix.get(m[0].normalize('NFKC').toLowerCase());
    if (to === undefined) continue;
    if (i > at) parts.push({ text: query.slice(at, i), match: false });
    parts.push({ text: to, match: true });
    at = i + m[0].length;
    changed = true;
  }
  if (!changed) return null;
  if (at < query.length) parts.push({ text: query.slice(at), match: false });
  const text = parts
    .map((p) => p.text)
    .join('')
    .trim();
  return { text, parts: trimParts(parts) };
}

function trimParts(parts: TextPart[]): TextPart[] {
  const out = parts.map((p) => ({ ...p }));
  if (out.length && !out[0].match) out[0].text = out[0].text.trimStart();
  const last = out.at(-1);
  if (last && !last.match) last.text = last.text.trimEnd();
  return out.filter((p) => p.text.length > 0);
}

export type ProblemKind = 'input' | 'rate-limited' | 'network' | 'server';

export interface SearchProblem {
  kind: ProblemKind;
  title: string;
  /** The api's own words where it gave some (they name the problem). */
  detail: string;
  /** Whether trying the same search again can help. */
  retry: boolean;
}

/** What to tell the person when a search failed, from the api error's code and message. */
export function searchProblem(code: string, message: string): SearchProblem {
  switch (code) {
    case 'BAD_USER_INPUT':
      return { kind: 'input', title: 'That search cannot be run', detail: message, retry: false };
    case 'RATE_LIMITED':
      return { kind: 'rate-limited', title: 'Too many searches at once', detail: message, retry: true };
    case 'NETWORK':
      return { kind: 'network', title: 'Cannot reach WeTube', detail: message, retry: true };
    default:
      return { kind: 'server', title: 'Search failed', detail: message || 'Something went wrong on our side.', retry: true };
  }
}
