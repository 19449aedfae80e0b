export { SearchRepository } from './search.repository';
export {
  SearchService,
  SearchInputError,
  MAX_SEARCH_PAGE,
  MAX_SEARCH_WINDOW,
  type SearchInput,
  type SearchPage,
  type SearchHit,
} from './search.service';
export { SearchResolver } from './search.resolver';
export { SearchOrder, SearchDuration, SearchUploadDate, SearchItemType } from './search.types';
export { parseSearchQuery } from './search.query';
