'use client';

import { gql } from '../api';
import { graphql } from '../gql';
import type { AdReportQuery } from '../gql/graphql';
import type { AdReportRow } from './advertiser-api';

export const AD_REPORT_QUERY = graphql(`
  query AdReport($first: Int, $after: String, $filter: AdReportFilterInput) {
    adReport(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          lineItemId
          lineItemName
          campaignId
          day
          impressions
          starts
          completes
          completionRate
          clicks
          clickThroughRate
          spend
          eCpm
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE = 100;
/** 10 pages of 100 rows: a month of 30+ line items. Past that the figures say they are partial. */
const MAX_PAGES = 10;

export interface ReportFilter {
  campaignId?: string;
  lineItemId?: string;
  /** ISO instant, inclusive. */
  from?: string;
  to?: string;
}

/** Every report row for the filter (newest day first), following the cursor; `complete` is false when it stopped early. */
export async function fetchReportRows(filter: ReportFilter): Promise<{ rows: AdReportRow[]; complete: boolean }> {
  const rows: AdReportRow[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: AdReportQuery = await gql(AD_REPORT_QUERY, { first: PAGE, after, filter });
    rows.push(...data.adReport.edges.map((e) => e.node));
    if (!data.adReport.pageInfo.hasNextPage || !data.adReport.pageInfo.endCursor) return { rows, complete: true };
    after = data.adReport.pageInfo.endCursor;
  }
  return { rows, complete: false };
}
