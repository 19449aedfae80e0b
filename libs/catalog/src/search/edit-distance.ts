/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, each costing 1: the
 * usual model of a typo — a letter missing, extra, wrong or two swapped), giving up past `max`.
 * Returns max + 1 when the distance is larger than max. Works on code points.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const x: number[] = [];
  const y: number[] = [];
  for (const c of a) x.push(c.codePointAt(0)!);
  for (const c of b) y.push(c.codePointAt(0)!);
  const m = x.length;
  const n = y.length;
  if (Math.abs(m - n) > max) return max + 1;
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
  }
  return Math.min(prev[n], max + 1);
}

/** Typos allowed in a word of this length: none under 4 letters, one up to 7, two from 8. */
export function typoBudget(word: string): number {
  const n = [...word].length;
  return n < 4 ? 0 : n < 8 ? 1 : 2;
}
