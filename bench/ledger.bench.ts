/**
 * Ledger benchmark (issue 4): receipts redeemed per second (batched, many peers) and transfers per
 * second, our ledger + payments code against plain SQL with node-pg, on PostgreSQL, same run.
 *
 *   receipts  ours: ReceiptRedemptionService.redeem(peer's user, 500 wt_receipt messages, now) from
 *                   R concurrent clients (in-process, as concurrent API calls on one api process).
 *                   Real code: decoding, certificate + receipt Ed25519 checks, sessions and marks
 *                   SQL, LedgerService.batch / LedgerBatch. Stand-ins (in memory): SeederNodesService
 *                   .ownersOf, OriginKeyRepository.publicKeyRaw, VideoSegmentsCache.of.
 *             ours, signatures skipped: the same, but the service's verifier answers from the set of
 *                   signatures the bench made (no Ed25519): everything except the crypto.
 *             plain SQL: node-pg, per batch one transaction: SELECT … FOR UPDATE of the hold and peer
 *                   accounts, SELECT of the marks and pair counters (needed to know what to pay),
 *                   INSERT the call's one entry, INSERT its postings (one per hold + the peer's),
 *                   INSERT a reward row per receipt, UPDATE balances, UPDATE holds' paid_out, UPSERT
 *                   marks, UPSERT pair counters (multi-row statements with unnest arrays); no checks.
 *   transfers ours: LedgerService.transfer(random wallet, another, 1..100, fresh key) from T clients.
 *             plain SQL: BEGIN; SELECT … FOR UPDATE both accounts in id order; INSERT entry; INSERT
 *                   2 postings; UPDATE 2 balances (one statement each); COMMIT. Same pool size.
 * A private database is created for the run and dropped at the end. Every measurement alternates
 * its sides slice by slice (which side starts alternates per round), so both see the same machine.
 * Prints per-slice-summed rates (median over rounds) and ours/baseline (median of the per-round
 * ratios); writes bench/results/ledger.json.
 * Run: DATABASE_URL=postgres://… node dist/bench/ledger.bench.js [--rounds 3] [--slices 4]
 *      [--sessions 2000] [--peers 8] [--receipt-clients 4] [--slice-batches 8]
 *      [--transfer-clients 16] [--slice-transfers 1000] [--wallets 2000] [--pool 16]
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { SeederNodesService } from '@wetube/catalog';
import type { OriginKeyRepository } from '@wetube/content';
import { AccountKind, LEDGER_ENTITIES, LedgerService } from '@wetube/ledger';
import { LedgerRepository } from '../libs/ledger/src/ledger.repository';
import { decayedAmount, EntitlementsService, PaymentSessionsService, ReceiptRedemptionService } from '@wetube/payments';
import { ReceiptVerifier } from '../libs/payments/src/redeem/receipt.verifier';
import { ReceiptsRepository } from '../libs/payments/src/redeem/receipts.repository';
import { PaymentSessionsRepository } from '../libs/payments/src/sessions/payment-sessions.repository';
import type { VideoSegmentsCache } from '../libs/payments/src/redeem/video-segments.cache';
import { AppConfig, Database, dataSourceOptions } from '@wetube/platform';
import {
  encodeReceiptMessage,
  NodeEd25519Signer,
  RECEIPT_DOMAIN,
  type Receipt,
  SESSION_CERT_DOMAIN,
  signReceipt,
  signSessionCert,
  type SignedSessionCert,
  toBase64Url,
} from '@wetube/swarm';
import { arg, median } from './support/cli';

const now = () => Number(process.hrtime.bigint()) / 1e9;

const BATCH = 500;
const SEGMENT_BYTES = 524_288;
/** Receipts are redeemed "one hour into" their sessions, so the real-time limit never refuses them. */
const SESSION_AGE_MS = 3_600_000;

