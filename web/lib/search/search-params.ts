/**
 * A search as its URL says it: `/search?q=…&duration=…&date=…&type=…&sort=…`. Every choice lives in
 * the URL so a search is linkable and Back returns to the one before. Values are lower-case words in
 * the URL and the api's enum values here; unknown values are ignored (the default applies), never an
 * error: a hand-edited link still searches.
 */

export const DURATIONS = ['SHORT', 'MEDIUM', 'LONG'] as const;
export const UPLOAD_DATES = ['HOUR', 'TODAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export const ITEM_TYPES = ['VIDEO', 'AUDIO'] as const;
/** Every order the web knows; which of them the api offers is `SearchOrders` (search-sorts.ts). */
export const ORDERS = ['RELEVANCE', 'DATE', 'VIEWS'] as const;

export type Duration = (typeof DURATIONS)[number];
export type UploadDate = (typeof UPLOAD_DATES)[number];
export type ItemType = (typeof ITEM_TYPES)[number];
export type Order = (typeof ORDERS)[number];

export interface SearchParams {
  /** The text as typed (not trimmed: the box shows it back as it was). */
  q: string;
  duration: Duration | null;
  uploadDate: UploadDate | null;
  type: ItemType | null;
  /** RELEVANCE unless the URL asks for another order the api offers. */
  sort: Order;
}

export const LABELS = {
  duration: { SHORT: 'Under 4 minutes', MEDIUM: '4–20 minutes', LONG: 'Over 20 minutes' },
  uploadDate: { HOUR: 'Last hour', TODAY: 'Today', WEEK: 'This week', MONTH: 'This month', YEAR: 'This year' },
  type: { VIDEO: 'Video', AUDIO: 'Audio' },
  sort: { RELEVANCE: 'Relevance', DATE: 'Upload date', VIEWS: 'View count' },
} as const satisfies {
  duration: Record<Duration, string>;
  uploadDate: Record<UploadDate, string>;
  type: Record<ItemType, string>;
  sort: Record<Order, string>;
};

/** The URL's parameter name of each choice. */
const KEYS = { duration: 'duration', uploadDate: 'date', type: 'type', sort: 'sort' } as const;

function pick<T extends string>(raw: string | null | undefined, allowed: readonly T[]): T | null {
  if (!raw) return null;
  const v = raw.trim().toUpperCase();
  return (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** Anything with `get(name)`: URLSearchParams, Next's ReadonlyURLSearchParams. */
export interface ParamReader {
  get(name: string): string | null;
}

/**
 * The search a URL's query asks for. `orders` are the orders the api offers (an order it does not
 * offer, such as VIEWS before view counts exist, falls back to relevance).
 */
export function parseSearchParams(params: ParamReader, orders: readonly Order[] = ORDERS): SearchParams {
  const sort = pick(params.get(KEYS.sort), ORDERS);
  return {
    q: params.get('q') ?? '',
    duration: pick(params.get(KEYS.duration), DURATIONS),
    uploadDate: pick(params.get(KEYS.uploadDate), UPLOAD_DATES),
    type: pick(params.get(KEYS.type), ITEM_TYPES),
    sort: sort && orders.includes(sort) ? sort : 'RELEVANCE',
  };
}

/** The URL of a search: defaults left out, so equal searches have equal URLs. */
export function searchHref(p: Partial<SearchParams> & { q: string }): string {
  const out = new URLSearchParams();
  out.set('q', p.q);
  if (p.duration) out.set(KEYS.duration, p.duration.toLowerCase());
  if (p.uploadDate) out.set(KEYS.uploadDate, p.uploadDate.toLowerCase());
  if (p.type) out.set(KEYS.type, p.type.toLowerCase());
  if (p.sort && p.sort !== 'RELEVANCE') out.set(KEYS.sort, p.sort.toLowerCase());
  return `/search?${out.toString()}`;
}

/** Whether any filter (not the order) narrows the search. */
export function hasFilters(p: SearchParams): boolean {
  return p.duration !== null || p.uploadDate !== null || p.type !== null;
}

/** The api's `filter` argument, or null when nothing narrows the search. */
export function filterOf(p: SearchParams): { duration?: Duration; uploadDate?: UploadDate; type?: ItemType } | null {
  if (!hasFilters(p)) return null;
  return {
    ...(p.duration ? { duration: p.duration } : {}),
    ...(p.uploadDate ? { uploadDate: p.uploadDate } : {}),
    ...(p.type ? { type: p.type } : {}),
  };
}
