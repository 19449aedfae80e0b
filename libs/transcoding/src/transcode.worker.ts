import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectTranscodeQueue, TranscodeQueue, VideosService } from '@wetube/catalog';
import { join } from 'node:path';
import { StorageRepository } from '@wetube/content';
import { MediaRepository } from '@wetube/media';
import { AppConfig } from '@wetube/platform';
import { TranscodeJobHandler } from './transcode-job.handler';

/**
 * Starts consuming transcode jobs in this process. Before the first job it clears what a killed
 * predecessor on this host left (its still-running encoders, then its temp folders) and re-queues
 * every video the database says is unfinished, so a crash mid-job ends in a completed video, not a
 * half one.
 */
@Injectable()
export class TranscodeWorker implements OnApplicationBootstrap {
  private readonly log = new Logger('TranscodeWorker');

  constructor(
    private readonly config: AppConfig,
    private readonly storage: StorageRepository,
    private readonly media: MediaRepository,
    private readonly videos: VideosService,
    private readonly handler: TranscodeJobHandler,
    @InjectTranscodeQueue() private readonly queue: TranscodeQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.storage.ensureLayout();
    // Encoders a killed predecessor on this host left running die before their folders go.
    const orphans = await this.media.endOrphanEncoders(join(this.storage.root, 'tmp'));
    if (orphans.length) {
      this.log.warn(
        `ended ${orphans.length} leftover encoder(s) of dead runs: ${orphans.map((o) => `ffmpeg ${o.pid} of worker ${o.ownerPid}`).join(', ')}`,
      );
    }
    const swept = await this.storage.sweepDeadTempDirs();
    if (swept.length) this.log.warn(`removed ${swept.length} unfinished transcode folder(s) of a previous run`);
    const unfinished = await this.videos.findUnfinished();
    for (const v of unfinished) await this.queue.add(v.id, { videoId: v.id });
    if (unfinished.length) this.log.log(`re-queued ${unfinished.length} unfinished video(s)`);
    await this.queue.process((job) => this.handler.handle(job), { concurrency: this.config.transcodeConcurrency });
    this.log.log(`consuming transcode jobs (${this.queue.kind}, concurrency ${this.config.transcodeConcurrency})`);
  }
}
