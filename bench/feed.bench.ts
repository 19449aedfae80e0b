/**
 * Subscription feed benchmark (issue 13): p50/p99 latency of one feed page (SubscriptionsService.feed,
 * what GraphQL `subscriptionFeed` runs: the per-channel keyset query over idx_videos_channel_feed,
 * then loading the page's videos) for viewers following 500 channels, at 100,000 videos, on SQLite
 * and (with DATABASE_URL) PostgreSQL, against a named baseline in the same run:
 *
 *   baseline "naive IN + sort": SELECT id FROM videos WHERE owner_id IN (SELECT channel_id FROM
 *   channel_subscriptions WHERE subscriber_id = ?) AND status/visibility listed [AND keyset]
 *   ORDER BY created_at DESC, id DESC LIMIT 21, with only the indexes the schema had before
 *   channels (idx_videos_owner (owner_id, created_at), idx_videos_listing): on SQLite forced with
 *   INDEXED BY idx_videos_owner; on PostgreSQL run inside a transaction that drops
 *   idx_videos_channel_feed first and rolls back after. Ids only: it does less than the feed does.
 *
 * Data (fixed seed): 5,000 channels, 100,000 videos over two years, channel activity skewed (a
 * quarter of the channels upload 70 % of the videos), 6 % private or unlisted, 2 % not ready;
 * 20 viewers each following 500 random channels. Requests: first pages and pages 2-5 (by the
 * previous page's cursor), one client, both sides alternating in slices of 20.
 * Run: [DATABASE_URL=postgres://…] node dist/bench/feed.bench.js [--videos 100000] [--channels 5000]
 *      [--follows 500] [--requests 1000] [--db sqlite,postgres] [--show-saturated]
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import type { Cursor } from '@wetube/platform';
import { channelsTestDb, type ChannelsTestDb, type DbKind } from '../libs/channels/src/channels.test-db';
import { prng } from '../libs/catalog/src/search/search.corpus';
import { busyShare, cpuTimes, loadAvg1, sampleRunQueue, saturation } from './support/machine-load';
import { arg } from './support/cli';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const VIEWERS = 20;
const PAGE = 20;

async function seed(t: ChannelsTestDb, db: DbKind, nVideos: number, nChannels: number, follows: number): Promise<string[]> {
  const t0 = now();
  const pg = db === 'postgres';
  const r = prng(11);
  const q = t.ds.createQueryRunner();
  const mark = (params: unknown[], v: unknown) => (params.push(v), pg ? `$${params.length}` : '?');
  const time = (d: Date) => (pg ? d : d.toISOString().replace('T', ' ').replace('Z', ''));
  // The search index is no part of this bench: its triggers are set aside while loading (private database).
  if (pg) await q.query('ALTER TABLE videos DISABLE TRIGGER USER');
  else for (const tr of ['search_video_ai', 'search_video_au', 'search_video_ad']) await q.query(`DROP TRIGGER IF EXISTS ${tr}`);
  await q.startTransaction();
  try {
    const channels: string[] = [];
    const viewers: string[] = [];
    const created = new Date();
    for (let i = 0; i < nChannels + VIEWERS; i += 500) {
      const users: string[] = [];
      const chans: string[] = [];
      const up: unknown[] = [];
      const cp: unknown[] = [];
      for (let j = i; j < Math.min(i + 500, nChannels + VIEWERS); j++) {
        const id = randomUUID();
        users.push(
          `(${[id, `f${j}@bench.test`, 'x', `Channel ${j}`, 'viewer,creator', time(created), time(created)].map((v) => mark(up, v)).join(', ')})`,
        );
        if (j < nChannels) {
          channels.push(id);
          chans.push(`(${[id, `channel-${j}`, time(created), time(created)].map((v) => mark(cp, v)).join(', ')})`);
        } else viewers.push(id);
      }
      await q.query(
        `INSERT INTO users (id, email, password_hash, display_name, roles, created_at, updated_at) VALUES ${users.join(', ')}`,
        up,
      );
      if (chans.length) await q.query(`INSERT INTO channels (user_id, handle, created_at, updated_at) VALUES ${chans.join(', ')}`, cp);
    }
    const active = Math.floor(nChannels / 4);
    const start = Date.now() - 2 * 365 * 86_400_000;
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
    for (let i = 0; i < nVideos; i += 300) {
      const params: unknown[] = [];
      const rows: string[] = [];
      for (let j = i; j < Math.min(i + 300, nVideos); j++) {
        const owner = r() < 0.7 ? channels[Math.floor(r() * active)] : channels[active + Math.floor(r() * (nChannels - active))];
        const at = time(new Date(start + Math.floor(r() * 2 * 365 * 86_400_000)));
        const x = r();
        const visibility = x < 0.03 ? 'PRIVATE' : x < 0.06 ? 'UNLISTED' : 'PUBLIC';
        const status = r() < 0.02 ? 'PROCESSING' : 'READY';
        const values = [randomUUID(), owner, `Video ${j}`, '', '[]', visibility, status, 100, 60_000, 1280, 720, '[]', 1, at, at, at];
        rows.push(`(${values.map((v) => mark(params, v)).join(', ')})`);
      }
      await q.query(`INSERT INTO videos (${cols.join(', ')}) VALUES ${rows.join(', ')}`, params);
      if ((i / 300) % 40 === 0) process.stdout.write(`\r  seeding ${db}: ${i} / ${nVideos} videos`);
    }
    for (const v of viewers) {
      const picked = new Set<string>();
      while (picked.size < Math.min(follows, nChannels)) picked.add(channels[Math.floor(r() * nChannels)]);
      const params: unknown[] = [];
      const rows = [...picked].map((c) => `(${[v, c, time(created)].map((x) => mark(params, x)).join(', ')})`);
      await q.query(`INSERT INTO channel_subscriptions (subscriber_id, channel_id, created_at) VALUES ${rows.join(', ')}`, params);
    }
    await q.commitTransaction();
    if (pg) await q.query('ALTER TABLE videos ENABLE TRIGGER USER');
    await q.query(pg ? 'VACUUM ANALYZE' : 'ANALYZE');
    process.stdout.write(
      `\r  seeding ${db}: ${nVideos} videos, ${nChannels} channels, ${VIEWERS} viewers × ${follows} follows in ${((now() - t0) / 1000).toFixed(0)} s\n`,
    );
    return viewers;
  } catch (e) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw e;
  } finally {
    await q.release();
  }
}

/** The baseline statement (ids only), after an optional keyset. */
function baselineSql(db: DbKind, viewer: string, after: Cursor | null): { sql: string; params: unknown[] } {
  const pg = db === 'postgres';
  const params: unknown[] = [];
  const p = (v: unknown) => (params.push(v), pg ? `$${params.length}` : '?');
  const hint = pg ? '' : ' INDEXED BY idx_videos_owner';
  const subscriber = p(viewer); // placeholders in the order of the text
  let keyset = '';
  if (after) {
    const t = pg ? after.createdAt : after.createdAt.toISOString().replace('T', ' ').replace('Z', '');
    keyset = ` AND (created_at < ${p(t)} OR (created_at = ${p(t)} AND id < ${p(after.id)}))`;
  }
  const sql = `SELECT id, created_at FROM videos${hint} WHERE owner_id IN (SELECT channel_id FROM channel_subscriptions WHERE subscriber_id = ${subscriber})
    AND status = 'READY' AND visibility = 'PUBLIC'${keyset} ORDER BY created_at DESC, id DESC LIMIT ${p(PAGE + 1)}`;
  return { sql, params };
}

