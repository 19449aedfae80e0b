'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { nextActive, suggestionPrefix } from '@/lib/search/combobox';
import { matchTerms } from '@/lib/search/highlight';
import { searchHref } from '@/lib/search/search-params';
import { Highlight } from './Highlight';
import { BackIcon, SearchIcon } from './SearchIcon';
import { useSuggestions } from './useSuggestions';
import './search-box.css';

/**
 * The header's search box, on every page: submits to `/search?q=` (a plain GET form, so it works
 * before the page's script runs), suggests titles as one types (useSuggestions: debounced, stale
 * requests aborted) in a WAI-ARIA combobox (Up/Down move through the list, Enter picks, Escape
 * closes it; the focus stays in the box). On narrow screens (search-box.css) it is an icon that
 * opens a full-width box over the header; Escape or the back arrow close it.
 */
export function SearchBox() {
  return (
    <Suspense fallback={<SearchBoxView urlQuery="" />}>
      <SearchBoxFromUrl />
    </Suspense>
  );
}

/** On /search the box shows the query the URL holds (also after Back); elsewhere it starts empty. */
function SearchBoxFromUrl() {
  const pathname = usePathname();
  const params = useSearchParams();
  return <SearchBoxView urlQuery={pathname === '/search' ? (params.get('q') ?? '') : ''} />;
}

function SearchBoxView({ urlQuery }: { urlQuery: string }) {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-suggestions`;
  const formId = `${id}-form`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const inputRef = useRef<HTMLInputElement | null>(null);
  const openRef = useRef<HTMLButtonElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  /** Escape or the back arrow closed the narrow-screen box: the focus goes back to its icon. */
  const refocusRef = useRef(false);

  const [text, setText] = useState(urlQuery);
  /** Whether the suggestion list may show (typing opens it; picking, Escape and leaving close it). */
  const [listOpen, setListOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** The narrow-screen box is open. */
  const [expanded, setExpanded] = useState(false);

  // A new URL query (a search made, Back, Forward) is what the box shows; any open list closes.
  const [shownFor, setShownFor] = useState(urlQuery);
  if (shownFor !== urlQuery) {
    setShownFor(urlQuery);
    setText(urlQuery);
    setListOpen(false);
    setActive(-1);
    setExpanded(false);
  }

  const prefix = listOpen ? suggestionPrefix(text) : null;
  const answer = useSuggestions(prefix);
  const items = answer?.items ?? [];
  const showList = listOpen && prefix !== null && items.length > 0;
  const typed = matchTerms(text);

  useEffect(() => {
    if (expanded) inputRef.current?.focus();
    else if (refocusRef.current) {
      refocusRef.current = false;
      openRef.current?.focus();
    }
  }, [expanded]);

  useEffect(() => {
    if (!expanded && !listOpen) return;
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) {
        setListOpen(false);
        setExpanded(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [expanded, listOpen]);

  function go(query: string) {
    setText(query);
    setListOpen(false);
    setActive(-1);
    setExpanded(false);
    inputRef.current?.blur();
    router.push(searchHref({ q: query }));
  }

  function collapse() {
    setListOpen(false);
    setActive(-1);
    setExpanded(false);
    refocusRef.current = true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    // Keys that compose a character (an input method's Enter) are not commands.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!showList) {
        if (e.key === 'ArrowDown' && suggestionPrefix(text) !== null) setListOpen(true);
        return;
      }
      e.preventDefault();
      setActive(nextActive(active, items.length, e.key));
    } else if (e.key === 'Enter') {
      if (showList && active >= 0 && active < items.length) {
        e.preventDefault();
        go(items[active]);
      }
    } else if (e.key === 'Escape') {
      if (showList) {
        e.preventDefault();
        setListOpen(false);
        setActive(-1);
      } else if (expanded) {
        e.preventDefault();
        collapse();
      }
    } else if (e.key === 'Tab') {
      setListOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className={`search-box${expanded ? ' search-box--expanded' : ''}`} ref={rootRef}>
      <button
        ref={openRef}
        type="button"
        className="search-box__open"
        aria-label="Search"
        aria-expanded={expanded}
        aria-controls={formId}
        onClick={() => setExpanded(true)}
        data-testid="search-open"
      >
        <SearchIcon />
      </button>
      <form
        id={formId}
        role="search"
        action="/search"
        method="get"
        className="search-box__form"
        data-testid="search-box"
        onSubmit={(e) => {
          e.preventDefault();
          go(text);
        }}
      >
        <button type="button" className="search-box__close" aria-label="Close search" onClick={collapse} data-testid="search-close">
          <BackIcon />
        </button>
        <div className="search-box__field">
          <input
            ref={inputRef}
            type="search"
            name="q"
            className="search-box__input"
            placeholder="Search"
            aria-label="Search videos"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setListOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setListOpen(false)}
            data-testid="search-input"
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Suggestions"
            className="search-suggest"
            hidden={!showList}
            data-testid="search-suggestions"
            // Keep the focus in the box while a suggestion is clicked.
            onMouseDown={(e) => e.preventDefault()}
          >
            {showList &&
              items.map((s, i) => (
                <li
                  key={s}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="search-suggest__option"
                  onClick={() => go(s)}
                  onMouseMove={() => i !== active && setActive(i)}
                  data-testid="search-suggestion"
                >
                  <SearchIcon size={16} />
                  <span className="search-suggest__text">
                    <Highlight text={s} terms={typed} />
                  </span>
                </li>
              ))}
          </ul>
        </div>
        {/* type=button: the page's own forms keep the only submit buttons (pages and tests find
            "the" submit button); Enter in the box submits this form by implicit submission. */}
        <button type="button" className="search-box__submit" aria-label="Search" onClick={() => go(text)} data-testid="search-submit">
          <SearchIcon />
        </button>
      </form>
    </div>
  );
}
