/**
 * Ad server benchmark: asset-list decisions per second and latency with 1,000 active line items,
 * against a static asset list served by the same server, in the same run.
 *   1. boots the api in-process (SQLite by default; `--db postgres` for a private PostgreSQL database
 *      on DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), per-IP ad request limit
 *      raised (AD_REQUESTS_BURST / AD_REQUESTS_PER_SECOND = 100000)
 *   2. a 4 s content clip (tags music, live) and a 3 s ad clip per advertiser, uploaded with tus and
 *      transcoded by the real pipeline; 1,000 ACTIVE line items with varied targeting, bids (1-20 CLC
 *      CPM), pacing (half EVEN with a daily cap), frequency caps, created through CampaignsService
 *      (budgets in ledger escrow) with one approved creative each (bench/support/ads-seed.ts)
 *   3. playback sessions through PlaybackSessionService.start (what the playbackSession mutation
 *      runs), anonymous viewers at `--viewers` addresses
 *   4. autocannon in a child process (bench/support/autocannon.ts), keep-alive connections:
 *        ours:   GET /ads/asset-list/<video>/<break>?session=<id>, every request a (session, break)
 *                never asked before (so a real decision + reservation, never the already reserved
 *                pod), user agents (desktop/mobile/tablet/tv) and X-Country rotating
 *        static: GET /bench/static-asset-list/<video>/<break>?session=<id>: a route the bench adds on
 *                the api's own Express adapter that answers a fixed asset list (one real answer of
 *                ours, same JSON, same headers) with res.json: same server, same process, no Nest
 *                pipeline, no database, no decision
 *      two kinds of runs, rounds interleaved (which target starts alternates):
 *        saturation (closed loop, `--connections`): every connection sends its next request when the
 *                answer arrives: throughput and ours/static; latency there is mostly queueing
 *        fixed rate (open loop, `--rates`, on `--rate-connections` connections): requests scheduled
 *                evenly at the offered rate whatever the answers do, latency from each request's
 *                scheduled time (see bench/support/autocannon.ts: not autocannon's overallRate)
 * Prints req/s, p50/p97.5/p99/max latency (medians over rounds), ours/static, ads per decision and
 * server CPU per request, and whether p99 < 20 ms at each offered load; writes bench/results/ads.json. `--profile`: CPU
 * profile of ours' runs in the last round (bench/results/ads.cpuprofile) and the top self-time functions.
 * Run: node dist/bench/ads.bench.js [--db sqlite|postgres] [--line-items 1000] [--sessions 8000]
 *      [--viewers 2000] [--connections 10,50] [--rates 250,500] [--rate-connections 50] [--duration 10]
 *      [--rounds 3] [--advertisers 4] [--profile]; `--connections 0` or `--rates 0` skips that kind of run
 */
import type { Response } from 'express';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { VideosService } from '@wetube/catalog';
import { Database } from '@wetube/platform';
import { generateClip } from '@wetube/testing';
import type { DbKind } from '../apps/api/test/api.harness';
import { CONTENT_TAGS, COUNTRIES, seedLineItems, startSessions, USER_AGENTS } from './support/ads-seed';
import { ApiClient, arg, startApi, tusUpload, waitForStatus } from './support/api';
import { type LoadResult, type PlannedRequest, runAutocannon } from './support/autocannon';
import { median } from './support/cli';
import { CpuProfile } from './support/cpu-profile';

const STATIC_PATH = '/bench/static-asset-list';
const GOAL_P99_MS = 20;
const ms = (x: number) => `${x.toFixed(2)} ms`;

