import { Injectable, Logger } from '@nestjs/common';
import { type PlaybackProgress, PlaybackProgressHooks } from './playback-progress.hooks';
import type { StartedPlaybackSession } from './playback-session.hooks';

/** A lib that wants to hear of playback sessions: their start and each heartbeat's progress. */
export interface PlaybackListener {
  /** After the session started and payments placed its budget (a failure here does not stop playback). */
  sessionStarted?(session: StartedPlaybackSession): Promise<void>;
  /** After each heartbeat that recorded watch time (and the last one, `ended`). */
  progressed?(progress: PlaybackProgress): Promise<void>;
}

/**
 * The fan-out behind PlaybackProgressHooks: any number of libs (engagement counts views, support pays
 * creators per minute) add themselves here at start (`onModuleInit`), and payments' heartbeat and
 * catalog's session start tell them all, one after the other. Neither catalog nor payments depends on
 * them. One listener's failure is logged and does not keep the others from hearing.
 */
@Injectable()
export class PlaybackListeners extends PlaybackProgressHooks {
  private readonly log = new Logger('PlaybackListeners');
  private readonly listeners: PlaybackListener[] = [];

  /** Adds a listener; returns what removes it. */
  add(listener: PlaybackListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  get size(): number {
    return this.listeners.length;
  }

  async sessionStarted(session: StartedPlaybackSession): Promise<void> {
    for (const l of [...this.listeners]) {
      if (!l.sessionStarted) continue;
      try {
        await l.sessionStarted(session);
      } catch (err) {
        this.log.warn(`session ${session.sessionId}: a listener failed at start (${(err as Error).message})`);
      }
    }
  }

  async progressed(progress: PlaybackProgress): Promise<void> {
    for (const l of [...this.listeners]) {
      if (!l.progressed) continue;
      try {
        await l.progressed(progress);
      } catch (err) {
        this.log.warn(`session ${progress.sessionId}: a listener failed on progress (${(err as Error).message})`);
      }
    }
  }
}
