/** A playback session's watch time as its heartbeat recorded it (the payments lib keeps the sessions). */
export interface PlaybackProgress {
  sessionId: string;
  videoId: string;
  /** The item's creator (absent from callers that do not know it). */
  creatorId?: string;
  /** The signed-in viewer, or null. */
  viewerId: string | null;
  /** Who watches, for per-viewer rules: the account id, or the anonymous session's hashed-address key. */
  viewerKey: string;
  /** Real playback so far (ms): only grows, never more than the wall clock since the session started. */
  watchedMs: number;
  /**
   * Of `watchedMs`, the playback someone attended: visible, or audible (a muted background tab is
   * not). Never more than `watchedMs`; absent when the client does not report it (then `watchedMs`).
   */
  attendedMs?: number;
  /** True on the session's last heartbeat (the viewer left). */
  ended?: boolean;
  /** When the heartbeat arrived. */
  at: Date;
}

/**
 * Told after each heartbeat that recorded watch time, so a view is counted (libs/engagement) or a
 * creator paid per minute (libs/support) from real playback and never from a call the viewer can
 * simply repeat. Provided by catalog's PlaybackListeners, the fan-out those libs add themselves to;
 * catalog and payments depend on none of them.
 */
export abstract class PlaybackProgressHooks {
  abstract progressed(progress: PlaybackProgress): Promise<void>;
}
