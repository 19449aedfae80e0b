import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { BullMqQueue } from './bullmq.queue';
import { InProcessQueue } from './in-process.queue';
import { JobQueue } from './job-queue';

type Make = () => JobQueue<{ n: number }>;

const kinds: [string, Make][] = [['in-process', () => new InProcessQueue('t', { attempts: 3, backoffMs: 10 })]];
if (process.env.REDIS_URL) {
  kinds.push([
    'bullmq',
    () => new BullMqQueue('t', process.env.REDIS_URL!, { attempts: 3, backoffMs: 10, prefix: `qt${randomBytes(4).toString('hex')}` }),
  ]);
}

function waitFor<T>(register: (done: (v: T) => void) => void, ms = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out')), ms);
    register((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

for (const [kind, make] of kinds) {
  describe(`${kind} job queue`, () => {
    const open: JobQueue<{ n: number }>[] = [];
    const fresh = () => {
      const q = make();
      open.push(q);
      return q;
    };
    after(async () => {
      for (const q of open) {
        if (q instanceof BullMqQueue) await q.obliterate().catch(() => undefined);
        await q.close();
      }
    });

    it('runs each job id once, reports progress and completion', async () => {
      const q = fresh();
      const runs: number[] = [];
      const progress: number[] = [];
      q.on('progress', (_id, p) => progress.push(p));
      const done = waitFor<string>((d) => q.on('completed', d));
      await q.add('a', { n: 1 });
      await q.add('a', { n: 2 }); // same id: ignored
      await q.process(
        async (job) => {
          runs.push(job.data.n);
          await job.updateProgress(50);
        },
        { concurrency: 1 },
      );
      assert.equal(await done, 'a');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(runs, [1]);
      assert.deepEqual(progress, [50]);
    });

    it('retries a failing job and reports the final failure after the last attempt', async () => {
      const q = fresh();
      const attempts: number[] = [];
      const failed = waitFor<[string, string]>((d) => q.on('failed', (id, reason, final) => final && d([id, reason])));
      await q.process(
        async (job) => {
          attempts.push(job.attempt);
          assert.equal(job.maxAttempts, 3);
          throw new Error(`boom ${job.attempt}`);
        },
        { concurrency: 1 },
      );
      await q.add('b', { n: 1 });
      assert.deepEqual(await failed, ['b', 'boom 3']);
      assert.deepEqual(attempts, [1, 2, 3]);
    });

    it('a job that fails once then succeeds completes', async () => {
      const q = fresh();
      let calls = 0;
      const done = waitFor<string>((d) => q.on('completed', d));
      await q.process(
        async () => {
          if (++calls === 1) throw new Error('flaky');
        },
        { concurrency: 1 },
      );
      await q.add('c', { n: 1 });
      assert.equal(await done, 'c');
      assert.equal(calls, 2);
    });

    it('close() aborts running jobs through their signal', async () => {
      const q = make();
      const started = waitFor<AbortSignal>(
        (d) =>
          void q.process(
            async (job) => {
              d(job.signal);
              await new Promise((r) => job.signal.addEventListener('abort', r));
            },
            { concurrency: 1 },
          ),
      );
      await q.add('d', { n: 1 });
      const signal = await started;
      assert.equal(signal.aborted, false);
      if (q instanceof BullMqQueue) await q.obliterate().catch(() => undefined);
      await q.close();
      assert.equal(signal.aborted, true);
    });
  });
}

if (process.env.REDIS_URL) {
  describe('bullmq job queue re-adds', () => {
    it('runs a job again when its id is added after it completed', async () => {
      const q = new BullMqQueue<{ n: number }>('t', process.env.REDIS_URL!, {
        attempts: 1,
        backoffMs: 10,
        prefix: `qr${randomBytes(4).toString('hex')}`,
      });
      try {
        let runs = 0;
        let done = waitFor<string>((d) => q.on('completed', d));
        await q.process(
          async () => {
            runs++;
          },
          { concurrency: 1 },
        );
        await q.add('x', { n: 1 });
        await done;
        done = waitFor<string>((d) => q.on('completed', d));
        await q.add('x', { n: 2 });
        await done;
        assert.equal(runs, 2);
      } finally {
        await q.obliterate().catch(() => undefined);
        await q.close();
      }
    });
  });
}
