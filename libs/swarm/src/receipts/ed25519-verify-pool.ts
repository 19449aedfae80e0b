/**
 * Ed25519 verification on worker threads (server only): redeeming receipts checks hundreds of
 * signatures per call, ~120 µs each; on the event loop that blocks every other request and leaves
 * the other cores idle. Small batches are checked inline (a round trip to a worker costs more).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES } from './ed25519';
import { NodeEd25519Verifier } from './node-ed25519';

export interface VerifyItem {
  message: Uint8Array;
  signature: Uint8Array;
  publicKey: Uint8Array;
}

// The worker: packed items in, one byte per item out (1 = valid). Public keys are imported once (LRU).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map();
function keyFor(raw) {
  const id = raw.toString('base64');
  let k = keys.get(id);
  if (k) { keys.delete(id); keys.set(id, k); return k; }
  k = createPublicKey({ key: Buffer.concat([SPKI, raw]), format: 'der', type: 'spki' });
  keys.set(id, k);
  if (keys.size > 20000) keys.delete(keys.keys().next().value);
  return k;
}
parentPort.on('message', ({ id, buf, count }) => {
  const b = Buffer.from(buf);
  const out = new Uint8Array(count);
  let o = 0;
  for (let i = 0; i < count; i++) {
    const len = b.readUInt32BE(o); o += 4;
    const msg = b.subarray(o, o + len); o += len;
    const sig = b.subarray(o, o + 64); o += 64;
    const key = b.subarray(o, o + 32); o += 32;
    try { out[i] = verify(null, msg, keyFor(key), sig) ? 1 : 0; } catch { out[i] = 0; }
  }
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

const INLINE_BELOW = 16;

export class Ed25519VerifyPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { worker: Worker; resolve: (out: Uint8Array) => void; reject: (err: Error) => void }>();
  private readonly inline = new NodeEd25519Verifier();
  private nextId = 0;
  private next = 0;

  /** @param size worker threads (default: the cores but one, at least 1, at most 4). */
  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism() - 1))) {}

  private ensureWorkers(): void {
    if (this.workers.length > 0) return;
    for (let i = 0; i < this.size; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.on('message', ({ id, out }: { id: number; out: Uint8Array }) => {
        const job = this.waiting.get(id);
        this.waiting.delete(id);
        this.idleUnlessBusy(w);
        job?.resolve(out);
      });
      // A dead worker fails what it had (the caller retries); the pool starts fresh next time.
      const fail = (err: Error) => {
        for (const [id, job] of this.waiting) {
          if (job.worker !== w) continue;
          job.reject(new Error(`signature worker failed: ${err.message}`));
          this.waiting.delete(id);
        }
        const at = this.workers.indexOf(w);
        if (at >= 0) this.workers.splice(at, 1);
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`exited with ${code}`)));
      // Unref'd after the listeners are added (adding a 'message' listener refs the worker's port
      // again): an idle pool never keeps the process alive; a worker is ref'd while it has a job.
      w.unref();
      this.workers.push(w);
    }
  }

  /** Lets the process exit while `w` has no job in flight. */
  private idleUnlessBusy(w: Worker): void {
    for (const job of this.waiting.values()) if (job.worker === w) return;
    w.unref();
  }

  /** Checks every item; never throws for bad input (false instead). Results in input order. */
  async verifyMany(items: VerifyItem[]): Promise<boolean[]> {
    const ok = items.map((it) => it.signature?.length === ED25519_SIGNATURE_BYTES && it.publicKey?.length === ED25519_PUBLIC_KEY_BYTES);
    const todo = items.map((_, i) => i).filter((i) => ok[i]);
    if (todo.length < INLINE_BELOW) {
      for (const i of todo) ok[i] = this.inline.verifySync(items[i].message, items[i].signature, items[i].publicKey);
      return ok;
    }
    this.ensureWorkers();
    const parts = Math.min(this.workers.length, Math.ceil(todo.length / INLINE_BELOW));
    const per = Math.ceil(todo.length / parts);
    await Promise.all(
      Array.from({ length: parts }, async (_, p) => {
        const idx = todo.slice(p * per, (p + 1) * per);
        const size = idx.reduce((s, i) => s + 4 + items[i].message.length + 64 + 32, 0);
        const buf = Buffer.allocUnsafe(size);
        let o = 0;
        for (const i of idx) {
          const { message, signature, publicKey } = items[i];
          o = buf.writeUInt32BE(message.length, o);
          buf.set(message, o);
          o += message.length;
          buf.set(signature, o);
          o += 64;
          buf.set(publicKey, o);
          o += 32;
        }
        const id = ++this.nextId;
        const worker = this.workers[this.next++ % this.workers.length];
        const out = await new Promise<Uint8Array>((resolve, reject) => {
          this.waiting.set(id, { worker, resolve, reject });
          worker.ref(); // until its answer comes (idleUnlessBusy)
          const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
          worker.postMessage({ id, buf: ab, count: idx.length }, [ab as ArrayBuffer]);
        });
        idx.forEach((i, k) => (ok[i] = out[k] === 1));
      }),
    );
    return ok;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
