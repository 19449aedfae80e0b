import { Injectable } from '@nestjs/common';
import { AdBreaksHooks, AdBreaksVideo } from '@wetube/catalog';
import { AppConfig } from '@wetube/platform';
import { CreativesService } from '../campaigns/creatives.service';
import { breakPoints } from '../formats/break-points';
import { insertInterstitials } from '../formats/interstitials.writer';

/**
 * The HLS origin's ad breaks (catalog's AdBreaksHooks): every media playlist of a content video
 * gets `breakPoints(duration, creator's mid-rolls)` (pre-roll + the creator's points, or the
 * default) as HLS Interstitials whose asset lists are this api's
 * `/ads/asset-list/<videoId>/<index>` (the player adds `session=<id>`). A creative's own
 * playlists (an ad) get none. The origin caches the result per playlist.
 */
@Injectable()
export class AdBreaksProvider extends AdBreaksHooks {
  constructor(
    private readonly creatives: CreativesService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async midrolls(video: Omit<AdBreaksVideo, 'videoStart'>): Promise<number[]> {
    if (video.durationMs === null || video.durationMs <= 0) return [];
    if (await this.creatives.isCreativeVideo(video.videoId)) return [];
    return breakPoints(video.durationMs / 1000, video.midrolls).slice(1);
  }

  async mediaPlaylist(video: AdBreaksVideo, playlist: string, options: { sessionFromQuery?: boolean } = {}): Promise<string | null> {
    if (video.durationMs === null || video.durationMs <= 0) return null;
    const breaks = breakPoints(video.durationMs / 1000, video.midrolls);
    if (breaks.length === 0) return null;
    if (await this.creatives.isCreativeVideo(video.videoId)) return null;
    return insertInterstitials(playlist, {
      videoStart: video.videoStart,
      breaks,
      assetListUrl: `${this.config.publicApiUrl}/ads/asset-list/${encodeURIComponent(video.videoId)}/{index}`,
      sessionFromQuery: options.sessionFromQuery === true,
    }).text;
  }
}
