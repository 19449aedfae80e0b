import { UseGuards } from '@nestjs/common';
import { checkFirst } from '@wetube/platform';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AdvertiserCaller, AdvertiserGuard, CurrentAdvertiser } from '../advertisers/advertiser.guard';
import { AdReportsService, decodeReportCursor, encodeReportCursor } from './reports.service';
import { AdReportConnection, AdReportFilterInput, AdReportRowType } from './reports.types';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Advertiser reports (advertiser API guard): per line item and UTC day, only the caller's own line items. */
@Resolver()
export class AdReportsResolver {
  constructor(private readonly reports: AdReportsService) {}

  @Query(() => AdReportConnection, {
    description:
      "Delivery per line item and UTC day, newest day first. Only your own line items: another advertiser's campaign or line item id gives an empty connection, like an unknown one",
  })
  @UseGuards(AdvertiserGuard)
  async adReport(
    @CurrentAdvertiser() me: AdvertiserCaller,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => AdReportFilterInput, nullable: true }) filter?: AdReportFilterInput | null,
  ): Promise<AdReportConnection> {
    checkFirst(first);
    const cursor = after ? decodeReportCursor(after) : null;
    if (after && !cursor) throw badInput('after is not a cursor from this connection');
    if (filter?.from && filter?.to && filter.to <= filter.from) throw badInput('filter.to must be after filter.from');
    const page = await this.reports.report(me.advertiserId, first, cursor, filter ?? {});
    const edges = page.rows.map((r) => ({
      cursor: encodeReportCursor(r.day, r.lineItemId),
      node: Object.assign(new AdReportRowType(), r),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: !!after,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
