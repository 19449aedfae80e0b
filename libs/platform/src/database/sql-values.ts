/**
 * Values across the two databases the raw-SQL parts (ledger, payments, ads) run on: SQLite keeps
 * TypeORM datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS' and hands them back as text; PostgreSQL
 * takes and gives Dates.
 */

/** A Date as the database takes it in a raw statement's parameter. */
export function sqlTime(postgres: boolean, d: Date): Date | string {
  return postgres ? d : d.toISOString().replace('T', ' ').replace('Z', '');
}

/** A datetime column's value as a Date (SQLite's UTC text, or a Date from PostgreSQL). */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

export function toDateOrNull(v: unknown): Date | null {
  return v == null ? null : toDate(v);
}

/** True when a write failed on a unique index or primary key (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_*). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed|duplicate key/.test(e?.message ?? '')
  );
}
