/**
 * Receipts benchmark: our receipts library against Node's bare Ed25519 (crypto.sign/crypto.verify
 * with algorithm null and a cached KeyObject) on messages of the same length, same run, same process.
 *   sign    ours: signReceipt(receipt, NodeEd25519Signer)          (encode + sign, async)
 *           bare: crypto.sign(null, <same-length bytes>, privateKey)
 *   verify  ours: verifyReceipt(receipt, signature, rawKey, NodeEd25519Verifier)   (encode + verify)
 *           bare: crypto.verify(null, <same-length bytes>, publicKey, signature)
 *   accept  ours: ReceiptBook.accept(wire bytes) of successive receipts of one session: decode,
 *                 certificate check (origin signature), order checks, receipt signature, keep
 *           bare: the two verifications that path cannot avoid (certificate, receipt), same lengths
 *   accept, new session each time: as above, but every receipt is the first of a new session (new
 *                 certificate, new session key to import): a seeder's worst case
 *           bare: the same two bare verifications, public keys imported per call
 * Each measurement runs a fixed number of operations one after another (awaiting each of ours),
 * split into slices that alternate ours and bare (20 per round by default), so both see the same
 * machine. Prints ops/s (median over rounds) and ours/bare (median of the per-round ratios); writes
 * bench/results/receipts.json.
 * Run: node dist/bench/receipts.bench.js [--rounds 5] [--scale 1] [--slices 20]
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
  encodeReceipt,
  encodeReceiptMessage,
  encodeSessionCert,
  NodeEd25519Signer,
  NodeEd25519Verifier,
  RECEIPT_DOMAIN,
  type Receipt,
  ReceiptBook,
  SESSION_CERT_DOMAIN,
  signReceipt,
  signSessionCert,
  type SignedSessionCert,
  verifyReceipt,
} from '@wetube/swarm';
import { arg, median } from './support/cli';

/** Seconds for sequential runs of `op` with indexes from..to-1. */
async function time(from: number, to: number, op: (i: number) => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = from; i < to; i++) await op(i);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * Ours and bare interleaved in `slices` alternating slices (ours first in even slices), so both see
 * the same machine (the load of other processes drifts slower than a slice). Seconds for each side.
 */
async function interleaved(
  n: number,
  slices: number,
  ours: (i: number) => unknown,
  bare: (i: number) => unknown,
): Promise<{ ours: number; bare: number }> {
  let o = 0;
  let b = 0;
  for (let k = 0; k < slices; k++) {
    const from = Math.floor((n * k) / slices);
    const to = Math.floor((n * (k + 1)) / slices);
    if (k % 2 === 0) {
      o += await time(from, to, ours);
      b += await time(from, to, bare);
    } else {
      b += await time(from, to, bare);
      o += await time(from, to, ours);
    }
  }
  return { ours: o, bare: b };
}

interface Pair {
  name: string;
  n: number;
  /** Builds fresh inputs for one round (outside the timing); returns the two timed ops. */
  prepare: (n: number) => Promise<{ ours: (i: number) => unknown; bare: (i: number) => unknown }>;
}

