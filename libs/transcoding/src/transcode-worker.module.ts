import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@wetube/catalog';
import { MediaModule } from '@wetube/media';
import { TorrentBuilder } from '@wetube/swarm';
import { SwarmPublisher } from './swarm.publisher';
import { TranscodeJobHandler } from './transcode-job.handler';
import { TranscodeWorker } from './transcode.worker';

/** A transcode worker: in the api process (embedded default) or in transcoder/ processes. */
@Module({
  imports: [CatalogCoreModule, MediaModule],
  providers: [TranscodeJobHandler, TranscodeWorker, SwarmPublisher, TorrentBuilder],
  exports: [TranscodeJobHandler],
})
export class TranscodeWorkerModule {}
