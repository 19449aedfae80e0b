/** The facts of a video its media playlists' ad breaks are placed from. */
export interface AdBreaksVideo {
  videoId: string;
  /** The content's duration in ms (null: unknown, no breaks). */
  durationMs: number | null;
  /** Fixed per video (readyAt, else createdAt): the playlists' program date-time origin. */
  videoStart: Date;
  /** The creator's mid-roll points in whole seconds (null: the platform's default). */
  midrolls: number[] | null;
}

/**
 * Provided (globally) by the ads lib: rewrites a media playlist with its ad breaks (HLS
 * Interstitials) at serve time. Catalog does not depend on ads; without a provider playlists are
 * served as they are on disk. Master playlists, segments, init segments and manifest.json never
 * go through it.
 */
export abstract class AdBreaksHooks {
  /**
   * The playlist with ad breaks, or null to serve it unchanged (no breaks, or the video is an ad
   * creative). `sessionFromQuery`: it was asked for with a `session` query parameter, so its asset
   * lists may take the session from it (HLS EXT-X-DEFINE QUERYPARAM).
   */
  abstract mediaPlaylist(video: AdBreaksVideo, playlist: string, options?: { sessionFromQuery?: boolean }): Promise<string | null>;
  /** The mid-roll offsets (seconds) the video's playlists carry: the creator's (snapped to the segment grid) or the default; none for an ad creative. */
  abstract midrolls(video: Omit<AdBreaksVideo, 'videoStart'>): Promise<number[]>;
}
