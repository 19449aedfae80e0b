/**
 * Search benchmark (issue 13): queries per second and p99 latency of SearchService.search (what
 * the GraphQL `search` query runs: input parsing, typo corrections, the ranked FTS query with its
 * count, loading the page's videos) at 100,000 listed items, on SQLite (FTS5) and on PostgreSQL
 * (tsvector + pg_trgm, when DATABASE_URL is set), against a plain scan of the same rows in the same
 * run: `SELECT id FROM videos WHERE status/visibility listed AND (title LIKE '%w%' OR description
 * LIKE '%w%' OR tags LIKE '%w%')` for each word, newest first, LIMIT 21 (no ranking, no typo
 * tolerance, ids only: it does less than search does).
 *
 * Corpus: search.corpus.ts (fixed seed): titles of three made-up words and a common word, 3 tags,
 * a 12-word description of common and made-up words, 50 channels. Query mix, one client, queries
 * in the same order on both sides, sides alternating in slices of 25:
 *   exact     one title word                     typo    one title word with one typo
 *   two       two title words                    common  one common word ("guide": ~1/3 of items)
 *   prefix    a title word and 3 letters of the next
 * Goal: p99 under 50 ms at 100,000 items. Figures are withheld when the machine was saturated
 * (support/machine-load.ts) unless --show-saturated is given (then marked as such).
 * Run: [DATABASE_URL=postgres://…] node dist/bench/search.bench.js [--items 100000] [--queries 1000]
 *      [--baseline-queries 150] [--db sqlite,postgres] [--show-saturated]
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { corpus, FILLER, prng, typo, words } from '../libs/catalog/src/search/search.corpus';
import { searchTestDb, type DbKind, type SearchTestDb } from '../libs/catalog/src/search/search.test-db';
import { busyShare, cpuTimes, loadAvg1, sampleRunQueue, saturation } from './support/machine-load';
import { arg } from './support/cli';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const KINDS = ['exact', 'two', 'prefix', 'typo', 'common'] as const;
type Kind = (typeof KINDS)[number];

interface Query {
  kind: Kind;
  text: string;
  /** The baseline's words (a typo is searched as typed). */
  words: string[];
}

function queries(items: ReturnType<typeof corpus>, count: number): Query[] {
  const r = prng(7);
  return Array.from({ length: count }, (_, i) => {
    const it = items[Math.floor(r() * items.length)];
    const kind = KINDS[i % KINDS.length];
    const text =
      kind === 'exact'
        ? it.key[1]
        : kind === 'two'
          ? `${it.key[0]} ${it.key[2]}`
          : kind === 'prefix'
            ? `${it.key[0]} ${it.key[2].slice(0, 3)}`
            : kind === 'typo'
              ? typo(it.key[1], i)
              : FILLER[5 + (i % 18)];
    return { kind, text, words: text.split(' ') };
  });
}

