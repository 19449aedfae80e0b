/**
 * Rows RETURNING by an UPDATE/INSERT through TypeORM: PostgreSQL answers `[rows, rowCount]`,
 * better-sqlite3 the rows themselves.
 */
export function returned(res: unknown): Record<string, unknown>[] {
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number')
    return res[0] as Record<string, unknown>[];
  return Array.isArray(res) ? (res as Record<string, unknown>[]) : [];
}
