import { EventEmitter } from 'node:events';
import { JobCounts, JobHandler, JobQueue, JobQueueEvents, JobQueueOptions } from './job-queue';

interface Pending<T> {
  id: string;
  data: T;
  attempt: number;
}

/**
 * The embedded queue: jobs live in this process's memory. Durability comes from the caller, which
 * re-adds unfinished work at start (the database says what is unfinished).
 */
export class InProcessQueue<T> implements JobQueue<T> {
  readonly kind = 'in-process' as const;
  private readonly events = new EventEmitter();
  private readonly waiting: Pending<T>[] = [];
  private readonly active = new Map<string, AbortController>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private handler?: JobHandler<T>;
  private concurrency = 1;
  private failedCount = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly options: JobQueueOptions,
  ) {
    this.events.setMaxListeners(0);
  }

  async add(jobId: string, data: T): Promise<void> {
    if (this.closed) throw new Error(`queue ${this.name} is closed`);
    if (this.isKnown(jobId)) return;
    this.waiting.push({ id: jobId, data, attempt: 1 });
    this.pump();
  }

  async process(handler: JobHandler<T>, options: { concurrency: number }): Promise<void> {
    this.handler = handler;
    this.concurrency = Math.max(1, options.concurrency);
    this.pump();
  }

  on<E extends keyof JobQueueEvents>(event: E, listener: JobQueueEvents[E]): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  async counts(): Promise<JobCounts> {
    return { waiting: this.waiting.length + this.delayed.size, active: this.active.size, failed: this.failedCount };
  }

  /** Resolves when nothing is waiting, delayed or running. */
  async drained(): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops: running jobs are aborted (they run again at the next start), nothing new starts. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.delayed.values()) clearTimeout(t);
    this.delayed.clear();
    this.waiting.length = 0;
    for (const controller of this.active.values()) controller.abort();
    const deadline = Date.now() + 10_000;
    while (this.active.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  private isKnown(id: string): boolean {
    return this.active.has(id) || this.delayed.has(id) || this.waiting.some((j) => j.id === id);
  }

  private isIdle(): boolean {
    return this.waiting.length === 0 && this.active.size === 0 && this.delayed.size === 0;
  }

  private pump(): void {
    if (!this.handler || this.closed) return;
    while (this.active.size < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      const controller = new AbortController();
      this.active.set(job.id, controller);
      void this.run(job, controller.signal);
    }
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  private async run(job: Pending<T>, signal: AbortSignal): Promise<void> {
    const handler = this.handler!;
    try {
      await handler({
        id: job.id,
        data: job.data,
        attempt: job.attempt,
        maxAttempts: this.options.attempts,
        signal,
        updateProgress: async (percent) => {
          this.events.emit('progress', job.id, percent);
        },
      });
      this.active.delete(job.id);
      this.events.emit('completed', job.id);
    } catch (err) {
      this.active.delete(job.id);
      const reason = err instanceof Error ? err.message : String(err);
      const final = job.attempt >= this.options.attempts || this.closed;
      if (final) this.failedCount++;
      this.events.emit('failed', job.id, reason, final);
      if (!final) {
        const delay = this.options.backoffMs * 2 ** (job.attempt - 1);
        const timer = setTimeout(() => {
          this.delayed.delete(job.id);
          this.waiting.push({ ...job, attempt: job.attempt + 1 });
          this.pump();
        }, delay);
        timer.unref();
        this.delayed.set(job.id, timer);
      }
    }
    this.pump();
  }
}
