import { DURATION_BOUNDS_MS, SearchFilters } from './search.types';

/**
 * The WHERE parts both dialects share: listed (PUBLIC and READY — the index holds only those, this
 * re-checks on the row itself), and the filters. `param(value)` returns the placeholder for a value.
 */
export function filterSql(filters: SearchFilters, param: (value: unknown) => string, time: (d: Date) => unknown): string[] {
  const where = ["v.status = 'READY'", "v.visibility = 'PUBLIC'"];
  if (filters.type) where.push(`d.kind = ${param(filters.type)}`);
  if (filters.duration) {
    const [min, max] = DURATION_BOUNDS_MS[filters.duration];
    if (min != null) where.push(`v.duration_ms >= ${param(min)}`);
    if (max != null) where.push(`v.duration_ms < ${param(max)}`);
  }
  if (filters.uploadedSince) where.push(`v.created_at >= ${param(time(filters.uploadedSince))}`);
  return where;
}
