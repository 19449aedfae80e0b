import { AppConfig } from '../config/app-config';
import { BullMqQueue } from './bullmq.queue';
import { InProcessQueue } from './in-process.queue';
import { JobQueue, JobQueueOptions } from './job-queue';

/** BullMQ when REDIS_URL is set, the in-process queue otherwise: same interface either way. */
export function createJobQueue<T>(name: string, config: AppConfig, options: Partial<JobQueueOptions> = {}): JobQueue<T> {
  const opts: JobQueueOptions = { attempts: config.transcodeAttempts, backoffMs: 2000, ...options };
  if (config.redisUrl) return new BullMqQueue<T>(name, config.redisUrl, { ...opts, prefix: config.queuePrefix });
  return new InProcessQueue<T>(name, opts);
}
