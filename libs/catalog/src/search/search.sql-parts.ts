import { DURATION_BOUNDS_MS, SearchFilters } from './search.types';

/**
 * The filters' WHERE parts, on the index row's own copies of the columns (no join to `videos` per
 * match; the index holds listed items only, and the service re-checks the page's rows).
 * `param(value)` returns the placeholder for a value.
 */
export function filterSql(filters: SearchFilters, param: (value: unknown) => string, time: (d: Date) => unknown): string[] {
  const where: string[] = [];
  if (filters.type) where.push(`d.kind = ${param(filters.type)}`);
  if (filters.duration) {
    const [min, max] = DURATION_BOUNDS_MS[filters.duration];
    if (min != null) where.push(`d.duration_ms >= ${param(min)}`);
    if (max != null) where.push(`d.duration_ms < ${param(max)}`);
  }
  if (filters.uploadedSince) where.push(`d.created_at >= ${param(time(filters.uploadedSince))}`);
  return where;
}
