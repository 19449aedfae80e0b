/**
 * A fixed, generated corpus for search quality tests and the bench: seeded, so every run builds the
 * same items. Each item has a title of three words drawn from a large made-up vocabulary (so the
 * answer to a query is known: the item whose title has those words), tags, a channel and a
 * description of common filler words.
 */

/** Mulberry32: a small seeded PRNG (same sequence on every machine). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gl',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'qu',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const CODAS = ['', 'n', 'r', 'l', 's', 'm', 'x', 'nd', 'rk', 'st'];

/** `count` distinct made-up words of 2–3 syllables (5 letters or more). */
export function words(count: number, seed: number): string[] {
  const r = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out = new Set<string>();
  while (out.size < count) {
    const syl = 2 + Math.floor(r() * 2);
    let w = '';
    for (let i = 0; i < syl; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syl - 1 ? pick(CODAS) : '');
    if (w.length >= 5 && w.length <= 12) out.add(w);
  }
  return [...out];
}

export const FILLER =
  'the a of and to in video music live show how best new full guide review official part episode tutorial game travel cooking news'.split(
    ' ',
  );

export interface CorpusItem {
  title: string;
  tags: string[];
  description: string;
  channel: number;
  /** The title's distinctive words. */
  key: string[];
}

/** `n` items; title words are unique to their item among the first `n * 3` vocabulary words. */
export function corpus(n: number, seed = 13): CorpusItem[] {
  const vocab = words(n * 3 + 200, seed);
  const extra = vocab.slice(n * 3);
  const r = prng(seed + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const key = vocab.slice(i * 3, i * 3 + 3);
    const title = `${key[0]} ${pick(FILLER)} ${key[1]} ${key[2]}`;
    const tags = [pick(extra), pick(FILLER), pick(extra)];
    const description = Array.from({ length: 12 }, () => (r() < 0.25 ? pick(extra) : pick(FILLER))).join(' ');
    return { title, tags, description, channel: Math.floor(r() * 50), key };
  });
}

/** One typo: deletes, swaps, replaces or inserts a letter away from the first, deterministic per word. */
export function typo(word: string, kind: number): string {
  const i = 1 + (kind % (word.length - 2));
  switch (kind % 4) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1); // letter missing
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // two swapped
    case 2:
      return word.slice(0, i) + (word[i] === 'y' ? 'k' : 'y') + word.slice(i + 1); // wrong letter
    default:
      return word.slice(0, i) + 'k' + word.slice(i); // extra letter
  }
}
