import { Global, Module } from '@nestjs/common';
import { CatalogModule } from '@wetube/catalog';
import { IdentityModule } from '@wetube/identity';
import { EngagementResolver } from './graphql/engagement.resolver';
import { VideoRatingsRepository } from './ratings/video-ratings.repository';
import { VideoRatingsService } from './ratings/video-ratings.service';
import { TrendingService } from './trending/trending.service';
import { VideoViewsRepository } from './views/video-views.repository';
import { ViewCountingHooks } from './views/view-counting.hooks';
import { ViewMarksPruner } from './views/view-marks.pruner';
import { ViewsService } from './views/views.service';

const REPOSITORIES = [VideoViewsRepository, VideoRatingsRepository];
const SERVICES = [ViewsService, VideoRatingsService, TrendingService];

/**
 * Views, likes and trending, services only. Its ViewCountingHooks adds itself to catalog's
 * PlaybackListeners, which payments' heartbeats tell (payments does not depend on engagement, as
 * catalog does not depend on payments).
 */
@Global()
@Module({
  imports: [CatalogModule, IdentityModule],
  providers: [...REPOSITORIES, ...SERVICES, ViewCountingHooks],
  exports: [...SERVICES],
})
export class EngagementCoreModule {}

/** The api's engagement: `rateVideo`, `trending`, `Video.viewerRating`, and the hourly clean-up of ended view windows. */
@Module({
  imports: [EngagementCoreModule, IdentityModule],
  providers: [EngagementResolver, ViewMarksPruner],
})
export class EngagementModule {}
