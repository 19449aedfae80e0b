import { UseGuards } from '@nestjs/common';
import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { canEdit, VideoEntity, VideoType } from '@wetube/catalog';
import { AuthenticatedGuard, AuthUser, CurrentUser, OptionalAuthGuard } from '@wetube/identity';
import { AppConfig, checkFirst, UserError } from '@wetube/platform';
import { VideoRating } from '../ratings/video-rating';
import { VideoRatingsService } from '../ratings/video-ratings.service';
import { TRENDING_MAX, TrendingService } from '../trending/trending.service';

@ObjectType()
export class RateVideoPayload {
  @Field(() => VideoType, { nullable: true, description: 'The video with its counts after the change' })
  video: VideoType | null;
  @Field(() => VideoRating, { nullable: true, description: "The caller's rating now" })
  rating: VideoRating | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

interface RequestWithRatings {
  user?: AuthUser | null;
  ratingLoader?: DataLoader<string, VideoRating>;
}

/** Likes and dislikes (`rateVideo`, `Video.viewerRating`) and `trending`. View counts are fields of Video (catalog). */
@Resolver(() => VideoType)
export class EngagementResolver {
  constructor(
    private readonly ratings: VideoRatingsService,
    private readonly trend: TrendingService,
    private readonly config: AppConfig,
  ) {}

  @Mutation(() => RateVideoPayload, {
    description: 'Likes (LIKE), dislikes (DISLIKE) or un-rates (NONE) a video the caller may watch; one rating per account',
  })
  @UseGuards(AuthenticatedGuard)
  async rateVideo(
    @Args('videoId', { type: () => ID }) videoId: string,
    @Args('rating', { type: () => VideoRating }) rating: VideoRating,
    @CurrentUser() user: AuthUser,
  ): Promise<RateVideoPayload> {
    const r = await this.ratings.rate(user, videoId, rating);
    if (!r.ok) return { video: null, rating: null, userErrors: [r.error] };
    return { video: this.toType(r.video, user), rating: r.rating, userErrors: [] };
  }

  @Query(() => [VideoType], {
    description: `Trending: public videos ranked by their views in the last 48 hours, the newest first among equals (first: 1..${TRENDING_MAX})`,
  })
  @UseGuards(OptionalAuthGuard)
  async trending(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @CurrentUser() user: AuthUser | null,
  ): Promise<VideoType[]> {
    const videos = await this.trend.trending(checkFirst(first, TRENDING_MAX));
    return videos.map((v) => this.toType(v, user));
  }

  @ResolveField(() => VideoRating, {
    description: "The signed-in caller's rating of this video (NONE when signed out or unrated)",
  })
  async viewerRating(@Parent() video: VideoType, @Context('req') req: RequestWithRatings): Promise<VideoRating> {
    // The user the query's guard put on the request (field resolvers run no guards of their own).
    const user = req?.user;
    if (!user) return VideoRating.NONE;
    req.ratingLoader ??= new DataLoader((ids: readonly string[]) => this.ratings.ratingsOf(user.id, ids));
    return req.ratingLoader.load(video.id);
  }

  private toType(video: VideoEntity, user: AuthUser | null): VideoType {
    return VideoType.from(video, this.config.publicApiUrl, canEdit(video, user));
  }
}
