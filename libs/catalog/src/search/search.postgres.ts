import { DataSource } from 'typeorm';
import { filterSql } from './search.sql-parts';
import { SearchDialect, SearchFilters, SearchHits, SearchOrder, SearchRequest, WordGroup } from './search.types';

/** Above every character in "C" collation: `term >= w AND term < w || TOP` is "starts with w" on the btree. */
const TOP = '\u{10FFFF}';

const TRIGRAM_THRESHOLD = 0.2;

/** A tsquery lexeme: quoted, so nothing the user typed is read as tsquery syntax. */
const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The groups as tsquery text: ('w' | 'w':* | 'variant') & ... ; `weight` 'A' restricts to titles. */
export function tsQueryText(groups: WordGroup[], weight = ''): string {
  return groups
    .map((g) => {
      const parts = [`${lexeme(g.word)}${weight ? `:${weight}` : ''}`];
      if (g.prefix) parts.push(`${lexeme(g.word)}:*${weight}`);
      for (const v of g.variants) parts.push(`${lexeme(v)}${weight ? `:${weight}` : ''}`);
      return `(${parts.join(' | ')})`;
    })
    .join(' & ');
}

/**
 * PostgreSQL: the weighted `document` tsvector (GIN) and ts_rank (title A=1.0, tags and channel
 * B=0.4, description D=0.1); `fields`, the title, tag and channel words alone (GIN), finds the
 * first relevance tier exactly in the index (migration 1733480000000). Typo candidates: `search_terms` (every lexeme with its document count,
 * kept by a trigger) of pg_trgm similarity 0.2 or more, through its GIN trigram index; without
 * pg_trgm, the terms of the same first letter and a similar length (btree range), which misses a
 * typo in the first letter.
 */
export class PostgresSearch implements SearchDialect {
  private trigrams: boolean | null = null;

  constructor(private readonly ds: DataSource) {}

  async verify(): Promise<void> {
    const rows: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM pg_trigger WHERE tgname IN ('search_video_ins', 'search_video_upd', 'search_video_del', 'search_user_upd', 'search_terms_count')`,
    );
    if (Number(rows[0].n) !== 5)
      throw new Error('search: the PostgreSQL search triggers are missing; run the migrations (1733350000000-search)');
    const fields = await this.ds.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'search_documents' AND column_name = 'fields'`,
    );
    if (fields.length === 0)
      throw new Error('search: search_documents.fields is missing; run the migrations (1733480000000-search-fields)');
    await this.hasTrigrams();
  }

  async known(words: { word: string; prefix: boolean }[]): Promise<boolean[]> {
    return Promise.all(
      words.map(async ({ word, prefix }) => {
        const rows = prefix
          ? await this.ds.query('SELECT 1 FROM search_terms WHERE term >= $1 AND term < $2 AND docs > 0 LIMIT 1', [word, word + TOP])
          : await this.ds.query('SELECT 1 FROM search_terms WHERE term = $1 AND docs > 0', [word]);
        return rows.length > 0;
      }),
    );
  }

  async candidates(word: string, max: number): Promise<{ term: string; docs: number }[]> {
    const n = [...word].length;
    const rows: { term: string; docs: number }[] = (await this.hasTrigrams())
      ? await this.ds.transaction(async (m) => {
          // 0.2, not pg_trgm's default 0.3: a swap in a 5-letter word ("qurey") keeps 2 of its 6 trigrams.
          await m.query(`SET LOCAL pg_trgm.similarity_threshold = ${TRIGRAM_THRESHOLD}`);
          return m.query('SELECT term, docs FROM search_terms WHERE term % $1 AND docs > 0 ORDER BY similarity(term, $1) DESC LIMIT 50', [
            word,
          ]);
        })
      : await this.ds.query(
          'SELECT term, docs FROM search_terms WHERE term >= $1 AND term < $2 AND docs > 0 AND char_length(term) BETWEEN $3 AND $4 LIMIT 5000',
          [[...word][0], [...word][0] + TOP, n - max, n + max],
        );
    return rows.map((r) => ({ term: r.term, docs: Number(r.docs) }));
  }

  async search(req: SearchRequest): Promise<SearchHits> {
    // 'fields': the words in the title, tags or channel (the `fields` tsvector, exact in its GIN
    // index); 'rest': in the description only. Both rank on the whole `document`, as 'all' does.
    const match =
      req.scope === 'fields'
        ? "d.fields @@ to_tsquery('simple', $1)"
        : req.scope === 'rest'
          ? "d.document @@ to_tsquery('simple', $1) AND NOT d.fields @@ to_tsquery('simple', $1)"
          : "d.document @@ to_tsquery('simple', $1)";
    const views = req.order === SearchOrder.VIEWS;
    const { params, from } = this.from(match, [tsQueryText(req.groups)], req.filters, views);
    const page = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    // Relevance: the matches' ids and ranks are set apart first (MATERIALIZED), so counting them
    // (the window) holds two narrow columns and not every matching row's tsvector, which spilled
    // to disk for a broad word.
    const sql =
      req.order === SearchOrder.RELEVANCE
        ? `WITH m AS MATERIALIZED (SELECT d.video_id AS id, ts_rank(d.document, to_tsquery('simple', $1)) AS r ${from})
           SELECT id, count(*) OVER () AS total FROM m ORDER BY r DESC, id ${page}`
        : `SELECT d.video_id AS id, count(*) OVER () AS total ${from} ORDER BY ${
            views ? 'v.view_count DESC, d.created_at DESC, d.video_id DESC' : 'd.created_at DESC, d.video_id DESC'
          } ${page}`;
    const rows: { id: string; total: string }[] = await this.ds.query(sql, [...params, req.limit, req.offset]);
    if (rows.length === 0 && req.offset > 0) {
      const [c] = await this.ds.query(`SELECT count(*) AS total ${from}`, params);
      return { ids: [], total: Number(c.total) };
    }
    return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
  }

  async count(groups: WordGroup[], filters: SearchFilters, cap: number): Promise<number> {
    const { params, from } = this.from("d.document @@ to_tsquery('simple', $1)", [tsQueryText(groups)], filters);
    const [c] = await this.ds.query(`SELECT count(*) AS total FROM (SELECT 1 ${from} LIMIT $${params.length + 1}) AS capped`, [
      ...params,
      cap,
    ]);
    return Number(c.total);
  }

  /** `views`: also join each match's `videos` row, for its live view count (sorting by views only; the index holds no counts). */
  private from(match: string, first: unknown[], filters: SearchFilters, views = false): { params: unknown[]; from: string } {
    const params = [...first];
    const where = [
      match,
      ...filterSql(
        filters,
        (x) => (params.push(x), `$${params.length}`),
        (d) => d,
      ),
    ];
    const join = views ? ' JOIN videos v ON v.id = d.video_id' : '';
    return { params, from: `FROM search_documents d${join} WHERE ${where.join(' AND ')}` };
  }

  async suggestTitles(groups: WordGroup[], limit: number): Promise<string[]> {
    const rows: { title: string }[] = await this.ds.query(
      `SELECT d.title FROM search_documents d
       WHERE d.document @@ to_tsquery('simple', $1)
       ORDER BY ts_rank(d.document, to_tsquery('simple', $1)) DESC, d.video_id LIMIT $2`,
      [tsQueryText(groups, 'A'), limit * 3],
    );
    return rows.map((r) => r.title);
  }

  private async hasTrigrams(): Promise<boolean> {
    if (this.trigrams == null) {
      const rows = await this.ds.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'idx_search_terms_trgm'`);
      this.trigrams = rows.length > 0;
    }
    return this.trigrams;
  }
}
