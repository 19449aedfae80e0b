import { Controller, Get, Inject } from '@nestjs/common';
import { InjectTranscodeQueue, TranscodeQueue } from '@wetube/catalog';
import { DataSource } from 'typeorm';

/** Liveness and readiness: the database answers and the queue is reachable. */
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @InjectTranscodeQueue() private readonly queue: TranscodeQueue,
  ) {}

  @Get()
  async health() {
    await this.db.query('SELECT 1');
    const jobs = await this.queue.counts();
    return { status: 'ok', database: this.db.options.type, queue: this.queue.kind, jobs };
  }
}