async function main(): Promise<void> {
  const nVideos = Number(arg('videos', '100000'));
  const nChannels = Number(arg('channels', '5000'));
  const follows = Number(arg('follows', '500'));
  const requests = Number(arg('requests', '1000'));
  const show = process.argv.includes('--show-saturated');
  const dbs = arg('db', process.env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite').split(',') as DbKind[];
  console.log(
    `feed bench: ${nVideos} videos, ${nChannels} channels, viewers follow ${follows}; ${requests} feed pages per side per database; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadAvg1().toFixed(1)}`,
  );
  for (const db of dbs) {
    if (db === 'postgres' && !process.env.DATABASE_URL) {
      console.log('postgres: DATABASE_URL is not set, skipped');
      continue;
    }
    const t = await channelsTestDb(db);
    try {
      const viewers = await seed(t, db, nVideos, nChannels, follows);
      // The same requests on both sides: (viewer, page depth 1-5), cursors from the feed itself.
      const plan = Array.from({ length: requests }, (_, i) => ({
        viewer: viewers[i % viewers.length],
        depth: 1 + (Math.floor(i / viewers.length) % 5),
      }));
      const cursors = new Map<string, Cursor | null>();
      for (const v of viewers) {
        let c: Cursor | null = null;
        for (let d = 1; d <= 5; d++) {
          cursors.set(`${v}:${d}`, c);
          const page = await t.subs.feed(v, PAGE, c);
          const last = page.items.at(-1);
          c = last ? { createdAt: last.createdAt, id: last.id } : c;
        }
      }
      // Check: both sides answer the same first page.
      const check = await t.subs.feed(viewers[0], PAGE, null);
      const { sql, params } = baselineSql(db, viewers[0], null);
      const baseRows = await t.ds.query(sql, params);
      const same =
        check.items.map((v) => v.id).join() ===
        (baseRows as Array<{ id: string }>)
          .slice(0, PAGE)
          .map((r) => r.id)
          .join();
      console.log(`  ${db}: the feed and the baseline give the same first page: ${same ? 'yes' : 'NO'}`);

      const ours: number[] = [];
      const keysOnly: number[] = [];
      const base: number[] = [];
      let oursRows = 0;
      let baseRows2 = 0;
      let oursWall = 0;
      let baseWall = 0;
      const cpu0 = cpuTimes();
      const runQueue = sampleRunQueue();
      const loadBefore = loadAvg1();
      const SLICE = 20;
      const baseRunner = t.ds.createQueryRunner();
      for (let s = 0; s < plan.length; s += SLICE) {
        const slice = plan.slice(s, s + SLICE);
        const t0 = now();
        for (const p of slice) {
          const a = now();
          oursRows += (await t.subs.feed(p.viewer, PAGE, cursors.get(`${p.viewer}:${p.depth}`) ?? null)).items.length;
          ours.push(now() - a);
          const k = now();
          await t.videoKeys.feedPage(p.viewer, PAGE + 1, cursors.get(`${p.viewer}:${p.depth}`) ?? null);
          keysOnly.push(now() - k);
        }
        oursWall += now() - t0;
        const t1 = now();
        if (db === 'postgres') {
          await baseRunner.startTransaction();
          await baseRunner.query('DROP INDEX idx_videos_channel_feed');
        }
        for (const p of slice) {
          const b = baselineSql(db, p.viewer, cursors.get(`${p.viewer}:${p.depth}`) ?? null);
          const a = now();
          baseRows2 += Math.min(PAGE, ((await baseRunner.query(b.sql, b.params)) as unknown[]).length);
          base.push(now() - a);
        }
        if (db === 'postgres') await baseRunner.rollbackTransaction();
        baseWall += now() - t1;
        await new Promise((r) => setImmediate(r)); // better-sqlite3 blocks: let the load sampler tick
      }
      await baseRunner.release();
      const cpuBusy = busyShare(cpu0, cpuTimes());
      const runnable = runQueue.stop();
      const sat = saturation(cpuBusy, runnable);
      console.log(
        `\n${db}: machine over the run: CPU busy ${(cpuBusy * 100).toFixed(0)} %, runnable ${runnable.toFixed(1)}, load ${loadBefore.toFixed(1)} → ${loadAvg1().toFixed(1)}`,
      );
      if (sat && !show) {
        console.log(`  MACHINE SATURATED (${sat}): figures withheld (--show-saturated prints them, marked)`);
        continue;
      }
      if (sat) console.log(`  MACHINE SATURATED (${sat}): the figures below say more about the machine than the code`);
      const line = (name: string, ms: number[], wall: number) =>
        `  ${name.padEnd(34)} ${String(ms.length).padStart(5)} pages ${(ms.length / (wall / 1000)).toFixed(1).padStart(8)} pages/s  p50 ${pct(ms, 50).toFixed(2).padStart(8)} ms  p99 ${pct(ms, 99).toFixed(2).padStart(8)} ms`;
      console.log(`  rows answered: feed ${oursRows}, baseline ${baseRows2}`);
      console.log(line('feed page (keys + load videos)', ours, oursWall));
      console.log(line('feed keys query (ids)', keysOnly, oursWall));
      console.log(line('baseline naive IN + sort (ids)', base, baseWall));
      console.log(
        `  ratio baseline / feed keys query (ids vs ids): p99 ${(pct(base, 99) / pct(keysOnly, 99)).toFixed(2)}, p50 ${(pct(base, 50) / pct(keysOnly, 50)).toFixed(2)}; baseline / whole feed page: p99 ${(pct(base, 99) / pct(ours, 99)).toFixed(2)}${sat ? ' (saturated machine)' : ''}`,
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