async function seed(t: SearchTestDb, db: DbKind, n: number): Promise<number> {
  const t0 = now();
  const channels = await Promise.all(words(50, 99).map((w) => t.user(`${w} channel`)));
  const items = corpus(n);
  const cols = [
    'id',
    'owner_id',
    'title',
    'description',
    'tags',
    'visibility',
    'status',
    'progress',
    'duration_ms',
    'width',
    'height',
    'renditions',
    'attempts',
    'created_at',
    'updated_at',
    'ready_at',
  ];
  const BATCH = 200;
  const start = Date.now() - 2 * 365 * 86_400_000;
  const r = prng(3);
  // PostgreSQL: the per-row term counting (search_terms) is set aside while loading and rebuilt in one
  // statement after (same end state; a real upload pays it per row: see the seeding rate printed).
  if (db === 'postgres') await t.ds.query('ALTER TABLE search_documents DISABLE TRIGGER search_terms_count');
  const q = t.ds.createQueryRunner();
  await q.startTransaction();
  try {
    for (let i = 0; i < items.length; i += BATCH) {
      const params: unknown[] = [];
      const rows: string[] = [];
      for (const it of items.slice(i, i + BATCH)) {
        const created = new Date(start + Math.floor(r() * 2 * 365 * 86_400_000));
        const at = db === 'postgres' ? created : created.toISOString().replace('T', ' ').replace('Z', '');
        const values = [
          randomUUID(),
          channels[it.channel],
          it.title,
          it.description,
          JSON.stringify(it.tags),
          'PUBLIC',
          'READY',
          100,
          Math.floor(r() * 3_600_000),
          1280,
          720,
          '[]',
          1,
          at,
          at,
          at,
        ];
        rows.push(`(${values.map((v) => (params.push(v), db === 'postgres' ? `$${params.length}` : '?')).join(', ')})`);
      }
      await q.query(`INSERT INTO videos (${cols.join(', ')}) VALUES ${rows.join(', ')}`, params);
      if ((i / BATCH) % 50 === 0) process.stdout.write(`\r  seeding ${db}: ${i} / ${n}`);
    }
    await q.commitTransaction();
  } catch (e) {
    await q.rollbackTransaction();
    throw e;
  } finally {
    await q.release();
  }
  if (db === 'postgres') {
    await t.ds
      .query(`INSERT INTO search_terms (term, docs) SELECT w, count(*) FROM search_documents, unnest(tsvector_to_array(document)) AS w GROUP BY w
      ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + EXCLUDED.docs`);
    await t.ds.query('ALTER TABLE search_documents ENABLE TRIGGER search_terms_count');
    await t.ds.query('VACUUM ANALYZE');
  } else await t.ds.query('ANALYZE');
  process.stdout.write(`\r  seeding ${db}: ${n} / ${n} in ${((now() - t0) / 1000).toFixed(0)} s\n`);
  return now() - t0;
}

