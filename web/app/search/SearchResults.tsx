'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { Highlight } from '@/components/search/Highlight';
import { matchTerms } from '@/lib/search/highlight';
import { hasFilters, parseSearchParams, searchHref } from '@/lib/search/search-params';
import { SEARCH_ORDERS } from '@/lib/search/search-orders';
import { correctedQuery, resultCountText, type SearchProblem } from '@/lib/search/search-summary';
import { SearchFiltersBar } from './SearchFiltersBar';
import { SearchResultItem, SearchResultsSkeleton } from './SearchResultItem';
import { useSearchResults } from './useSearchResults';

/** The longest piece of the query repeated in the heading (the rest is cut with an ellipsis). */
const HEADING_CHARS = 80;

/**
 * `/search?q=`: the results of the search the URL names (search-params.ts), with filters and order,
 * the count, "showing results for" when the api corrected a typo, "Load more" paging, an empty
 * state, loading rows, and a message for a refused or failed search (never a blank page).
 */
export function SearchResults() {
  const urlParams = useSearchParams();
  const params = useMemo(() => parseSearchParams(urlParams, SEARCH_ORDERS), [urlParams]);
  const r = useSearchResults(params);
  const corrections = r.phase === 'done' ? r.corrections : null;
  const terms = useMemo(() => matchTerms(params.q, corrections ?? []), [params.q, corrections]);
  const corrected = corrections ? correctedQuery(params.q, corrections) : null;
  const q = params.q.trim();
  const chars = [...q];
  const shortQuery = chars.length > HEADING_CHARS ? `${chars.slice(0, HEADING_CHARS).join('')}…` : q;

  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title" className="page-title search-page__title">
        {q ? `Results for “${shortQuery}”` : 'Search'}
      </h1>
      {/* Filters narrow a search that runs: not shown for text the api refuses. */}
      {q && !(r.phase === 'error' && r.problem.kind === 'input') && <SearchFiltersBar params={params} />}

      {r.phase === 'blank' && (
        <div className="empty" data-testid="search-message">
          <h2>What are you looking for?</h2>
          <p className="muted">Type a word in the search box: a title, a tag or a channel name.</p>
        </div>
      )}

      {r.phase === 'loading' && (
        <div aria-busy="true">
          <p className="muted search-page__count" role="status">
            Searching…
          </p>
          <SearchResultsSkeleton />
        </div>
      )}

      {r.phase === 'error' && <ProblemPanel problem={r.problem} onRetry={r.retry} testId="search-problem" />}

      {r.phase === 'done' && (
        <>
          <p className="muted search-page__count" role="status" data-testid="search-count">
            {resultCountText(r.totalCount)}
          </p>
          {corrected && (
            <p className="search-page__corrected" data-testid="search-corrected">
              Showing results for{' '}
              <Link href={searchHref({ ...params, q: corrected.text })}>
                <Highlight parts={corrected.parts} />
              </Link>
            </p>
          )}
          {r.edges.length > 0 ? (
            <ol className="sresults" data-testid="search-results">
              {r.edges.map((e) => (
                <SearchResultItem key={e.node.id} result={e} terms={terms} />
              ))}
            </ol>
          ) : (
            <div className="empty" data-testid="search-empty">
              <h2>No results for “{shortQuery}”</h2>
              <p className="muted">
                Check the spelling or try other or fewer words
                {hasFilters(params) ? ', or search without the filters.' : '.'}
              </p>
              {hasFilters(params) && (
                <Link href={searchHref({ q: params.q, sort: params.sort })} className="btn" data-testid="empty-clear-filters">
                  Search without filters
                </Link>
              )}
            </div>
          )}
          {typeof r.more === 'object' && <ProblemPanel problem={r.more} onRetry={r.loadMore} testId="load-more-problem" />}
          {r.hasNext && r.edges.length > 0 && typeof r.more !== 'object' && (
            <div className="center">
              <button type="button" className="btn" onClick={r.loadMore} disabled={r.more === 'loading'} data-testid="load-more">
                {r.more === 'loading' ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function ProblemPanel({ problem, onRetry, testId }: { problem: SearchProblem; onRetry: () => void; testId: string }) {
  return (
    <div
      className={`alert ${problem.kind === 'input' ? 'alert--notice' : 'alert--error'}`}
      role="alert"
      data-testid={testId}
      data-kind={problem.kind}
    >
      <p>
        <strong>{problem.title}.</strong> {problem.detail}
      </p>
      {problem.kind === 'input' && <p className="small">Search with a few words of letters or digits.</p>}
      {problem.retry && (
        <button type="button" className="btn btn--small" onClick={onRetry} data-testid="search-retry">
          Try again
        </button>
      )}
    </div>
  );
}
