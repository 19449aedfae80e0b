/** What a playback session is, for whoever attaches money to it (the payments lib). */
export interface StartedPlaybackSession {
  sessionId: string;
  videoId: string;
  creatorId: string;
  viewerId: string | null;
  viewerIp: string | null;
  /** base64url of the viewer's session public key (the browser peer id of this session). */
  sessionPublicKey: string;
  expiresAt: Date;
  durationMs: number | null;
}

export interface PlaybackSessionTerms {
  /** True when the viewer's ad-free plan holds: no ads in this session. */
  adFree: boolean;
  /** The session's bandwidth budget held for its peers, in minor units (0 when none could be held). */
  bandwidthBudget: bigint;
}

/**
 * Provided (globally) by the payments lib: called when a playback session starts. Catalog does not
 * depend on payments; without a provider sessions carry no budget and are never ad-free.
 */
export abstract class PlaybackSessionHooks {
  abstract sessionStarted(session: StartedPlaybackSession): Promise<PlaybackSessionTerms>;
}
