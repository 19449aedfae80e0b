import { Injectable } from '@nestjs/common';
import { type PlaybackProgress, PlaybackProgressHooks } from '@wetube/catalog';
import { ViewsService } from './views.service';

/** The playback session's heartbeats (payments records them), as engagement counts views from them. */
@Injectable()
export class ViewCountingHooks extends PlaybackProgressHooks {
  constructor(private readonly views: ViewsService) {
    super();
  }

  async progressed(progress: PlaybackProgress): Promise<void> {
    await this.views.recordWatch(progress);
  }
}
