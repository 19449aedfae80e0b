import { Injectable } from '@nestjs/common';
import { pageSizeProblem } from '@wetube/platform';
import { VideoEntity } from '../videos/video.entity';
import { VideosRepository } from '../videos/videos.repository';
import { decodeSearchCursor, encodeSearchCursor, searchKey } from './search.cursor';
import { parseSearchQuery } from './search.query';
import { SearchRepository } from './search.repository';
import {
  SearchCorrection,
  SearchDuration,
  SearchFilters,
  SearchItemType,
  SearchOrder,
  SearchUploadDate,
  UPLOAD_WINDOW_MS,
} from './search.types';

export const MAX_SEARCH_PAGE = 50;
/** No page reaches past this many results (deep offsets cost; nobody reads result 1,001). */
export const MAX_SEARCH_WINDOW = 1000;
export const MAX_SUGGESTIONS = 20;

/** A caller's mistake, naming the argument; the GraphQL layer answers BAD_USER_INPUT with it. */
export class SearchInputError extends Error {
  constructor(
    message: string,
    readonly argumentName: string,
  ) {
    super(message);
  }
}

export interface SearchInput {
  query: string;
  first?: number | null;
  after?: string | null;
  filter?: { duration?: SearchDuration | null; uploadDate?: SearchUploadDate | null; type?: SearchItemType | null } | null;
  orderBy?: SearchOrder | null;
  /** The clock the upload-date filter counts back from (tests pin it). */
  now?: Date;
}

export interface SearchHit {
  cursor: string;
  video: VideoEntity;
  /** The channel name as indexed (the uploader's display name until channels exist). */
  channelName: string | null;
  /** The channel's handle (without "@"), NULL until channels fill it. */
  channelHandle: string | null;
}

export interface SearchPage {
  edges: SearchHit[];
  totalCount: number;
  /** Query words that are not in the index and were matched as the closest index terms instead. */
  corrections: SearchCorrection[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Search as callers see it: checked input, pages and cursors, the videos themselves. */
@Injectable()
export class SearchService {
  constructor(
    private readonly index: SearchRepository,
    private readonly videos: VideosRepository,
  ) {}

  async search(input: SearchInput): Promise<SearchPage> {
    const parsed = parseSearchQuery(input.query);
    if (!parsed.ok) throw new SearchInputError(parsed.message, 'query');
    const first = input.first ?? 20;
    const firstProblem = pageSizeProblem(first, MAX_SEARCH_PAGE);
    if (firstProblem) throw new SearchInputError(firstProblem, 'first');
    const order = input.orderBy ?? SearchOrder.RELEVANCE;
    const f = input.filter ?? {};
    const key = searchKey([parsed.words, f.duration ?? null, f.uploadDate ?? null, f.type ?? null, order]);
    let offset = 0;
    if (input.after != null) {
      const o = decodeSearchCursor(input.after, key);
      if (o == null) throw new SearchInputError('"after" is not a cursor of this search (same query, filter and order).', 'after');
      offset = o;
    }
    if (offset + first > MAX_SEARCH_WINDOW)
      throw new SearchInputError(`Search results stop at ${MAX_SEARCH_WINDOW}; refine the query instead of paging further.`, 'after');
    const filters: SearchFilters = {
      duration: f.duration ?? null,
      type: f.type ?? null,
      uploadedSince: f.uploadDate ? new Date((input.now ?? new Date()).getTime() - UPLOAD_WINDOW_MS[f.uploadDate]) : null,
    };
    const hits = await this.index.search(parsed.words, filters, order, first + 1, offset);
    const ids = hits.ids.slice(0, first);
    const [rows, docs] = await Promise.all([this.videos.findListedByIds(ids), this.index.documents(ids)]);
    const byId = new Map(rows.map((v) => [v.id, v]));
    // A row deleted or unlisted between the two reads is left out (never a stale hit).
    const edges = ids.flatMap((id, i): SearchHit[] => {
      const video = byId.get(id);
      if (!video) return [];
      const doc = docs.get(id);
      return [
        {
          cursor: encodeSearchCursor(offset + i + 1, key),
          video,
          channelName: doc?.channelName ?? null,
          channelHandle: doc?.channelHandle ?? null,
        },
      ];
    });
    return {
      edges,
      totalCount: hits.total,
      corrections: hits.corrections,
      hasNextPage: hits.ids.length > first && offset + first < MAX_SEARCH_WINDOW,
      hasPreviousPage: offset > 0,
    };
  }

  /** Titles for typeahead: the words typed so far, the last one as a prefix (typo corrections too). */
  async suggestions(prefix: string, first?: number | null): Promise<string[]> {
    const limit = first ?? 10;
    const limitProblem = pageSizeProblem(limit, MAX_SUGGESTIONS);
    if (limitProblem) throw new SearchInputError(limitProblem, 'first');
    const parsed = parseSearchQuery(prefix, 'prefix');
    if (!parsed.ok) {
      // Nothing typed yet (or only spaces and symbols) is no mistake while typing: no suggestions.
      if (prefix.length <= 200) return [];
      throw new SearchInputError(parsed.message, 'prefix');
    }
    return this.index.suggest(parsed.words, limit);
  }
}