async function main() {
  const rounds = Number(arg('rounds', '5'));
  const scale = Number(arg('scale', '1'));
  const slices = Number(arg('slices', '20'));
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const origin = NodeEd25519Signer.generate();
  const peerId = Buffer.from(NodeEd25519Signer.generate().publicKey).toString('base64url');
  const verifier = new NodeEd25519Verifier();
  const expiresAt = Date.now() + 24 * 3_600_000;
  const receiptOf = (sessionId: string, seq: number): Receipt => ({
    domain: RECEIPT_DOMAIN,
    sessionId,
    peerId,
    seq,
    lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
    cumulativeSegments: seq,
    cumulativeBytes: seq * 524_288,
  });
  const newSession = async (sessionId: string) => {
    const key = NodeEd25519Signer.generate();
    const cert = await signSessionCert(
      {
        domain: SESSION_CERT_DOMAIN,
        sessionId,
        videoId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        sessionPublicKey: key.publicKey,
        viewerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        expiresAt,
      },
      origin,
    );
    return { key, cert };
  };
  const messageOf = async (s: { key: NodeEd25519Signer; cert: SignedSessionCert }, r: Receipt) =>
    encodeReceiptMessage({ cert: s.cert, receipt: r, signature: await signReceipt(r, s.key) });

  // Representative sizes: a UUID session id, as the api issues them.
  const sample = receiptOf('f1b6a170-5c40-44af-b174-3ddb324644e7', 1234);
  const receiptLength = encodeReceipt(sample).length;
  const sampleSession = await newSession(sample.sessionId);
  const certLength = encodeSessionCert(sampleSession.cert.cert).length;
  const messageLength = (await messageOf(sampleSession, sample)).length;
  console.log(
    `sizes: receipt ${receiptLength} B, session certificate ${certLength} B, wire message (wt_receipt payload) ${messageLength} B`,
  );

  // Bare Node: one key pair, KeyObjects made once (cached), messages of the same lengths.
  const bareKeys = generateKeyPairSync('ed25519');
  const bareOrigin = generateKeyPairSync('ed25519');
  const bareReceipt = randomBytes(receiptLength);
  const bareCert = randomBytes(certLength);
  const bareReceiptSig = sign(null, bareReceipt, bareKeys.privateKey);
  const bareCertSig = sign(null, bareCert, bareOrigin.privateKey);
  const rawOf = (k: KeyObject) => {
    const der = k.export({ format: 'der', type: 'spki' });
    return new Uint8Array(der.subarray(der.length - 32));
  };
  const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
  const bareImport = (raw: Uint8Array) => createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
  const bareRawSession = rawOf(bareKeys.publicKey);
  if (!verify(null, bareReceipt, bareKeys.publicKey, bareReceiptSig)) throw new Error('bare baseline does not verify');

  const signer = NodeEd25519Signer.generate();
  const pairs: Pair[] = [
    {
      name: 'sign',
      n: Math.round(20_000 * scale),
      prepare: async () => ({
        ours: () => signReceipt(sample, signer),
        bare: () => sign(null, bareReceipt, bareKeys.privateKey),
      }),
    },
    {
      name: 'verify',
      n: Math.round(8_000 * scale),
      prepare: async () => {
        const sig = await signReceipt(sample, signer);
        return {
          ours: async () => {
            if (!(await verifyReceipt(sample, sig, signer.publicKey, verifier))) throw new Error('ours: does not verify');
          },
          bare: () => {
            if (!verify(null, bareReceipt, bareKeys.publicKey, bareReceiptSig)) throw new Error('bare: does not verify');
          },
        };
      },
    },
    {
      name: 'ReceiptBook.accept (one session, successive receipts)',
      n: Math.round(4_000 * scale),
      prepare: async (n) => {
        const book = new ReceiptBook({ peerId, originPublicKey: origin.publicKey, verifier });
        const s = await newSession(sample.sessionId);
        const messages: Uint8Array[] = [];
        for (let i = 0; i < n; i++) messages.push(await messageOf(s, receiptOf(sample.sessionId, i + 1)));
        return {
          ours: async (i) => {
            const d = await book.accept(messages[i]);
            if (!d.accepted) throw new Error(`ours: refused ${d.reason}`);
          },
          bare: () => {
            if (
              !verify(null, bareCert, bareOrigin.publicKey, bareCertSig) ||
              !verify(null, bareReceipt, bareKeys.publicKey, bareReceiptSig)
            )
              throw new Error('bare: does not verify');
          },
        };
      },
    },
    {
      name: 'ReceiptBook.accept (each the first of a new session)',
      n: Math.round(2_000 * scale),
      prepare: async (n) => {
        const book = new ReceiptBook({ peerId, originPublicKey: origin.publicKey, verifier: new NodeEd25519Verifier() });
        const messages: Uint8Array[] = [];
        for (let i = 0; i < n; i++) {
          const id = `${String(i).padStart(8, '0')}-5c40-44af-b174-3ddb324644e7`;
          messages.push(await messageOf(await newSession(id), receiptOf(id, 1234)));
        }
        return {
          ours: async (i) => {
            const d = await book.accept(messages[i]);
            if (!d.accepted) throw new Error(`ours: refused ${d.reason}`);
          },
          // the origin key stays cached; the new session's key is imported per call, as it must be
          bare: () => {
            if (
              !verify(null, bareCert, bareOrigin.publicKey, bareCertSig) ||
              !verify(null, bareReceipt, bareImport(bareRawSession), bareReceiptSig)
            ) {
              throw new Error('bare: does not verify');
            }
          },
        };
      },
    },
  ];

  // Warm-up (JIT, key caches): a tenth of a round of everything.
  for (const p of pairs) {
    const n = Math.max(50, Math.round(p.n / 10));
    const ops = await p.prepare(n);
    await interleaved(n, 2, ops.ours, ops.bare);
  }

  const results: Array<{ name: string; n: number; ours: number[]; bare: number[]; ratio: number[] }> = pairs.map((p) => ({
    name: p.name,
    n: p.n,
    ours: [],
    bare: [],
    ratio: [],
  }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, p] of pairs.entries()) {
      const ops = await p.prepare(p.n);
      // odd rounds start with bare
      const t =
        round % 2 === 0
          ? await interleaved(p.n, slices, ops.ours, ops.bare)
          : await interleaved(p.n, slices, ops.bare, ops.ours).then((x) => ({ ours: x.bare, bare: x.ours }));
      const oursSec = t.ours;
      const bareSec = t.bare;
      const r = results[i];
      r.ours.push(p.n / oursSec);
      r.bare.push(p.n / bareSec);
      r.ratio.push(p.n / oursSec / (p.n / bareSec));
    }
    console.log(
      `round ${round + 1}/${rounds}: ${results.map((r) => `${r.name.split(' ')[0]} ${Math.round(r.ours.at(-1)!)}/${Math.round(r.bare.at(-1)!)}`).join(', ')}`,
    );
  }

  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log('');
  console.log('| operation | ops per round | ours ops/s | bare Node ops/s | ours / bare |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.n} | ${fmt(median(r.ours))} | ${fmt(median(r.bare))} | ${(median(r.ratio) * 100).toFixed(0)} % (rounds: ${r.ratio.map((x) => (x * 100).toFixed(0)).join(', ')}) |`,
    );
  }
  const out = resolve(process.cwd(), 'bench/results');
  await mkdir(out, { recursive: true });
  await writeFile(
    join(out, 'receipts.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        cores: cpus().length,
        node: process.version,
        loadavg: loadavg(),
        rounds,
        slices,
        sizes: { receiptLength, certLength, messageLength },
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; written: bench/results/receipts.json`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
