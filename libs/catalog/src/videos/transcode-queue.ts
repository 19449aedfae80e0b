import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { AppConfig, createJobQueue, JobQueue } from '@wetube/platform';

export interface TranscodeJob {
  videoId: string;
}

export const TRANSCODE_QUEUE = Symbol('TRANSCODE_QUEUE');
export const InjectTranscodeQueue = () => Inject(TRANSCODE_QUEUE);
export type TranscodeQueue = JobQueue<TranscodeJob>;

/** The transcode job queue: in-process by default, BullMQ on Redis when REDIS_URL is set. */
export const transcodeQueueProvider: Provider = {
  provide: TRANSCODE_QUEUE,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => createJobQueue<TranscodeJob>('transcode', config),
};

/** Closes the queue (and its Redis connections) when the app stops. */
@Injectable()
export class TranscodeQueueCloser implements OnApplicationShutdown {
  constructor(@InjectTranscodeQueue() private readonly queue: TranscodeQueue) {}
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
