import { SqlDialect } from './sql-dialect';

/** A Relay cursor over rows listed newest first: (created_at DESC, id DESC). */
export interface Cursor {
  createdAt: Date;
  id: string;
}

/** Opaque base64url JSON of a list of values (strings, numbers, Dates as ISO text). */
export function encodeKeyset(values: Array<string | number | Date>): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

/** The values of a cursor made by {@link encodeKeyset} (`n` of them), or null for anything else. */
export function decodeKeyset(text: string, n: number): unknown[] | null {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) && v.length === n ? v : null;
  } catch {
    return null;
  }
}

export function encodeCursor(c: Cursor): string {
  return encodeKeyset([c.createdAt, c.id]);
}

/** Null for anything that is not a cursor we made. */
export function decodeCursor(text: string): Cursor | null {
  const v = decodeKeyset(text, 2);
  if (!v) return null;
  const [iso, id] = v;
  if (typeof id !== 'string' || typeof iso !== 'string') return null;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
}

/** One column of a keyset order, with the value of the last row seen. */
export interface KeysetColumn {
  column: string;
  value: unknown;
  order: 'ASC' | 'DESC';
}

/**
 * The rows after the last one seen in the order of `keys` (keyset pagination), as a WHERE condition
 * and its params: `(a < ? OR (a = ? AND (b < ? OR (b = ? AND c < ?))))` for (a DESC, b DESC, c DESC).
 */
export function keysetAfter(keys: KeysetColumn[]): { sql: string; params: unknown[] } {
  const [k, ...rest] = keys;
  const op = k.order === 'DESC' ? '<' : '>';
  if (rest.length === 0) return { sql: `${k.column} ${op} ?`, params: [k.value] };
  const inner = keysetAfter(rest);
  return { sql: `(${k.column} ${op} ? OR (${k.column} = ? AND ${inner.sql}))`, params: [k.value, k.value, ...inner.params] };
}

/** The rows after `c` in (createdAtColumn DESC, idColumn DESC) order, as a WHERE condition and its params. */
export function afterCursor(
  dialect: SqlDialect,
  c: Cursor,
  createdAtColumn = 'created_at',
  idColumn = 'id',
): { sql: string; params: unknown[] } {
  return keysetAfter([
    { column: createdAtColumn, value: dialect.time(c.createdAt), order: 'DESC' },
    { column: idColumn, value: c.id, order: 'DESC' },
  ]);
}
