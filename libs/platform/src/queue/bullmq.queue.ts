import { EventEmitter } from 'node:events';
import { Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { JobCounts, JobHandler, JobQueue, JobQueueEvents, JobQueueOptions } from './job-queue';

/**
 * The scaled-out queue: BullMQ on Redis. Any number of worker processes on any number of machines
 * consume it; a worker killed mid-job loses its lock and the job is picked up again (stalled-job
 * recovery), which is why handlers must be idempotent.
 */
export class BullMqQueue<T> implements JobQueue<T> {
  readonly kind = 'bullmq' as const;
  private readonly emitter = new EventEmitter();
  private readonly queue: Queue;
  private queueEvents?: QueueEvents;
  private worker?: Worker;
  private readonly connections: IORedis[] = [];
  private readonly running = new Set<AbortController>();

  constructor(
    readonly name: string,
    private readonly redisUrl: string,
    private readonly options: JobQueueOptions & { lockDurationMs?: number; prefix?: string },
  ) {
    this.emitter.setMaxListeners(0);
    this.queue = new Queue(name, {
      connection: this.connect(),
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs },
        removeOnComplete: { age: 24 * 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
  }

  /**
   * Queues a job unless one with this id is waiting or running. A finished job with the same id
   * (completed, or failed for good — e.g. stalled too often) is removed first: the caller asks
   * again because the work is still undone.
   */
  async add(jobId: string, data: T): Promise<void> {
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed') await existing.remove().catch(() => undefined);
    }
    await this.queue.add(this.name, data, { jobId });
  }

  async process(handler: JobHandler<T>, options: { concurrency: number }): Promise<void> {
    const lockDuration = this.options.lockDurationMs ?? 15_000;
    this.worker = new Worker(
      this.name,
      async (job) => {
        const controller = new AbortController();
        this.running.add(controller);
        try {
          await handler({
            id: job.id!,
            data: job.data as T,
            attempt: job.attemptsMade + 1,
            maxAttempts: job.opts.attempts ?? this.options.attempts,
            signal: controller.signal,
            updateProgress: (percent) => job.updateProgress(percent),
          });
        } finally {
          this.running.delete(controller);
        }
      },
      {
        connection: this.connect(),
        prefix: this.options.prefix,
        concurrency: options.concurrency,
        lockDuration,
        stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
        maxStalledCount: this.options.attempts,
      },
    );
    this.worker.on('error', (err) => this.emitter.emit('error', err));
    await this.worker.waitUntilReady();
  }

  on<E extends keyof JobQueueEvents>(event: E, listener: JobQueueEvents[E]): () => void {
    this.ensureEvents();
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  async counts(): Promise<JobCounts> {
    const c = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized');
    return { waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, failed: c.failed ?? 0 };
  }

  /**
   * Stops: running jobs are aborted and left to BullMQ's stalled-job recovery (their lock lapses and
   * another worker, or this one after a restart, runs them again).
   */
  async close(): Promise<void> {
    this.running.forEach((c) => c.abort());
    await this.worker?.close(true);
    await this.queueEvents?.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  /** Test and admin helper: removes every job of this queue. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  private ensureEvents(): void {
    if (this.queueEvents) return;
    const events = new QueueEvents(this.name, { connection: this.connect(), prefix: this.options.prefix });
    events.on('progress', ({ jobId, data }) => this.emitter.emit('progress', jobId, Number(data)));
    events.on('completed', ({ jobId }) => this.emitter.emit('completed', jobId));
    events.on('failed', ({ jobId, failedReason }) => this.emitter.emit('failed', jobId, failedReason, true));
    events.on('error', (err) => this.emitter.emit('error', err));
    this.queueEvents = events;
  }

  private connect(): IORedis {
    const conn = new IORedis(this.redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true });
    conn.on('error', () => undefined); // surfaced through the queue's own errors
    this.connections.push(conn);
    return conn;
  }
}
