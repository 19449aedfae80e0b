import { DataSource } from 'typeorm';
import { sqlTime } from '@wetube/platform';
import { filterSql } from './search.sql-parts';
import { SearchDialect, SearchFilters, SearchHits, SearchOrder, SearchRequest, SearchScope, WordGroup } from './search.types';

/** The triggers the migration puts on videos and users (a TypeORM table re-creation on SQLite drops them). */
const TRIGGERS = [
  'search_video_ai',
  'search_video_au',
  'search_video_ad',
  'search_user_au',
  'search_fts_ai',
  'search_fts_ad',
  'search_fts_au',
];

/** A vocabulary older than this is reloaded when the index changed since (typo candidates only; hits are always live). */
const VOCAB_REFRESH_MS = 2_000;

interface Vocabulary {
  version: number;
  loadedAt: number;
  /** Sorted (JS order), with their document counts. */
  terms: string[];
  docs: Map<string, number>;
  /** Per length: the terms and their letter masks (see letterMask). */
  byLength: Map<number, { terms: string[]; masks: Uint32Array }>;
}

/**
 * The set of a word's letters as bits (a–z own bits, anything else shares five hashed ones). An
 * edit changes at most two bits of it (a substitution removes one letter and adds another; an
 * insertion or deletion one; a swap none), so two words within d edits differ in at most 2d bits:
 * a cheap test that skips most of the vocabulary before measuring the edit distance.
 */
export function letterMask(word: string): number {
  let m = 0;
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    m |= c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << (26 + (c % 5));
  }
  return m >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** One group as an FTS5 expression: "w" OR "w"* OR "variant" ... — only quoted strings, never user syntax. */
function groupExpr(g: WordGroup): string {
  const parts = [quote(g.word)];
  if (g.prefix) parts.push(`${quote(g.word)}*`);
  for (const v of g.variants) parts.push(quote(v));
  return `(${parts.join(' OR ')})`;
}

export function ftsMatch(groups: WordGroup[]): string {
  return groups.map(groupExpr).join(' AND ');
}

const FIELDS = '{title tags channel_name channel_handle}';

/** The MATCH text of a scope (FTS5 column filter; NOT is FTS5's binary "and not"). */
function scopeMatch(groups: WordGroup[], scope: SearchScope): string {
  const all = ftsMatch(groups);
  if (scope === 'fields') return `${FIELDS} : (${all})`;
  if (scope === 'rest') return `(${all}) NOT (${FIELDS} : (${all}))`;
  return all;
}

/**
 * SQLite: FTS5 (bm25 with column weights: title 10, tags 5, channel 4, description 1).
 *
 * Typo tolerance: FTS5 has no fuzzy match. Candidates come from the index's own vocabulary
 * (`search_vocab`, an fts5vocab table: every indexed term and its document count), held in memory
 * bucketed by length and reloaded when `search_state.version` moved (at most every 2 s); a word
 * that is not a term is compared with the terms of nearby length by bounded edit distance (the
 * caller's job) and the closest terms join the MATCH as alternatives. This is the classic
 * dictionary + edit-distance spelling correction (Norvig; what SymSpell speeds up), chosen over the
 * FTS5 `trigram` tokenizer because trigrams miss short words with a typo in the middle ("qurey"
 * shares no trigram with "query") and would double the index. Scanning the vocabulary is
 * O(terms of length ±2) bit tests, then the edit distance of the few
 * that pass the letter-set test (letterMask); bench:search measures it at 100,000 items.
 */
export class SqliteSearch implements SearchDialect {
  private vocab: Vocabulary | null = null;
  private loading: Promise<Vocabulary> | null = null;

  constructor(private readonly ds: DataSource) {}

  async verify(): Promise<void> {
    const rows: { name: string }[] = await this.ds.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'`);
    const have = new Set(rows.map((r) => r.name));
    const missing = TRIGGERS.filter((t) => !have.has(t));
    if (missing.length) {
      throw new Error(
        `search: the SQLite triggers ${missing.join(', ')} are missing, so the search index would go stale. A migration re-created a table ` +
          '(TypeORM does that to alter a table on SQLite): call installSqliteSearchTriggers(q) at the end of it (migrations/1733350000000-search.ts).',
      );
    }
  }

