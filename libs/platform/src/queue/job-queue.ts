/** What a job handler sees of the job it runs. */
export interface JobContext<T> {
  readonly id: string;
  readonly data: T;
  /** 1 on the first run, 2 on the first retry, ... */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Aborted when this process stops consuming (shutdown): stop work, the job will run again. */
  readonly signal: AbortSignal;
  updateProgress(percent: number): Promise<void>;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

export interface JobQueueEvents {
  progress: (jobId: string, percent: number) => void;
  completed: (jobId: string) => void;
  /** `final` is true when no retry will follow. */
  failed: (jobId: string, reason: string, final: boolean) => void;
}

export interface JobCounts {
  waiting: number;
  active: number;
  failed: number;
}

/**
 * A durable-enough work queue with one interface and two back ends: in-process (embedded default)
 * and BullMQ on Redis (scaled out, many worker processes on many machines). Jobs are keyed by id:
 * adding a job whose id is already queued or running does nothing.
 */
export interface JobQueue<T> {
  readonly name: string;
  readonly kind: 'in-process' | 'bullmq';
  add(jobId: string, data: T): Promise<void>;
  /** Starts consuming jobs in this process. */
  process(handler: JobHandler<T>, options: { concurrency: number }): Promise<void>;
  on<E extends keyof JobQueueEvents>(event: E, listener: JobQueueEvents[E]): () => void;
  counts(): Promise<JobCounts>;
  close(): Promise<void>;
}

export interface JobQueueOptions {
  attempts: number;
  /** First retry delay in ms; doubles on each retry. */
  backoffMs: number;
}