/** Runs `items` through `clients` concurrent workers (each takes the next item when done). Seconds. */
async function concurrently<T>(items: T[], clients: number, fn: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = now();
  await Promise.all(
    Array.from({ length: Math.min(clients, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
  return now() - t0;
}

interface Side {
  name: string;
  /** Units (receipts, transfers) per slice. */
  units: number;
  /** Builds one slice's inputs (outside the timing) and returns the timed part. */
  prepare: () => Promise<() => Promise<void>>;
}

/** CPU ticks so far of every `postgres` process of this machine, by pid (Linux /proc; empty elsewhere). */
function postgresTicks(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
        const f = stat.slice(close + 2).split(' ');
        out.set(pid, Number(f[11]) + Number(f[12])); // utime, stime (fields 14, 15)
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return out;
}

/** CPU seconds the postgres processes used between two snapshots (a process that ended meanwhile counts 0). */
function postgresCpu(before: Map<string, number>, after: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / 100; // USER_HZ
}

/** CPU seconds of this process (all threads). */
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Rounds of `slices` slices; in each slice every side runs once (in rotating order: round r, slice k
 * starts with side (r + k) mod n). Per round: units/s of each side (units / Σ its slice times).
 */
async function alternate(
  sides: Side[],
  rounds: number,
  slices: number,
  label: string,
): Promise<{ rates: number[][]; cpu: Array<{ node: number; postgres: number }> }> {
  const perRound: number[][] = sides.map(() => []);
  const cpu = sides.map(() => ({ node: 0, postgres: 0 }));
  for (let r = 0; r < rounds; r++) {
    const secs = sides.map(() => 0);
    for (let k = 0; k < slices; k++) {
      for (let j = 0; j < sides.length; j++) {
        const i = (r + k + j) % sides.length;
        const run = await sides[i].prepare();
        const n0 = nodeCpu();
        const p0 = postgresTicks();
        const t0 = now();
        await run();
        secs[i] += now() - t0;
        cpu[i].node += nodeCpu() - n0;
        cpu[i].postgres += postgresCpu(p0, postgresTicks());
      }
    }
    sides.forEach((s, i) => perRound[i].push((s.units * slices) / secs[i]));
    console.log(
      `${label} round ${r + 1}/${rounds}: ${sides.map((s, i) => `${s.name} ${Math.round(perRound[i][r]).toLocaleString('en-US')}/s`).join(', ')}`,
    );
  }
  // CPU per unit, µs: this process and the PostgreSQL server.
  const units = (i: number) => sides[i].units * slices * rounds;
  const perUnit = cpu.map((c, i) => ({ node: (c.node / units(i)) * 1e6, postgres: (c.postgres / units(i)) * 1e6 }));
  console.log(
    `${label} CPU per unit: ${sides.map((s, i) => `${s.name} node ${perUnit[i].node.toFixed(0)} µs + postgres ${perUnit[i].postgres.toFixed(0)} µs`).join(', ')}`,
  );
  return { rates: perRound, cpu: perUnit };
}

async function main() {
  const rounds = Number(arg('rounds', '3'));
  const slices = Number(arg('slices', '4'));
  const nSessions = Number(arg('sessions', '2000'));
  const nPeers = Number(arg('peers', '8'));
  const receiptClients = Number(arg('receipt-clients', '4'));
  const sliceBatches = Number(arg('slice-batches', '8'));
  const transferClients = Number(arg('transfer-clients', '16'));
  const sliceTransfers = Number(arg('slice-transfers', '1000'));
  const nWallets = Number(arg('wallets', '2000'));
  const poolSize = Number(arg('pool', '16'));
  const only = arg('only', 'receipts,transfers').split(',');
  if (!process.env.DATABASE_URL?.startsWith('postgres'))
    throw new Error('set DATABASE_URL=postgres://… (a server where this user may CREATE DATABASE)');
  if (nSessions % BATCH !== 0) throw new Error(`--sessions must be a multiple of ${BATCH}`);
  const chunks = nSessions / BATCH;
  if (sliceBatches > chunks * nPeers)
    throw new Error('--slice-batches must be at most sessions/500 × peers (one receipt per session and peer per slice)');
  const startLoad = loadavg();
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${startLoad.map((l) => l.toFixed(2)).join(' ')}`,
  );

  // ---- a private database ----
  const dbName = `wetube_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const [{ server_version: pgVersion }] = (await admin.query('SHOW server_version')).rows;
  const [{ synchronous_commit: syncCommit }] = (await admin.query('SHOW synchronous_commit')).rows;
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const dataDir = await mkdtemp(join(tmpdir(), 'wetube-ledger-bench-'));
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  let ds: DataSource | undefined;
  let pool: Pool | undefined;
  // The receipt verifiers' signature workers, ended with everything else.
  const verifiers: ReceiptVerifier[] = [];
  const dropAll = async () => {
    await Promise.all(verifiers.map((v) => v.onModuleDestroy()));
    await pool?.end().catch(() => undefined);
    if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void dropAll().finally(() => process.exit(130)));

  try {
    console.log(`PostgreSQL ${pgVersion} (synchronous_commit ${syncCommit}), database ${dbName}, pool ${poolSize} connections per side`);
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32), DATABASE_URL: url });
    const options = dataSourceOptions(config, LEDGER_ENTITIES);
    if (options.type !== 'postgres') throw new Error('not PostgreSQL');
    ds = new DataSource({ ...options, extra: { max: poolSize } });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    pool = new Pool({ connectionString: url, max: poolSize });
    // --trace-sql: time every statement ours sends (through TypeORM), grouped by its first words.
    const sqlTrace = new Map<string, { n: number; secs: number }>();
    if (process.argv.includes('--trace-sql')) {
      const create = ds.createQueryRunner.bind(ds);
      ds.createQueryRunner = ((...a: Parameters<DataSource['createQueryRunner']>) => {
        const q = create(...a);
        const query = q.query.bind(q);
        q.query = (async (text: string, params?: unknown[], ...rest: unknown[]) => {
          const t0 = now();
          try {
            return await (query as (...x: unknown[]) => Promise<unknown>)(text, params, ...rest);
          } finally {
            const k =
              text
                .replace(/\s+/g, ' ')
                .replace(/\(\$\d+.*$/, '(…')
                .slice(0, 90) + (/FOR UPDATE/.test(text) ? ' … FOR UPDATE' : '');
            const e = sqlTrace.get(k) ?? { n: 0, secs: 0 };
            e.n++;
            e.secs += now() - t0;
            sqlTrace.set(k, e);
          }
        }) as typeof q.query;
        return q;
      }) as DataSource['createQueryRunner'];
    }
    const database = new Database(ds);
    const ledger = new LedgerService(new LedgerRepository(database));

    // Time spent inside ledger.batch (the redemption's one transaction), measured around the call.
    let inBatch = 0;
    let batchCalls = 0;
    const batch = ledger.batch.bind(ledger);
    ledger.batch = (async (entry: Parameters<LedgerService['batch']>[0], work: Parameters<LedgerService['batch']>[1]) => {
      const t0 = now();
      try {
        return await batch(entry, work);
      } finally {
        inBatch += now() - t0;
        batchCalls++;
      }
    }) as LedgerService['batch'];

    const results: Record<string, unknown> = {};
    const table: string[] = [];
    const ratios: string[] = [];
    const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
    const pct = (xs: number[]) => `${(median(xs) * 100).toFixed(0)} %`;

    if (only.includes('receipts')) {
      // ---- receipts: setup ----
      const t0 = now();
      const price = config.payments.pricePerSegment;
      const decay = config.payments.pairDecaySegments;
      const origin = NodeEd25519Signer.generate();
      const cids = Array.from(
        { length: 64 },
        (_, i) => `bafkreih${createHash('sha256').update(`segment ${i}`).digest('hex').slice(0, 51)}`,
      );
      const facts = { cids: new Set(cids), segmentsPerStream: 5000, renditions: 1, streams: 1 };
      const segmentsCache = { of: async () => facts } as unknown as VideoSegmentsCache;
      const originKey = {
        publicKeyRaw: () => Buffer.from(origin.publicKey),
        sign: (b: Uint8Array) => Buffer.from(origin.signSync(b)),
      } as unknown as OriginKeyRepository;
      const peers = Array.from({ length: nPeers }, () => {
        const key = NodeEd25519Signer.generate();
        return { userId: randomUUID(), peerId: toBase64Url(key.publicKey), pendingId: '' };
      });
      const owners = new Map(peers.map((p) => [p.peerId, p.userId]));
      const seeders = {
        ownersOf: async (keys: string[]) => new Map(keys.filter((k) => owners.has(k)).map((k) => [k, owners.get(k)!])),
      } as unknown as SeederNodesService;
      const entitlements = { activeOf: async () => null } as unknown as EntitlementsService;
      const sessions = new PaymentSessionsService(config, ledger, new PaymentSessionsRepository(database), entitlements, segmentsCache);
      const receipts = new ReceiptsRepository(database);
      const verifier = new ReceiptVerifier(config, sessions, seeders, originKey, segmentsCache);
      const redeemer = new ReceiptRedemptionService(config, ledger, verifier, receipts);
      // The same service whose verifier answers from the signatures the bench made (no Ed25519).
      const madeSignatures = new Set<string>();
      const sigKey = (s: Uint8Array) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('latin1');
      const lookupVerifier = {
        verifyMany: async (items: Array<{ signature: Uint8Array }>) => items.map((it) => madeSignatures.has(sigKey(it.signature))),
      };
      const verifierNoCrypto = new ReceiptVerifier(config, sessions, seeders, originKey, segmentsCache);
      verifiers.push(verifier); // the other one's pool is the lookup below: it has no workers
      (verifierNoCrypto as unknown as { pool: typeof lookupVerifier }).pool = lookupVerifier;
      const redeemerNoCrypto = new ReceiptRedemptionService(config, ledger, verifierNoCrypto, receipts);

      const mintTo = (await ledger.systemAccount(AccountKind.BANDWIDTH_POOL)).id;
      const budget = price * BigInt(facts.segmentsPerStream * facts.streams) * 2n;
      await ledger.mint(mintTo, budget * BigInt(2 * nSessions), 'bench:pool');
      for (const p of peers) p.pendingId = (await ledger.openAccount(AccountKind.USER_PENDING, p.userId)).id;
      const videoId = randomUUID();
      const creatorId = randomUUID();
      const expiresAt = Date.now() + 24 * 3_600_000;
      interface BenchSession {
        id: string;
        key: NodeEd25519Signer;
        cert: SignedSessionCert;
        holdId: string;
        holdAccountId: string;
        viewerKey: string;
      }
      const openSessions = async (n: number, tag: string): Promise<BenchSession[]> => {
        const out: BenchSession[] = [];
        const ids = Array.from({ length: n }, (_, i) => i);
        await concurrently(ids, 16, async (i) => {
          const key = NodeEd25519Signer.generate();
          const id = randomUUID();
          const opened = await sessions.open({
            sessionId: id,
            videoId,
            creatorId,
            viewerId: null,
            viewerIp: `${tag}.${i}`,
            sessionPublicKey: toBase64Url(key.publicKey),
            expiresAt: new Date(expiresAt),
            durationMs: null,
          });
          if (opened.funding !== 'POOL') throw new Error(`session ${i} not funded`);
          const cert = await signSessionCert(
            { domain: SESSION_CERT_DOMAIN, sessionId: id, videoId, sessionPublicKey: key.publicKey, viewerId: '', expiresAt },
            origin,
          );
          madeSignatures.add(sigKey(cert.signature));
          out[i] = { id, key, cert, holdId: '', holdAccountId: '', viewerKey: '' };
        });
        const stored = await sessions.many(out.map((s) => s.id));
        const holdAccounts = new Map<string, string>();
        for (let i = 0; i < out.length; i += 1000) {
          const part = [...stored.values()].slice(i, i + 1000).map((s) => s.holdId!);
          const { rows } = await pool!.query(`SELECT id, account_id FROM ledger_holds WHERE id = ANY($1::varchar[])`, [part]);
          for (const r of rows) holdAccounts.set(r.id, r.account_id);
        }
        for (const s of out) {
          const p = stored.get(s.id)!;
          Object.assign(s, { holdId: p.holdId!, holdAccountId: holdAccounts.get(p.holdId!)!, viewerKey: p.viewerKey });
        }
        return out;
      };
      const oursSessions = await openSessions(nSessions, 'ours');
      const plainSessions = await openSessions(nSessions, 'plain');
      console.log(
        `setup: ${2 * nSessions} playback sessions with holds (budget ${budget} each), ${nPeers} peers, in ${(now() - t0).toFixed(1)} s`,
      );

      /**
       * Batch k of the endless schedule: pass ⌊k / (chunks·peers)⌋ (each session-peer's seq), then
       * per pass, for t in chunks, for p in peers: peer p, session chunk (p + t) mod chunks — so the
       * batches that run at the same time have other peers and other sessions (no lock waits
       * between them as long as clients ≤ min(peers, chunks)).
       */
      const batchAt = (k: number) => {
        const perPass = chunks * nPeers;
        const pass = Math.floor(k / perPass);
        const j = k % perPass;
        const t = Math.floor(j / nPeers);
        const p = j % nPeers;
        return { pass, peer: peers[p], chunk: (p + t) % chunks };
      };
      let oursNext = 0;
      let plainNext = 0;
      const statuses: Record<string, number> = {};
      const oursSide = (name: string, svc: ReceiptRedemptionService) => {
        const side: Side & { batchSecs: number; batchCalls: number } = {
          name,
          units: sliceBatches * BATCH,
          batchSecs: 0,
          batchCalls: 0,
          prepare: async () => {
            const batches: Array<{ userId: string; messages: Uint8Array[] }> = [];
            for (let b = 0; b < sliceBatches; b++) {
              const { pass, peer, chunk } = batchAt(oursNext++);
              const messages: Uint8Array[] = [];
              for (const s of oursSessions.slice(chunk * BATCH, (chunk + 1) * BATCH)) {
                const receipt: Receipt = {
                  domain: RECEIPT_DOMAIN,
                  sessionId: s.id,
                  peerId: peer.peerId,
                  seq: pass + 1,
                  lastSegmentCid: cids[pass % cids.length],
                  cumulativeSegments: pass + 1,
                  cumulativeBytes: (pass + 1) * SEGMENT_BYTES,
                };
                const signature = await signReceipt(receipt, s.key);
                madeSignatures.add(sigKey(signature));
                messages.push(encodeReceiptMessage({ cert: s.cert, receipt, signature }));
              }
              batches.push({ userId: peer.userId, messages });
            }
            return async () => {
              const b0 = inBatch;
              const c0 = batchCalls;
              await concurrently(batches, receiptClients, async (b) => {
                const out = await svc.redeem(b.userId, b.messages, Date.now() + SESSION_AGE_MS);
                for (const r of out) {
                  const k = r.code ?? r.status;
                  statuses[k] = (statuses[k] ?? 0) + 1;
                }
              });
              side.batchSecs += inBatch - b0;
              side.batchCalls += batchCalls - c0;
            };
          },
        };
        return side;
      };

      /** The plain-SQL redemption of one batch (what the bookkeeping needs, nothing else). */
      const plainBatch = async (c: PoolClient, pass: number, peer: (typeof peers)[number], group: BenchSession[]) => {
        const cum = pass + 1;
        await c.query('BEGIN');
        try {
          const ids = [...group.map((s) => s.holdAccountId), peer.pendingId].sort();
          const locked = await c.query(`SELECT id, balance FROM ledger_accounts WHERE id = ANY($1::varchar[]) ORDER BY id FOR UPDATE`, [
            ids,
          ]);
          const balance = new Map<string, bigint>(locked.rows.map((r) => [r.id as string, BigInt(r.balance)]));
          const sessionIds = group.map((s) => s.id);
          const marks = await c.query(
            `SELECT session_id, segments, CAST(paid AS TEXT) AS paid FROM payment_receipt_marks WHERE peer_id = $1 AND session_id = ANY($2::varchar[])`,
            [peer.peerId, sessionIds],
          );
          const markOf = new Map<string, { segments: number; paid: bigint }>(
            marks.rows.map((r) => [r.session_id as string, { segments: Number(r.segments), paid: BigInt(r.paid) }]),
          );
          const pairs = await c.query(
            `SELECT viewer_key, segments FROM payment_pair_stats WHERE peer_user_id = $1 AND viewer_key = ANY($2::varchar[])`,
            [peer.userId, group.map((s) => s.viewerKey)],
          );
          const pairOf = new Map<string, number>(pairs.rows.map((r) => [r.viewer_key as string, Number(r.segments)]));
          // One entry per call (as ours): a debit posting per hold, one credit to the peer; a reward row per receipt.
          const entryId = randomUUID();
          const p = { entry: [] as string[], account: [] as string[], amount: [] as string[] };
          const rw = { session: [] as string[], segments: [] as number[] };
          const held = { id: [] as string[], paid: [] as string[] };
          const m = { session: [] as string[], paid: [] as string[] };
          const pr = { viewer: [] as string[], segments: [] as number[] };
          let toPeer = 0n;
          for (const s of group) {
            const mark = markOf.get(s.id) ?? { segments: 0, paid: 0n };
            const added = cum - mark.segments;
            const before = pairOf.get(s.viewerKey) ?? 0;
            const amount = decayedAmount(price, before, added, decay);
            const left = balance.get(s.holdAccountId)!;
            if (added <= 0 || amount <= 0n || amount > left) continue;
            p.entry.push(entryId);
            p.account.push(s.holdAccountId);
            p.amount.push((-amount).toString());
            rw.session.push(s.id);
            rw.segments.push(added);
            balance.set(s.holdAccountId, left - amount);
            toPeer += amount;
            held.id.push(s.holdId);
            held.paid.push(amount.toString());
            m.session.push(s.id);
            m.paid.push((mark.paid + amount).toString());
            pr.viewer.push(s.viewerKey);
            pr.segments.push(before + added);
          }
          const at = new Date();
          if (rw.session.length === 0) {
            await c.query('COMMIT');
            return 0;
          }
          p.entry.push(entryId);
          p.account.push(peer.pendingId);
          p.amount.push(toPeer.toString());
          const key = `redeem:${createHash('sha256')
            .update(rw.session.map((id) => `${id}:${peer.peerId}:${cum}`).join('\n'))
            .digest('base64url')}`;
          await c.query(
            `INSERT INTO ledger_entries (id, kind, idempotency_key, payload_hash, memo, created_at) VALUES ($1, 'PEER_REWARD', $2, $3, $4, $5)`,
            [
              entryId,
              key,
              createHash('sha256')
                .update(p.account.join('|') + p.amount.join('|'))
                .digest('hex'),
              `Segments served in ${rw.session.length} playback sessions`,
              at,
            ],
          );
          await c.query(
            `INSERT INTO payment_rewards (entry_id, session_id, peer_id, peer_user_id, segments, created_at) SELECT $1, s, $3, $4, n, $5 FROM unnest($2::varchar[], $6::int[]) AS v(s, n)`,
            [entryId, rw.session, peer.peerId, peer.userId, at, rw.segments],
          );
          await c.query(
            `INSERT INTO ledger_postings (entry_id, account_id, amount) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::bigint[])`,
            [p.entry, p.account, p.amount],
          );
          balance.set(peer.pendingId, balance.get(peer.pendingId)! + toPeer);
          const touched = [...new Set(p.account)];
          await c.query(
            `UPDATE ledger_accounts AS a SET balance = v.b FROM unnest($1::varchar[], $2::bigint[]) AS v(id, b) WHERE a.id = v.id`,
            [touched, touched.map((id) => balance.get(id)!.toString())],
          );
          await c.query(
            `UPDATE ledger_holds AS h SET paid_out = h.paid_out + v.x FROM unnest($1::varchar[], $2::bigint[]) AS v(id, x) WHERE h.id = v.id`,
            [held.id, held.paid],
          );
          await c.query(
            `INSERT INTO payment_receipt_marks (session_id, peer_id, peer_user_id, seq, segments, bytes, paid, updated_at)
             SELECT s, $2, $3, $4::bigint, $4::int, $5, paid, $6 FROM unnest($1::varchar[], $7::bigint[]) AS v(s, paid)
             ON CONFLICT (session_id, peer_id) DO UPDATE SET seq = excluded.seq, segments = excluded.segments, bytes = excluded.bytes, paid = excluded.paid, updated_at = excluded.updated_at`,
            [m.session, peer.peerId, peer.userId, cum, cum * SEGMENT_BYTES, at, m.paid],
          );
          await c.query(
            `INSERT INTO payment_pair_stats (viewer_key, peer_user_id, window_start, segments) SELECT v, $2, $3, n FROM unnest($1::varchar[], $4::int[]) AS x(v, n)
             ON CONFLICT (viewer_key, peer_user_id) DO UPDATE SET segments = excluded.segments`,
            [pr.viewer, peer.userId, at, pr.segments],
          );
          await c.query('COMMIT');
          return rw.session.length;
        } catch (err) {
          await c.query('ROLLBACK');
          throw err;
        }
      };
      let plainPaid = 0;
      const plainSide: Side = {
        name: 'plain SQL',
        units: sliceBatches * BATCH,
        prepare: async () => {
          const batches = Array.from({ length: sliceBatches }, () => batchAt(plainNext++));
          return async () => {
            await concurrently(batches, receiptClients, async ({ pass, peer, chunk }) => {
              const c = await pool!.connect();
              try {
                const paid = await plainBatch(c, pass, peer, plainSessions.slice(chunk * BATCH, (chunk + 1) * BATCH));
                plainPaid += paid;
              } finally {
                c.release();
              }
            });
          };
        },
      };

      const oursReal = oursSide('ours', redeemer);
      const oursNoCrypto = oursSide('ours, signatures skipped', redeemerNoCrypto);
      // Warm-up: one slice each (JIT, pools, the services' certificate caches stay as in production).
      for (const s of [oursReal, oursNoCrypto, plainSide]) await (await s.prepare())();
      Object.assign(oursReal, { batchSecs: 0, batchCalls: 0 });
      Object.assign(oursNoCrypto, { batchSecs: 0, batchCalls: 0 });
      for (const k of Object.keys(statuses)) delete statuses[k];
      sqlTrace.clear();
      plainPaid = 0;

      const sides = [oursReal, plainSide, oursNoCrypto];
      // --receipt-sides (for profiling one side): a subset of ours,plain,skipped; the ratios need all three.
      const wanted = arg('receipt-sides', 'ours,plain,skipped').split(',');
      if (wanted.length < 3) {
        const names = ['ours', 'plain', 'skipped'];
        const { Session } = await import('node:inspector/promises');
        const inspector = new Session();
        inspector.connect();
        if (process.argv.includes('--profile')) {
          await inspector.post('Profiler.enable');
          await inspector.post('Profiler.start');
        }
        await alternate(
          sides.filter((_, i) => wanted.includes(names[i])),
          rounds,
          slices,
          'receipts',
        );
        if (process.argv.includes('--profile')) {
          const { profile } = await inspector.post('Profiler.stop');
          await writeFile(resolve(process.cwd(), 'bench/results/ledger.cpuprofile'), JSON.stringify(profile));
          console.log('CPU profile of the measured slices: bench/results/ledger.cpuprofile');
        }
        if (sqlTrace.size > 0)
          for (const [k, e] of [...sqlTrace].sort((a, b) => b[1].secs - a[1].secs).slice(0, 25))
            console.log(`  ${e.secs.toFixed(2)} s  ${e.n}×  ${((e.secs / e.n) * 1000).toFixed(2)} ms  ${k}`);
        return;
      }
      const { rates, cpu } = await alternate(sides, rounds, slices, 'receipts');
      const perRound = (i: number) => rates[i].map((x, r) => x / rates[1][r]);
      const receiptsPerSide = rounds * slices * sliceBatches * BATCH;
      const inBatchRate = (s: typeof oursReal) => (receiptsPerSide / s.batchSecs) * receiptClients;
      const msPerBatch = (s: typeof oursReal) => (s.batchSecs / s.batchCalls) * 1000;
      table.push(
        `| receipts, batched (${BATCH} per call, ${receiptClients} clients, ${nPeers} peers, ${nSessions} sessions per side) | ${fmt(median(rates[0]))} | ${fmt(median(rates[1]))} | **${pct(perRound(0))}** (rounds: ${perRound(
          0,
        )
          .map((x) => (x * 100).toFixed(0))
          .join(', ')}) |`,
      );
      table.push(
        `| receipts, batched, signature checks skipped (lookup) | ${fmt(median(rates[2]))} | ${fmt(median(rates[1]))} | **${pct(perRound(2))}** (rounds: ${perRound(
          2,
        )
          .map((x) => (x * 100).toFixed(0))
          .join(', ')}) |`,
      );
      ratios.push(`receipts ours/plain ${pct(perRound(0))}`, `receipts without Ed25519 ours/plain ${pct(perRound(2))}`);
      const goal = median(rates[0]) >= 10_000 ? 'met' : 'NOT met';
      console.log(
        `\nreceipt statuses (ours, measured rounds): ${JSON.stringify(statuses)}; plain SQL paid ${plainPaid} of ${receiptsPerSide}`,
      );
      console.log(
        `inside ledger.batch: ours ${msPerBatch(oursReal).toFixed(1)} ms per call (${((oursReal.batchSecs / receiptClients / (receiptsPerSide / median(rates[0]))) * 100).toFixed(0)} % of the clients' time), ` +
          `signatures skipped ${msPerBatch(oursNoCrypto).toFixed(1)} ms per call; as a rate (${receiptClients} clients × ${BATCH} / time per call): ${fmt(inBatchRate(oursReal))}/s and ${fmt(inBatchRate(oursNoCrypto))}/s`,
      );
      console.log(`goal ≥ 10,000 receipts/s end to end: ${goal} (${fmt(median(rates[0]))}/s)`);
      results.receipts = {
        sessionsPerSide: nSessions,
        peers: nPeers,
        clients: receiptClients,
        batch: BATCH,
        receiptsPerSlice: sliceBatches * BATCH,
        ours: rates[0],
        oursSignaturesSkipped: rates[2],
        plainSql: rates[1],
        ratio: perRound(0),
        ratioSignaturesSkipped: perRound(2),
        cpuMicrosPerReceipt: { ours: cpu[0], plainSql: cpu[1], oursSignaturesSkipped: cpu[2] },
        insideLedgerBatchMsPerCall: { ours: msPerBatch(oursReal), oursSignaturesSkipped: msPerBatch(oursNoCrypto) },
        insideLedgerBatchRate: { ours: inBatchRate(oursReal), oursSignaturesSkipped: inBatchRate(oursNoCrypto) },
        statuses,
        plainPaid,
      };
    }

    if (only.includes('transfers')) {
      // ---- transfers ----
      const t0 = now();
      const wallets: string[] = [];
      const indexes = Array.from({ length: nWallets }, (_, i) => i);
      await concurrently(indexes, 8, async (i) => {
        const a = await ledger.openAccount(AccountKind.USER_WALLET, randomUUID());
        await ledger.mint(a.id, 1_000_000_000n, `bench:wallet:${i}`);
        wallets[i] = a.id;
      });
      console.log(`\nsetup: ${nWallets} wallets in ${(now() - t0).toFixed(1)} s`);
      const pairs = (n: number) =>
        Array.from({ length: n }, () => {
          const a = Math.floor(Math.random() * nWallets);
          let b = Math.floor(Math.random() * (nWallets - 1));
          if (b >= a) b++;
          return { from: wallets[a], to: wallets[b], amount: BigInt(1 + Math.floor(Math.random() * 100)) };
        });
      const oursSide: Side = {
        name: 'ours',
        units: sliceTransfers,
        prepare: async () => {
          const items = pairs(sliceTransfers);
          return async () => {
            await concurrently(items, transferClients, async (t) => {
              await ledger.transfer(t.from, t.to, t.amount, `bench:t:${randomUUID()}`);
            });
          };
        },
      };
      const plainSide: Side = {
        name: 'plain SQL',
        units: sliceTransfers,
        prepare: async () => {
          const items = pairs(sliceTransfers);
          return async () => {
            await concurrently(items, transferClients, async (t) => {
              const c = await pool!.connect();
              try {
                await c.query('BEGIN');
                try {
                  const ids = [t.from, t.to].sort();
                  const { rows } = await c.query(
                    `SELECT id, balance FROM ledger_accounts WHERE id = ANY($1::varchar[]) ORDER BY id FOR UPDATE`,
                    [ids],
                  );
                  const bal = new Map<string, bigint>(rows.map((r) => [r.id as string, BigInt(r.balance)]));
                  if (bal.get(t.from)! < t.amount) throw new Error('insufficient funds');
                  const entryId = randomUUID();
                  const key = `bench:p:${randomUUID()}`;
                  await c.query(
                    `INSERT INTO ledger_entries (id, kind, idempotency_key, payload_hash, memo, created_at) VALUES ($1, 'TRANSFER', $2, $3, NULL, $4)`,
                    [entryId, key, createHash('sha256').update(`${t.from}|${t.to}|${t.amount}`).digest('hex'), new Date()],
                  );
                  await c.query(`INSERT INTO ledger_postings (entry_id, account_id, amount) VALUES ($1, $2, $3), ($1, $4, $5)`, [
                    entryId,
                    t.from,
                    (-t.amount).toString(),
                    t.to,
                    t.amount.toString(),
                  ]);
                  await c.query(`UPDATE ledger_accounts SET balance = $1 WHERE id = $2`, [
                    (bal.get(t.from)! - t.amount).toString(),
                    t.from,
                  ]);
                  await c.query(`UPDATE ledger_accounts SET balance = $1 WHERE id = $2`, [(bal.get(t.to)! + t.amount).toString(), t.to]);
                  await c.query('COMMIT');
                } catch (err) {
                  await c.query('ROLLBACK');
                  throw err;
                }
              } finally {
                c.release();
              }
            });
          };
        },
      };
      // Warm-up: one slice each.
      for (const s of [oursSide, plainSide]) await (await s.prepare())();
      const { rates, cpu } = await alternate([oursSide, plainSide], rounds, slices, 'transfers');
      const perRound = rates[0].map((x, r) => x / rates[1][r]);
      table.push(
        `| transfers (${transferClients} clients, ${nWallets} wallets, pool ${poolSize}) | ${fmt(median(rates[0]))} | ${fmt(median(rates[1]))} | **${pct(perRound)}** (rounds: ${perRound.map((x) => (x * 100).toFixed(0)).join(', ')}) |`,
      );
      ratios.push(`transfers ours/plain ${pct(perRound)}`);
      results.transfers = {
        wallets: nWallets,
        clients: transferClients,
        perSlice: sliceTransfers,
        ours: rates[0],
        plainSql: rates[1],
        ratio: perRound,
        cpuMicrosPerTransfer: { ours: cpu[0], plainSql: cpu[1] },
      };
    }

    // Both sides wrote into one ledger: it must still add up.
    const t0 = now();
    const audit = await ledger.audit();
    const clean =
      audit.unbalancedEntries.length + audit.balanceMismatches.length + audit.negativeGuarded.length + audit.overpaidHolds.length === 0 &&
      audit.sumOfBalances === 0n;
    console.log(
      `\nledger audit after the run (${(now() - t0).toFixed(1)} s): ${clean ? 'clean' : `NOT CLEAN ${JSON.stringify(audit, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`}`,
    );

    if (sqlTrace.size > 0) {
      console.log('\nours, SQL time by statement (wall time per statement, summed over concurrent clients):');
      for (const [k, e] of [...sqlTrace].sort((a, b) => b[1].secs - a[1].secs).slice(0, 25))
        console.log(`  ${e.secs.toFixed(2)} s  ${e.n}×  ${((e.secs / e.n) * 1000).toFixed(2)} ms  ${k}`);
    }
    console.log('');
    console.log('| what | ours /s | plain SQL /s | ours / plain SQL (median of per-round ratios) |');
    console.log('| --- | --- | --- | --- |');
    for (const line of table) console.log(line);
    console.log(`\nratios: ${ratios.join('; ')}`);
    const out = resolve(process.cwd(), 'bench/results');
    await mkdir(out, { recursive: true });
    await writeFile(
      join(out, 'ledger.json'),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          cores: cpus().length,
          cpu: cpus()[0]?.model,
          node: process.version,
          postgres: pgVersion,
          synchronousCommit: syncCommit,
          pool: poolSize,
          loadavg: { start: startLoad, end: loadavg() },
          rounds,
          slices,
          auditClean: clean,
          ...results,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; written: bench/results/ledger.json`,
    );
  } finally {
    await dropAll();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
