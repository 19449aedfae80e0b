'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { DURATIONS, hasFilters, ITEM_TYPES, LABELS, searchHref, UPLOAD_DATES, type SearchParams } from '@/lib/search/search-params';
import { SEARCH_ORDERS } from '@/lib/search/search-orders';

type Choice = 'duration' | 'uploadDate' | 'type' | 'sort';

/**
 * Filters (upload date, duration, type) and the order, as menus. A change is a new URL (pushed: Back
 * returns to the search before), so every search the page shows can be linked to.
 */
export function SearchFiltersBar({ params }: { params: SearchParams }) {
  const router = useRouter();
  const id = useId();

  function change(choice: Choice, value: string) {
    router.push(searchHref({ ...params, [choice]: value === '' ? null : value }), { scroll: false });
  }

  const menu = (
    choice: Choice,
    label: string,
    testId: string,
    values: readonly string[],
    labels: Record<string, string>,
    any: string | null,
  ) => (
    <div className="sfilters__item">
      <label htmlFor={`${id}-${choice}`}>{label}</label>
      <select
        id={`${id}-${choice}`}
        value={(choice === 'sort' ? params.sort : (params[choice] ?? '')) as string}
        onChange={(e) => change(choice, e.target.value)}
        data-testid={testId}
      >
        {any !== null && <option value="">{any}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="sfilters" role="group" aria-label="Filters and order" data-testid="search-filters">
      {menu('uploadDate', 'Upload date', 'filter-date', UPLOAD_DATES, LABELS.uploadDate, 'Any time')}
      {menu('duration', 'Duration', 'filter-duration', DURATIONS, LABELS.duration, 'Any length')}
      {menu('type', 'Type', 'filter-type', ITEM_TYPES, LABELS.type, 'Any type')}
      {menu('sort', 'Sort by', 'search-sort', SEARCH_ORDERS, LABELS.sort, null)}
      {hasFilters(params) && (
        <Link
          href={searchHref({ q: params.q, sort: params.sort })}
          scroll={false}
          className="btn btn--small btn--ghost"
          data-testid="clear-filters"
        >
          Clear filters
        </Link>
      )}
    </div>
  );
}
