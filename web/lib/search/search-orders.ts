import type { SearchOrder } from '../gql/graphql';
import type { Order } from './search-params';

/**
 * The orders the api's `SearchOrder` enum has, checked by the compiler against the generated types
 * both ways (a missing or an extra key fails the build). When VIEWS joins the enum (view counts),
 * the build says so here: add `VIEWS: true` and the sort menu offers "View count" (its label is in
 * search-params.ts; `sort=views` in a URL is honoured from then on).
 */
const API_ORDERS = { RELEVANCE: true, DATE: true, VIEWS: true } satisfies Record<SearchOrder, true>;

/** The orders the sort menu offers, in menu order. */
export const SEARCH_ORDERS: readonly Order[] = Object.keys(API_ORDERS) as SearchOrder[];
