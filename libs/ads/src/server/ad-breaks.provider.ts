import { Injectable } from '@nestjs/common';
import { AdBreaksHooks, AdBreaksVideo } from '@wetube/catalog';
import { AppConfig } from '@wetube/platform';
import { CreativesService } from '../campaigns/creatives.service';
import { defaultBreaks, insertInterstitials } from '../formats/interstitials.writer';

/**
 * The HLS origin's ad breaks (catalog's AdBreaksHooks): every media playlist of a content video
 * gets `defaultBreaks(duration)` as HLS Interstitials whose asset lists are this api's
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

  async mediaPlaylist(video: AdBreaksVideo, playlist: string): Promise<string | null> {
    if (video.durationMs === null || video.durationMs <= 0) return null;
    const breaks = defaultBreaks(video.durationMs / 1000);
    if (breaks.length === 0) return null;
    if (await this.creatives.isCreativeVideo(video.videoId)) return null;
    return insertInterstitials(playlist, {
      videoStart: video.videoStart,
      breaks,
      assetListUrl: `${this.config.publicApiUrl}/ads/asset-list/${encodeURIComponent(video.videoId)}/{index}`,
    }).text;
  }
}
