/** A playback session's watch time as its heartbeat recorded it (the payments lib keeps the sessions). */
export interface PlaybackProgress {
  sessionId: string;
  videoId: string;
  /** The signed-in viewer, or null. */
  viewerId: string | null;
  /** Who watches, for per-viewer rules: the account id, or the anonymous session's hashed-address key. */
  viewerKey: string;
  /** Real playback so far (ms): only grows, never more than the wall clock since the session started. */
  watchedMs: number;
  /** When the heartbeat arrived. */
  at: Date;
}

/**
 * Provided (globally) by the engagement lib: told after each heartbeat that recorded watch time, so a
 * view is counted from real playback and never from a call the viewer can simply repeat. Catalog and
 * payments do not depend on engagement; without a provider nothing is counted.
 */
export abstract class PlaybackProgressHooks {
  abstract progressed(progress: PlaybackProgress): Promise<void>;
}
