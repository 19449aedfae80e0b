'use client';

import { useEffect, useRef, useState } from 'react';
import { gqlRequest } from '@/lib/api';
import { graphql } from '@/lib/gql';

const SUGGESTIONS = graphql(`
  query SearchSuggestions($prefix: String!, $first: Int) {
    searchSuggestions(prefix: $prefix, first: $first)
  }
`);

/** Quiet time after the last key before asking (one request per pause, not per key). */
export const SUGGEST_DEBOUNCE_MS = 200;
const SUGGESTIONS_SHOWN = 8;
const CACHE_SIZE = 50;

/**
 * Titles suggested for what is typed (`prefix`; null: nothing to ask), from `searchSuggestions`:
 * asked after SUGGEST_DEBOUNCE_MS of quiet; a request still running when the text changes is
 * aborted, so an old answer never replaces a newer one. Answers are remembered per prefix (typing
 * back over a prefix answers at once). The last answer stays shown while the next is on its way;
 * a failed request (rate limit, network) just shows none: typing goes on.
 */
export function useSuggestions(prefix: string | null): { prefix: string; items: string[] } | null {
  const [latest, setLatest] = useState<{ prefix: string; items: string[] } | null>(null);
  const cache = useRef(new Map<string, string[]>());

  useEffect(() => {
    if (prefix === null) return;
    const known = cache.current.get(prefix);
    const ctrl = new AbortController();
    const timer = setTimeout(
      () => {
        if (known) {
          setLatest({ prefix, items: known });
          return;
        }
        gqlRequest(SUGGESTIONS, { prefix, first: SUGGESTIONS_SHOWN }, { signal: ctrl.signal }).then(
          (data) => {
            if (ctrl.signal.aborted) return;
            const items = data.searchSuggestions;
            cache.current.set(prefix, items);
            if (cache.current.size > CACHE_SIZE) cache.current.delete(cache.current.keys().next().value!);
            setLatest({ prefix, items });
          },
          () => {
            if (!ctrl.signal.aborted) setLatest({ prefix, items: [] });
          },
        );
      },
      known ? 0 : SUGGEST_DEBOUNCE_MS,
    );
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [prefix]);

  return prefix === null ? null : latest;
}
