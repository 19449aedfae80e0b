/** @wetube/engagement: view counts that cannot be pumped, likes and dislikes, trending (issue 13). */
export { EngagementModule, EngagementCoreModule } from './engagement.module';
export { ViewsService, VIEW_WINDOW_MS, type ViewOutcome } from './views/views.service';
export { VideoRatingsService, RATINGS_LIMIT, type RateResult } from './ratings/video-ratings.service';
export { VideoRating } from './ratings/video-rating';
export { TrendingService, TRENDING_WINDOW_MS, TRENDING_MAX } from './trending/trending.service';