interface RunRecord extends LoadResult {
  target: 'ours' | 'static';
  connections: number;
  /** Offered req/s of an open-loop run; null for a saturation (closed-loop) run. */
  rate: number | null;
  round: number;
  /** Impressions reserved and pods with at least one ad during the run (ours only). */
  impressions: number;
  filledPods: number;
  /** CPU time of the server process (api + SQLite; not autocannon, not PostgreSQL) per request. */
  cpuUsPerRequest: number;
  /** The server's event loop delay during the run (how long a ready request could wait), ms. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

async function main() {
  const db = arg('db', 'sqlite') as DbKind;
  const lineItems = Number(arg('line-items', '1000'));
  const sessionCount = Number(arg('sessions', '8000'));
  const viewers = Number(arg('viewers', '2000'));
  const connectionsList = arg('connections', '10,50')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const rates = arg('rates', '250,500')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const rateConnections = Number(arg('rate-connections', '50'));
  const durationSec = Number(arg('duration', '10'));
  const rounds = Number(arg('rounds', '3'));
  const advertiserCount = Number(arg('advertisers', '4'));
  const profile = process.argv.includes('--profile');
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db sqlite|postgres');
  if (db === 'postgres') process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; database ${db}`,
  );

  // The baseline's route, on the api's own HTTP adapter, added before Nest initializes (its 404
  // handler would shadow a route added later). It answers what `staticBody` holds once set.
  let staticBody: unknown = { ASSETS: [] };
  const api = await startApi(
    db,
    {
      LOG_LEVEL: 'error',
      AD_REQUESTS_BURST: '100000',
      AD_REQUESTS_PER_SECOND: '100000',
      BANDWIDTH_POOL_SEED: '0',
      ADS_AUTO_APPROVE: 'true',
    },
    (app) =>
      app.getHttpAdapter().get(`${STATIC_PATH}/:videoId/:breakIndex`, (_req, res) => {
        // Nest types the adapter's handler loosely; this is Express's response.
        (res as Response).setHeader('Cache-Control', 'no-store');
        (res as Response).json(staticBody);
      }),
  );
  try {
    // Videos: the content, and one ad clip per advertiser (a creative must be the advertiser's own upload).
    let t = Date.now();
    const creator = new ApiClient(api.url);
    await creator.signUp('Creator');
    const advertisers = await Promise.all(
      Array.from({ length: advertiserCount }, async (_, i) => {
        const c = new ApiClient(api.url);
        const { id } = await c.signUp(`Advertiser${i}`, 'advertiser');
        return { id, client: c };
      }),
    );
    const [content, ad] = await Promise.all([
      generateClip({ path: join(api.dataDir, 'content.mp4'), durationSec: 4, width: 320, height: 180 }),
      generateClip({ path: join(api.dataDir, 'ad.mp4'), durationSec: 3, width: 320, height: 180 }),
    ]);
    const contentId = (await tusUpload(creator, content)).videoId!;
    const adVideos = await Promise.all(advertisers.map(async (a) => (await tusUpload(a.client, ad)).videoId!));
    for (const [client, id] of [[creator, contentId] as const, ...advertisers.map((a, i) => [a.client, adVideos[i]] as const)]) {
      const v = await waitForStatus(client, id, ['READY', 'FAILED'], 300_000);
      if (v.status !== 'READY') throw new Error(`transcode failed: ${v.failureReason}`);
    }
    await api.app.get(VideosService, { strict: false }).updateMetadata(contentId, { tags: CONTENT_TAGS, category: 'Music' });
    console.log(
      `videos: content 4 s 320x180 (category Music, tags ${CONTENT_TAGS.join(', ')}) + ${advertiserCount} ad clips of 3 s, transcoded in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    const seed = await seedLineItems(
      api,
      advertisers.map((a, i) => ({ id: a.id, adVideoId: adVideos[i] })),
      lineItems,
      2000n * 1_000_000n,
    );
    const m = seed.mix;
    console.log(
      `line items: ${seed.lineItems} ACTIVE (budget 2,000 CLC each in escrow, CPM 1-20 CLC) in ${(seed.ms / 1000).toFixed(1)} s; targeted ${m.targeted} ` +
        `(countries ${m.countries}, devices ${m.devices}, tags ${m.tags}, categories ${m.categories}, day-parts ${m.dayParts}, positions ${m.positions}); ` +
        `EVEN with daily cap ${m.even}, ASAP ${seed.lineItems - m.even}; frequency-capped ${m.freqCapped}`,
    );
    t = Date.now();
    const sessions = await startSessions(api, contentId, sessionCount + 1, viewers);
    console.log(
      `playback sessions: ${sessionCount} (+1 for the sample) of ${viewers} anonymous viewers, started in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    // The static list: one real answer of ours with a full pod.
    const sampleSession = sessions.pop()!;
    for (let b = 0; b < 50; b++) {
      const r = await fetch(`${api.url}/ads/asset-list/${contentId}/${b}?session=${sampleSession}`, {
        headers: { 'user-agent': USER_AGENTS[0], 'x-country': 'FR' },
      });
      const body = (await r.json()) as { ASSETS: unknown[] };
      if (r.status !== 200) throw new Error(`asset list: ${r.status} ${JSON.stringify(body)}`);
      staticBody = body;
      if (body.ASSETS.length >= 2) break;
    }
    const staticBytes = Buffer.byteLength(JSON.stringify(staticBody));
    console.log(
      `static asset list: ${(staticBody as { ASSETS: unknown[] }).ASSETS.length} ads, ${staticBytes} bytes of JSON (a real answer of ours, beacons included)`,
    );

    // Requests: pair i = (sessions[i % S], break floor(i / S)); never repeated across runs.
    const countryHeader = api.config.ads.countryHeader;
    let cursor = 0;
    const headersOf = (i: number): Record<string, string> => ({
      'user-agent': USER_AGENTS[i % USER_AGENTS.length],
      ...(i % 10 === 9 ? {} : { [countryHeader]: COUNTRIES[(i * 3) % COUNTRIES.length] }),
    });
    const pairPath = (prefix: string, i: number) =>
      `${prefix}/${contentId}/${Math.floor(i / sessions.length)}?session=${sessions[i % sessions.length]}`;
    const fresh = (n: number): PlannedRequest[] => {
      if ((cursor + n) / sessions.length > 9999) throw new Error('out of (session, break) pairs: raise --sessions');
      const out = Array.from({ length: n }, (_, k) => ({ path: pairPath('/ads/asset-list', cursor + k), headers: headersOf(cursor + k) }));
      cursor += n;
      return out;
    };
    const staticRequests: PlannedRequest[] = Array.from({ length: 5000 }, (_, i) => ({
      path: pairPath(STATIC_PATH, i),
      headers: headersOf(i),
    }));

    const sql = api.app.get(Database, { strict: false });
    const counts = async () => {
      const [a] = await sql.query(`SELECT COUNT(*) AS n FROM ad_impressions`);
      const [b] = await sql.query(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT session_id, break_index FROM ad_impressions) d`);
      return { impressions: Number(a.n), pods: Number(b.n) };
    };
    // Planned requests per run of ours: twice what 3,000 decisions/s would need.
    const perRun = (sec: number) => Math.max(2000, sec * 6000);
    const run = async (
      target: 'ours' | 'static',
      connections: number,
      sec: number,
      round: number,
      rate: number | null = null,
    ): Promise<RunRecord> => {
      const before = await counts();
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const cpu0 = process.cpuUsage();
      const r = await runAutocannon(
        {
          baseUrl: api.url,
          connections,
          durationSec: sec,
          requests: target === 'ours' ? fresh(rate ? Math.ceil(rate * sec) + 1 : perRun(sec)) : staticRequests,
          cycle: target === 'static',
          ...(rate ? { ratePerSec: rate } : {}),
        },
        api.dataDir,
      );
      const cpu = process.cpuUsage(cpu0);
      loop.disable();
      const after = await counts();
      return {
        ...r,
        target,
        connections,
        rate,
        round,
        impressions: after.impressions - before.impressions,
        filledPods: after.pods - before.pods,
        cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, r.requests),
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
      };
    };

    // Warm-up (JIT, the line item snapshot, SQLite's page cache).
    for (const target of ['ours', 'static'] as const) await run(target, connectionsList[0] ?? 10, 3, 0);

    const records: RunRecord[] = [];
    let profileTop: string[] = [];
    const report = (r: RunRecord) => {
      const extra =
        r.target === 'ours'
          ? `, ${(r.impressions / Math.max(1, r.requests)).toFixed(2)} ads/decision, ${((100 * r.filledPods) / Math.max(1, r.requests)).toFixed(0)} % pods filled`
          : '';
      const bad = r.non2xx + r.errors + r.timeouts ? `  ERRORS: non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}` : '';
      const load = r.rate ? `${r.rate}/s c=${r.connections}` : `c=${r.connections}`;
      const waited = r.rate && r.waitedForConnection ? `, ${r.waitedForConnection} waited for a connection` : '';
      console.log(
        `round ${r.round} ${load} ${r.target.padEnd(6)} ${r.requestsPerSec.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50Ms)}  p97.5 ${ms(r.p975Ms)}  p99 ${ms(r.p99Ms)}  max ${ms(r.maxMs)}  ` +
          `server CPU ${r.cpuUsPerRequest.toFixed(0)} µs/req, event loop delay p99 ${ms(r.loopDelayP99Ms)} max ${ms(r.loopDelayMaxMs)}${extra}${waited}${r.exhausted ? '  (request list ran out: stopped early)' : ''}${bad}`,
      );
    };
    for (let round = 1; round <= rounds; round++) {
      for (const connections of connectionsList) {
        const order = (round + connectionsList.indexOf(connections)) % 2 ? (['ours', 'static'] as const) : (['static', 'ours'] as const);
        for (const target of order) {
          const prof = profile && round === rounds && target === 'ours' && connections === connectionsList[0] ? new CpuProfile() : null;
          await prof?.start();
          const r = await run(target, connections, durationSec, round);
          if (prof) {
            const dir = resolve(__dirname, '..', '..', 'bench', 'results');
            await mkdir(dir, { recursive: true });
            profileTop = await prof.stop(join(dir, 'ads.cpuprofile'));
          }
          records.push(r);
          report(r);
        }
      }
      for (const rate of rates) {
        const order = (round + rates.indexOf(rate)) % 2 ? (['ours', 'static'] as const) : (['static', 'ours'] as const);
        for (const target of order) {
          const r = await run(target, rateConnections, durationSec, round, rate);
          records.push(r);
          report(r);
        }
      }
    }

    console.log('\nsaturation (closed loop: every connection sends its next request when the answer arrives), medians over rounds:');
    console.log('| target | connections | req/s | p50 | p97.5 | p99 | server CPU / req | ours / static (req/s) | p99 < 20 ms |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const med = (rs: RunRecord[], f: (r: RunRecord) => number) => median(rs.map(f));
    const summary = [];
    for (const connections of connectionsList) {
      const of = (target: string) => records.filter((r) => r.target === target && r.rate === null && r.connections === connections);
      const ours = of('ours');
      const stat = of('static');
      const ratios = ours.map((o) => o.requestsPerSec / stat.find((s) => s.round === o.round)!.requestsPerSec);
      const row = (name: string, rs: RunRecord[], ratio: string) => {
        const p99 = med(rs, (r) => r.p99Ms);
        console.log(
          `| ${name} | ${connections} | ${med(rs, (r) => r.requestsPerSec).toFixed(0)} | ${ms(med(rs, (r) => r.p50Ms))} | ${ms(med(rs, (r) => r.p975Ms))} | ${ms(p99)} | ${med(rs, (r) => r.cpuUsPerRequest).toFixed(0)} µs | ${ratio} | ${p99 < GOAL_P99_MS ? 'yes' : 'NO'} |`,
        );
      };
      row('ours (decisions)', ours, `**${(100 * median(ratios)).toFixed(1)} %** (${ratios.map((x) => (100 * x).toFixed(1)).join(', ')})`);
      row('static asset list', stat, '');
      summary.push({
        connections,
        oursPerSec: med(ours, (r) => r.requestsPerSec),
        staticPerSec: med(stat, (r) => r.requestsPerSec),
        oursP99: med(ours, (r) => r.p99Ms),
        ratio: median(ratios),
      });
    }
    const rateSummary = [];
    if (rates.length) {
      console.log(
        `\nfixed offered load (open loop, ${rateConnections} connections, latency from each request's scheduled time), medians over rounds:`,
      );
      console.log('| target | offered req/s | achieved req/s | p50 | p97.5 | p99 | max | server CPU / req | p99 < 20 ms |');
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const rate of rates) {
        const of = (target: string) => records.filter((r) => r.target === target && r.rate === rate);
        for (const [name, rs] of [
          ['ours (decisions)', of('ours')],
          ['static asset list', of('static')],
        ] as const) {
          const p99 = med(rs, (r) => r.p99Ms);
          const p99s = rs.length > 1 ? ` (${rs.map((r) => r.p99Ms.toFixed(1)).join(', ')})` : '';
          console.log(
            `| ${name} | ${rate} | ${med(rs, (r) => r.requestsPerSec).toFixed(0)} | ${ms(med(rs, (r) => r.p50Ms))} | ${ms(med(rs, (r) => r.p975Ms))} | ${ms(p99)}${p99s} | ${ms(med(rs, (r) => r.maxMs))} | ${med(rs, (r) => r.cpuUsPerRequest).toFixed(0)} µs | ${p99 < GOAL_P99_MS ? 'yes' : 'NO'} |`,
          );
        }
        const ours = of('ours');
        rateSummary.push({
          rate,
          oursPerSec: med(ours, (r) => r.requestsPerSec),
          oursP50: med(ours, (r) => r.p50Ms),
          oursP99: med(ours, (r) => r.p99Ms),
          oursP99s: ours.map((r) => r.p99Ms),
          staticP99: med(of('static'), (r) => r.p99Ms),
        });
      }
    }
    const adsPerDecision =
      records.filter((r) => r.target === 'ours').reduce((a, r) => a + r.impressions, 0) /
      Math.max(
        1,
        records.filter((r) => r.target === 'ours').reduce((a, r) => a + r.requests, 0),
      );
    console.log(
      `ads per decision (reserved impressions / requests): ${adsPerDecision.toFixed(2)}; (session, break) pairs planned, each at most once: ${cursor}`,
    );
    console.log('');
    for (const r of rateSummary) {
      const spread = r.oursP99s.length > 1 ? `; rounds ${r.oursP99s.map((x) => ms(x)).join(', ')}` : '';
      console.log(
        `goal p99 < ${GOAL_P99_MS} ms at an offered ${r.rate} req/s: ${r.oursP99 < GOAL_P99_MS ? 'MET' : 'NOT met'} (ours p99 ${ms(r.oursP99)}${spread}, p50 ${ms(r.oursP50)}, achieved ${r.oursPerSec.toFixed(0)} req/s; static p99 ${ms(r.staticP99)})`,
      );
    }
    for (const s of summary) {
      console.log(
        `saturation at ${s.connections} connections: ours ${s.oursPerSec.toFixed(0)} decisions/s, static ${s.staticPerSec.toFixed(0)} req/s (ours / static ${(100 * s.ratio).toFixed(1)} %); p99 there ${ms(s.oursP99)} (${s.oursP99 < GOAL_P99_MS ? 'under' : 'over'} ${GOAL_P99_MS} ms: queueing of ${s.connections} requests)`,
      );
    }
    if (profileTop.length)
      console.log(
        `\nCPU profile of ours (last round, ${connectionsList[0]} connections): bench/results/ads.cpuprofile; top self time:\n${profileTop.join('\n')}`,
      );

    const outDir = resolve(__dirname, '..', '..', 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    await writeFile(
      join(outDir, 'ads.json'),
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgAtEnd: loadavg() },
          db,
          lineItems,
          seed,
          sessions: sessions.length,
          viewers,
          staticBytes,
          rateConnections,
          records,
          summary,
          rateSummary,
        },
        null,
        2,
      ),
    );
    console.log(
      `raw figures: ${join(outDir, 'ads.json')}; load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await api.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