function baselineSql(db: DbKind, words: string[]): { sql: string; params: string[] } {
  const params: string[] = [];
  const p = (v: string) => (params.push(v), db === 'postgres' ? `$${params.length}` : '?');
  const conds = words.map((w) => {
    const like = `%${w}%`;
    return `(title LIKE ${p(like)} OR description LIKE ${p(like)} OR tags LIKE ${p(like)})`;
  });
  return {
    sql: `SELECT id FROM videos WHERE status = 'READY' AND visibility = 'PUBLIC' AND ${conds.join(' AND ')} ORDER BY created_at DESC LIMIT 21`,
    params,
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

interface SideResult {
  ms: number[];
  byKind: Map<Kind, number[]>;
  hits: number;
}

async function main(): Promise<void> {
  const n = Number(arg('items', '100000'));
  const count = Number(arg('queries', '1000'));
  const baseCount = Number(arg('baseline-queries', '150'));
  const show = process.argv.includes('--show-saturated');
  const dbs = arg('db', process.env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite').split(',') as DbKind[];
  console.log(
    `search bench: ${n} items, ${count} search queries, ${baseCount} LIKE-scan queries per database; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadAvg1().toFixed(1)}`,
  );
  const items = corpus(n);
  const qs = queries(items, count);
  for (const db of dbs) {
    if (db === 'postgres' && !process.env.DATABASE_URL) {
      console.log('postgres: DATABASE_URL is not set, skipped');
      continue;
    }
    const t = await searchTestDb(db);
    try {
      await seed(t, db, n);
      // Warm-up (vocabulary, caches) on both sides.
      for (const q of qs.slice(0, 20)) await t.service.search({ query: q.text });
      for (const q of qs.slice(0, 3)) await t.ds.query(baselineSql(db, q.words).sql, baselineSql(db, q.words).params);
      const ours: SideResult = { ms: [], byKind: new Map(), hits: 0 };
      const base: SideResult = { ms: [], byKind: new Map(), hits: 0 };
      let oursWall = 0;
      let baseWall = 0;
      const cpu0 = cpuTimes();
      const runQueue = sampleRunQueue();
      const loadBefore = loadAvg1();
      const SLICE = 25;
      for (let s = 0, b = 0; s < qs.length || b < baseCount;) {
        const slice = qs.slice(s, s + SLICE);
        const t0 = now();
        for (const q of slice) {
          const a = now();
          const page = await t.service.search({ query: q.text, first: 20 });
          const d = now() - a;
          ours.ms.push(d);
          ours.byKind.set(q.kind, [...(ours.byKind.get(q.kind) ?? []), d]);
          if (page.edges.length) ours.hits++;
        }
        oursWall += now() - t0;
        s += slice.length;
        const bslice = qs.slice(b, Math.min(b + Math.ceil(SLICE / 5), baseCount));
        const t1 = now();
        for (const q of bslice) {
          const { sql, params } = baselineSql(db, q.words);
          const a = now();
          const rows = await t.ds.query(sql, params);
          const d = now() - a;
          base.ms.push(d);
          base.byKind.set(q.kind, [...(base.byKind.get(q.kind) ?? []), d]);
          if (rows.length) base.hits++;
        }
        baseWall += now() - t1;
        b += bslice.length;
        await new Promise((r) => setImmediate(r)); // better-sqlite3 blocks: let the load sampler tick
        if (slice.length === 0 && bslice.length === 0) break;
      }
      const cpuBusy = busyShare(cpu0, cpuTimes());
      const runnable = runQueue.stop();
      const sat = saturation(cpuBusy, runnable);
      console.log(
        `\n${db}: ${n} items; machine over the run: CPU busy ${(cpuBusy * 100).toFixed(0)} %, runnable ${runnable.toFixed(1)}, load ${loadBefore.toFixed(1)} → ${loadAvg1().toFixed(1)}`,
      );
      if (sat && !show) {
        console.log(`  MACHINE SATURATED (${sat}): figures withheld (--show-saturated prints them, marked)`);
        continue;
      }
      if (sat) console.log(`  MACHINE SATURATED (${sat}): the figures below say more about the machine than the code`);
      const line = (name: string, r: SideResult, wall: number) =>
        `  ${name.padEnd(22)} ${String(r.ms.length).padStart(5)} queries  ${(r.ms.length / (wall / 1000)).toFixed(1).padStart(8)} q/s  p50 ${pct(r.ms, 50).toFixed(1).padStart(7)} ms  p99 ${pct(r.ms, 99).toFixed(1).padStart(7)} ms  with hits ${((r.hits / r.ms.length) * 100).toFixed(0)} %`;
      console.log(line('search (FTS)', ours, oursWall));
      console.log(line("LIKE '%word%' scan", base, baseWall));
      console.log(`  per kind (search p50 / p99 ms | LIKE p50 / p99 ms):`);
      for (const k of KINDS) {
        const o = ours.byKind.get(k) ?? [];
        const l = base.byKind.get(k) ?? [];
        console.log(
          `    ${k.padEnd(7)} ${pct(o, 50).toFixed(1).padStart(7)} / ${pct(o, 99).toFixed(1).padStart(7)} | ${pct(l, 50).toFixed(1).padStart(7)} / ${pct(l, 99).toFixed(1).padStart(7)}`,
        );
      }
      const qpsRatio = ours.ms.length / (oursWall / 1000) / (base.ms.length / (baseWall / 1000));
      console.log(
        `  ratio search / LIKE: ${qpsRatio.toFixed(2)}x the queries per second; p99 LIKE / search ${(pct(base.ms, 99) / pct(ours.ms, 99)).toFixed(2)}; goal p99 < 50 ms: ${pct(ours.ms, 99) < 50 ? 'met' : 'NOT met'}${sat ? ' (saturated machine)' : ''}`,
      );
    } finally {
      await t.close();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
