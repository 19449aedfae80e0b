import { registerEnumType } from '@nestjs/graphql';

/** How results are ordered. */
export enum SearchOrder {
  RELEVANCE = 'RELEVANCE',
  /** Newest upload first. */
  DATE = 'DATE',
  /** Most viewed first (`videos.view_count`), newest first among equals. */
  VIEWS = 'VIEWS',
}

/** SHORT: under 4 minutes; MEDIUM: 4 to 20 minutes; LONG: over 20 minutes. */
export enum SearchDuration {
  SHORT = 'SHORT',
  MEDIUM = 'MEDIUM',
  LONG = 'LONG',
}

/** Uploaded within the last hour, 24 hours, 7 days, 30 days or 365 days. */
export enum SearchUploadDate {
  HOUR = 'HOUR',
  TODAY = 'TODAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

/** The kind of item: VIDEO, or AUDIO (an audio-only upload, issue 14). */
export enum SearchItemType {
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
}

export const UPLOAD_WINDOW_MS: Record<SearchUploadDate, number> = {
  HOUR: 3_600_000,
  TODAY: 86_400_000,
  WEEK: 7 * 86_400_000,
  MONTH: 30 * 86_400_000,
  YEAR: 365 * 86_400_000,
};

/** Duration bounds in ms: [min inclusive, max exclusive] (null: open). */
export const DURATION_BOUNDS_MS: Record<SearchDuration, [number | null, number | null]> = {
  SHORT: [null, 240_000],
  MEDIUM: [240_000, 1_200_001],
  LONG: [1_200_001, null],
};

export interface SearchFilters {
  duration?: SearchDuration | null;
  /** Only items uploaded at or after this instant. */
  uploadedSince?: Date | null;
  type?: SearchItemType | null;
}

/** One query word as the index is asked for it: the word itself, as a prefix too, or one of its typo corrections. */
export interface WordGroup {
  word: string;
  prefix: boolean;
  /** Index terms within the word's typo budget (the word itself is not in the index). */
  variants: string[];
}

/**
 * Which matches a query reads: all of them, those with a word in the title, tags or channel
 * ('fields'), or those matching only through the description ('rest'). Relevance ranks the
 * 'fields' tier first and 'rest' after it, so a broad word never ranks every description that
 * mentions it (see SearchRepository).
 */
export type SearchScope = 'all' | 'fields' | 'rest';

export interface SearchRequest {
  groups: WordGroup[];
  scope: SearchScope;
  filters: SearchFilters;
  order: SearchOrder;
  limit: number;
  offset: number;
}

/** A query word the index did not hold, and the index terms it was matched as (closest first). */
export interface SearchCorrection {
  word: string;
  matches: string[];
}

/** What the index row holds about a listed video beyond the video row. */
export interface SearchDocumentInfo {
  channelName: string | null;
  /** The channel's handle (without "@"); NULL until channels fill it. */
  channelHandle: string | null;
}

export interface SearchHits {
  ids: string[];
  total: number;
}

/** The SQL of one database. Everything that talks to the index goes through this. */
export interface SearchDialect {
  /** Throws when the index's triggers are missing (see the migration's SQLite caution). */
  verify(): Promise<void>;
  /** For each word: is it an index term (prefix: does some term start with it)? */
  known(words: { word: string; prefix: boolean }[]): Promise<boolean[]>;
  /** Index terms that may be within `max` edits of `word` (the caller measures). */
  candidates(word: string, max: number): Promise<{ term: string; docs: number }[]>;
  /** One page of the scope's matches in the order asked, and how many the scope holds. */
  search(req: SearchRequest): Promise<SearchHits>;
  /** How many items match (every scope together), counting no further than `cap`. */
  count(groups: WordGroup[], filters: SearchFilters, cap: number): Promise<number>;
  /** Titles whose words match the groups, best first. */
  suggestTitles(groups: WordGroup[], limit: number): Promise<string[]>;
}

registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  description: 'RELEVANCE (default), DATE (newest first) or VIEWS (most viewed first, newest first among equals)',
});
registerEnumType(SearchDuration, { name: 'SearchDuration', description: 'SHORT < 4 min, MEDIUM 4–20 min, LONG > 20 min' });
registerEnumType(SearchUploadDate, {
  name: 'SearchUploadDate',
  description: 'Uploaded within the last HOUR, TODAY (24 h), WEEK (7 days), MONTH (30 days) or YEAR (365 days)',
});
registerEnumType(SearchItemType, {
  name: 'SearchItemType',
  description: 'VIDEO, or AUDIO (audio-only items: songs, podcast episodes)',
});
