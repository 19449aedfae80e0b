import { Injectable } from '@nestjs/common';
import { PlaybackSessionHooks, PlaybackSessionTerms, StartedPlaybackSession } from '@wetube/catalog';
import { PaymentSessionsService } from './payment-sessions.service';

/** Catalog's playback sessions, as payments attaches money to them. */
@Injectable()
export class PaymentPlaybackHooks extends PlaybackSessionHooks {
  constructor(private readonly sessions: PaymentSessionsService) {
    super();
  }

  async sessionStarted(s: StartedPlaybackSession): Promise<PlaybackSessionTerms> {
    const opened = await this.sessions.open(s);
    return { adFree: opened.adFree, bandwidthBudget: opened.budget };
  }
}
