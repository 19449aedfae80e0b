/** Helpers for the payments tables' raw SQL on both databases ('?' placeholders, see LedgerTx.query). */
export type Raw = Record<string, unknown>;
export type Sql = (text: string, params?: unknown[]) => Promise<Raw[]>;

export { sqlTime, toDate, toDateOrNull } from '@wetube/platform';

/** Booleans bind as 1/0 on both (better-sqlite3 binds no booleans; PostgreSQL reads '1'/'0' as boolean). */
export function sqlBool(b: boolean): number {
  return b ? 1 : 0;
}

export function toBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't' || v === 'true';
}

export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** `column IN (…)` as SQL and params: one array parameter on PostgreSQL, one per value on SQLite. */
export function inList(pg: boolean, column: string, values: unknown[], pgType = 'varchar'): { sql: string; params: unknown[] } {
  return pg
    ? { sql: `${column} = ANY(?::${pgType}[])`, params: [values] }
    : { sql: `${column} IN (${marks(values.length)})`, params: values };
}

/**
 * Inserts many rows: on PostgreSQL one statement with an array parameter per column (INSERT … SELECT
 * FROM unnest), on SQLite multi-row VALUES in chunks. `columns` are [name, PostgreSQL element type].
 */
export async function bulkInsert(
  pg: boolean,
  sql: Sql,
  table: string,
  columns: Array<[string, string]>,
  rows: unknown[][],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([n]) => n).join(', ');
  if (pg) {
    await sql(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map(([, t]) => `?::${t}[]`).join(', ')}) ${onConflict}`,
      columns.map((_, c) => rows.map((r) => r[c])),
    );
    return;
  }
  for (let i = 0; i < rows.length; i += 400) {
    const part = rows.slice(i, i + 400);
    await sql(
      `INSERT INTO ${table} (${names}) VALUES ${part.map(() => `(${marks(columns.length)})`).join(', ')} ${onConflict}`,
      part.flat(),
    );
  }
}
