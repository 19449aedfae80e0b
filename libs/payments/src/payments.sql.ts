/** Helpers for the payments tables' raw SQL on both databases ('?' placeholders, see LedgerTx.query). */
export type Raw = Record<string, unknown>;
export type Sql = (text: string, params?: unknown[]) => Promise<Raw[]>;

/** SQLite keeps TypeORM datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'; PostgreSQL takes Dates. */
export function sqlTime(postgres: boolean, d: Date): Date | string {
  return postgres ? d : d.toISOString().replace('T', ' ').replace('Z', '');
}

export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

export function toDateOrNull(v: unknown): Date | null {
  return v == null ? null : toDate(v);
}

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
