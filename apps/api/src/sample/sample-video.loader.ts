import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectTranscodeQueue, TranscodeQueue, VideosService } from '@wetube/catalog';
import { StorageRepository } from '@wetube/content';
import { UsersService } from '@wetube/identity';
import { MediaRepository } from '@wetube/media';
import { AppConfig } from '@wetube/platform';

export const SAMPLE_EMAIL = 'demo@wetube.local';

/**
 * The sample-data loader (not a seeder: "seeder" is the peer node, apps/seeder). Embedded default
 * only (SEED_SAMPLE=true): on a platform with no videos, renders a short sample
 * clip and ingests it through the normal pipeline, so a new install has something to watch.
 */
@Injectable()
export class SampleVideoLoader implements OnApplicationBootstrap {
  private readonly log = new Logger('Sample');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly videos: VideosService,
    private readonly storage: StorageRepository,
    private readonly media: MediaRepository,
    @InjectTranscodeQueue() private readonly queue: TranscodeQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadSampleVideo) return;
    const page = await this.videos.listPublic(1, null);
    if (page.totalCount > 0) return;
    const owner = await this.demoUser();
    if ((await this.videos.listByOwner(owner.id, 1, null)).totalCount > 0) return;
    await this.storage.ensureLayout();
    const uploadId = `sample${randomBytes(8).toString('hex')}`;
    const path = this.storage.uploadPath(uploadId);
    this.log.log('rendering the sample video…');
    await this.media.renderTestPattern(path, { durationSec: 20, width: 1280, height: 720 });
    const video = await this.videos.createFromUpload({
      ownerId: owner.id,
      uploadId,
      title: 'Welcome to WeTube',
      sourceName: 'welcome.mp4',
      sourceBytes: await this.storage.size(path),
    });
    await this.videos.updateMetadata(video.id, {
      description: 'A sample clip made at install time, transcoded by the same pipeline as every upload.',
      tags: ['sample', 'welcome'],
    });
    await this.queue.add(video.id, { videoId: video.id });
    this.log.log(`sample video ${video.id} queued`);
  }

  private async demoUser() {
    const result = await this.users.register({
      email: SAMPLE_EMAIL,
      password: process.env.SAMPLE_PASSWORD ?? randomBytes(12).toString('base64url'),
      displayName: 'WeTube Demo',
    });
    if (result.ok) return result.user;
    const existing = await this.users.findByEmail(SAMPLE_EMAIL);
    if (!existing) throw new Error(`cannot create the demo account: ${result.errors.map((e) => e.message).join(' ')}`);
    return existing;
  }
}
