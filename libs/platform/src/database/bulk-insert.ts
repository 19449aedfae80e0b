import { marks } from './sql-dialect';
import { SqlRunner } from './sql-tx';

/**
 * Inserts many rows: on PostgreSQL one statement with an array parameter per column (INSERT … SELECT
 * FROM unnest: cheaper to send and to plan than thousands of VALUES placeholders), on SQLite
 * multi-row VALUES in chunks of `chunk` rows. `columns` are [name, PostgreSQL element type].
 */
export async function bulkInsert(
  db: SqlRunner,
  table: string,
  columns: Array<[string, string]>,
  rows: unknown[][],
  onConflict = '',
  chunk = 400,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([n]) => n).join(', ');
  if (db.dialect.postgres) {
    await db.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map(([, t]) => `?::${t}[]`).join(', ')}) ${onConflict}`,
      columns.map((_, c) => rows.map((r) => r[c])),
    );
    return;
  }
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(
      `INSERT INTO ${table} (${names}) VALUES ${part.map(() => `(${marks(columns.length)})`).join(', ')} ${onConflict}`,
      part.flat(),
    );
  }
}
