'use client';

import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage, gqlRequest } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { SearchOrder, SearchQuery } from '@/lib/gql/graphql';
import type { Correction } from '@/lib/search/highlight';
import { filterOf, searchHref, type SearchParams } from '@/lib/search/search-params';
import { searchProblem, type SearchProblem } from '@/lib/search/search-summary';

const SEARCH = graphql(`
  query Search($query: String!, $first: Int, $after: String, $filter: SearchFilter, $orderBy: SearchOrder) {
    search(query: $query, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      corrections {
        word
        matchedAs
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        channelName
        channelHandle
        node {
          ...VideoCard
          description
        }
      }
    }
  }
`);

export type SearchResult = SearchQuery['search']['edges'][number];

export const PAGE_SIZE = 20;

interface Page {
  edges: SearchResult[];
  totalCount: number;
  corrections: Correction[];
  endCursor: string | null;
  hasNext: boolean;
}

type Loaded = ({ status: 'done'; more: 'idle' | 'loading' | SearchProblem } & Page) | { status: 'error'; problem: SearchProblem };

/** What the results of one search (one URL) are at the moment. */
export type SearchState =
  | { phase: 'blank' }
  | { phase: 'loading' }
  | { phase: 'error'; problem: SearchProblem }
  | ({ phase: 'done'; more: 'idle' | 'loading' | SearchProblem } & Page);

function problemOf(err: unknown): SearchProblem {
  return err instanceof ApiError ? searchProblem(err.code, err.message) : searchProblem('ERROR', errorMessage(err));
}

async function fetchPage(params: SearchParams, after: string | null, signal?: AbortSignal): Promise<Page> {
  const data = await gqlRequest(
    SEARCH,
    {
      query: params.q,
      first: PAGE_SIZE,
      after,
      filter: filterOf(params),
      // parseSearchParams keeps only the orders the api offers (SEARCH_ORDERS).
      orderBy: params.sort === 'RELEVANCE' ? null : (params.sort as SearchOrder),
    },
    { signal },
  );
  const s = data.search;
  return {
    edges: s.edges,
    totalCount: s.totalCount,
    corrections: s.corrections,
    endCursor: s.pageInfo.endCursor,
    hasNext: s.pageInfo.hasNextPage,
  };
}

/**
 * The results of the search the URL names: the first page when the search changes (the previous
 * request aborted, so a slow old answer never shows under a new query), then more pages with the
 * cursor (`loadMore`), appended without repeats. Blank text asks nothing. Answers are kept per
 * search (its URL) and attempt, so a result always belongs to what the page shows.
 */
export function useSearchResults(params: SearchParams): SearchState & { loadMore: () => void; retry: () => void } {
  const key = searchHref(params);
  const blank = params.q.trim() === '';
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<(Loaded & { key: string; attempt: number }) | null>(null);

  useEffect(() => {
    if (blank) return;
    const ctrl = new AbortController();
    fetchPage(params, null, ctrl.signal).then(
      (page) => {
        if (!ctrl.signal.aborted) setState({ key, attempt, status: 'done', more: 'idle', ...page });
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setState({ key, attempt, status: 'error', problem: problemOf(err) });
      },
    );
    return () => ctrl.abort();
  }, [params, key, attempt, blank]);

  const current = state && state.key === key && state.attempt === attempt ? state : null;
  const cursor = current?.status === 'done' ? current.endCursor : null;
  const busy = current?.status === 'done' && current.more === 'loading';

  const loadMore = useCallback(() => {
    if (!cursor || busy) return;
    const mine = (s: typeof state) => s !== null && s.key === key && s.attempt === attempt && s.status === 'done';
    setState((s) => (s && mine(s) && s.status === 'done' ? { ...s, more: 'loading' } : s));
    fetchPage(params, cursor).then(
      (page) =>
        setState((s) => {
          if (!s || !mine(s) || s.status !== 'done') return s;
          const seen = new Set(s.edges.map((e) => e.node.id));
          return {
            ...s,
            ...page,
            // Keep the first page's corrections; add only results not shown yet.
            corrections: s.corrections,
            edges: [...s.edges, ...page.edges.filter((e) => !seen.has(e.node.id))],
            more: 'idle',
          };
        }),
      (err: unknown) => setState((s) => (s && mine(s) && s.status === 'done' ? { ...s, more: problemOf(err) } : s)),
    );
  }, [params, key, attempt, cursor, busy]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  let view: SearchState;
  if (blank) view = { phase: 'blank' };
  else if (!current) view = { phase: 'loading' };
  else if (current.status === 'error') view = { phase: 'error', problem: current.problem };
  else {
    const { key: _k, attempt: _a, status: _s, ...rest } = current;
    view = { phase: 'done', ...rest };
  }
  return { ...view, loadMore, retry };
}