  async known(words: { word: string; prefix: boolean }[]): Promise<boolean[]> {
    const v = await this.vocabulary();
    return words.map(({ word, prefix }) => {
      const i = lowerBound(v.terms, word);
      const t = v.terms[i];
      return t !== undefined && (t === word || (prefix && t.startsWith(word)));
    });
  }

  async candidates(word: string, max: number): Promise<{ term: string; docs: number }[]> {
    const v = await this.vocabulary();
    const n = [...word].length;
    const mask = letterMask(word);
    const out: { term: string; docs: number }[] = [];
    for (let len = Math.max(1, n - max); len <= n + max; len++) {
      const bucket = v.byLength.get(len);
      if (!bucket) continue;
      for (let i = 0; i < bucket.terms.length; i++) {
        if (popcount((bucket.masks[i] ^ mask) >>> 0) <= 2 * max)
          out.push({ term: bucket.terms[i], docs: v.docs.get(bucket.terms[i]) ?? 0 });
      }
    }
    return out;
  }

  async search(req: SearchRequest): Promise<SearchHits> {
    const views = req.order === SearchOrder.VIEWS;
    const { params, from } = this.from(scopeMatch(req.groups, req.scope), req.filters, views);
    const order = views
      ? 'v.view_count DESC, d.created_at DESC, d.video_id DESC'
      : req.order === SearchOrder.DATE
        ? 'd.created_at DESC, d.video_id DESC'
        : 'search_fts.rank, d.doc_id';
    const rows: { id: string; total: number }[] = await this.ds.query(
      `SELECT d.video_id AS id, count(*) OVER () AS total ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, req.limit, req.offset],
    );
    if (rows.length === 0 && req.offset > 0) {
      const [c] = await this.ds.query(`SELECT count(*) AS total ${from}`, params);
      return { ids: [], total: Number(c.total) };
    }
    return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
  }

  async count(groups: WordGroup[], filters: SearchFilters, cap: number): Promise<number> {
    const { params, from } = this.from(ftsMatch(groups), filters);
    const [c] = await this.ds.query(`SELECT count(*) AS total FROM (SELECT 1 ${from} LIMIT ?)`, [...params, cap]);
    return Number(c.total);
  }

  /** `views`: also join each match's `videos` row, for its live view count (sorting by views only; the index holds no counts). */
  private from(match: string, filters: SearchFilters, views = false): { params: unknown[]; from: string } {
    const params: unknown[] = [match];
    const where = [
      'search_fts MATCH ?',
      ...filterSql(
        filters,
        (x) => (params.push(x), '?'),
        (d) => sqlTime(false, d),
      ),
    ];
    const join = views ? ' JOIN videos v ON v.id = d.video_id' : '';
    return { params, from: `FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid${join} WHERE ${where.join(' AND ')}` };
  }

  async suggestTitles(groups: WordGroup[], limit: number): Promise<string[]> {
    const rows: { title: string }[] = await this.ds.query(
      `SELECT d.title AS title FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
       WHERE search_fts MATCH ? ORDER BY search_fts.rank LIMIT ?`,
      [`title : (${ftsMatch(groups)})`, limit * 3],
    );
    return rows.map((r) => r.title);
  }

  private async vocabulary(): Promise<Vocabulary> {
    const [{ version }] = await this.ds.query('SELECT version FROM search_state WHERE id = 1');
    const v = this.vocab;
    if (v && (v.version === version || Date.now() - v.loadedAt < VOCAB_REFRESH_MS)) return v;
    this.loading ??= this.load(Number(version)).finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(version: number): Promise<Vocabulary> {
    const rows: { term: string; doc: number }[] = await this.ds.query('SELECT term, doc FROM search_vocab');
    const docs = new Map<string, number>();
    const lists = new Map<number, string[]>();
    for (const r of rows) {
      docs.set(r.term, Number(r.doc));
      const n = [...r.term].length;
      let bucket = lists.get(n);
      if (!bucket) lists.set(n, (bucket = []));
      bucket.push(r.term);
    }
    const byLength = new Map([...lists].map(([n, terms]) => [n, { terms, masks: Uint32Array.from(terms, letterMask) }]));
    const terms = [...docs.keys()].sort();
    this.vocab = { version, loadedAt: Date.now(), terms, docs, byLength };
    return this.vocab;
  }
}

function lowerBound(sorted: string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
