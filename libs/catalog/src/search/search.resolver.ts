import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AuthUser, CurrentUser, OptionalAuthGuard } from '@wetube/identity';
import { AppConfig, RateLimiterFactory, type RateLimiter } from '@wetube/platform';
import { VideoType } from '../graphql/video.type';
import { canEdit } from '../videos/video.access';
import { SearchConnection } from './search.connection';
import { SearchFilter } from './search.graphql';
import { SearchInputError, SearchService } from './search.service';
import { SearchOrder } from './search.types';

/** Searches per client address (anonymous allowed): a steady 20/s with bursts of 120, shared through Redis when scaled out. */
const SEARCH_LIMIT = { burst: 120, perSecond: 20 };

@Resolver()
export class SearchResolver {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly searches: SearchService,
    private readonly config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('search', SEARCH_LIMIT);
  }

  @Query(() => SearchConnection, {
    description:
      'Public, ready videos matching the words (titles, tags, channel names, descriptions), best first; the last word matches as a prefix, and small typos are forgiven. totalCount counts up to 1,001; pages stop at 1,000 results',
  })
  @UseGuards(OptionalAuthGuard)
  async search(
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 50, default 20' }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => SearchFilter, nullable: true }) filter: SearchFilter | null,
    @Args('orderBy', { type: () => SearchOrder, nullable: true, description: 'Default RELEVANCE' }) orderBy: SearchOrder | null,
    @CurrentUser() user: AuthUser | null,
    @Context('req') req: { ip?: string } | undefined,
  ): Promise<SearchConnection> {
    await this.limit(req);
    const page = await this.run(() => this.searches.search({ query, first, after, filter, orderBy }));
    const edges = page.edges.map((e) => ({
      cursor: e.cursor,
      node: VideoType.from(e.video, this.config.publicApiUrl, canEdit(e.video, user)),
      channelName: e.channelName,
      channelHandle: e.channelHandle,
    }));
    return {
      edges,
      totalCount: page.totalCount,
      corrections: page.corrections.map((c) => ({ word: c.word, matchedAs: c.matches })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => [String], { description: 'Titles of public videos for typeahead: the words typed so far, the last one as a prefix' })
  async searchSuggestions(
    @Args('prefix') prefix: string,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 20, default 10' }) first: number | null,
    @Context('req') req: { ip?: string } | undefined,
  ): Promise<string[]> {
    await this.limit(req);
    return this.run(() => this.searches.suggestions(prefix, first));
  }

  private async limit(req: { ip?: string } | undefined): Promise<void> {
    const allowed = await this.limiter.consume(req?.ip ?? 'unknown');
    if (!allowed.ok)
      throw new GraphQLError(`Too many searches from your address; try again in ${allowed.retryAfterSec} s.`, {
        extensions: { code: 'RATE_LIMITED' },
      });
  }

  private async run<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (err) {
      if (err instanceof SearchInputError)
        throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT', argumentName: err.argumentName } });
      throw err;
    }
  }
}
