import { DataSource } from 'typeorm';

/**
 * What differs between SQLite and PostgreSQL in the raw-SQL parts (ledger, payments, ads), in one
 * place. Statements are written once with '?' placeholders; the dialect numbers them for PostgreSQL.
 * SQLite keeps TypeORM datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS' and hands them back as text;
 * PostgreSQL takes and gives Dates.
 */
export class SqlDialect {
  constructor(readonly postgres: boolean) {}

  static of(ds: DataSource): SqlDialect {
    return new SqlDialect(ds.options.type === 'postgres');
  }

  /** '?' placeholders as the driver takes them: $1, $2, … on PostgreSQL, unchanged on SQLite. */
  placeholders(text: string): string {
    if (!this.postgres) return text;
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  }

  /** A Date as a statement's parameter. */
  time(d: Date): Date | string {
    return sqlTime(this.postgres, d);
  }

  /** Booleans bind as 1/0 on both (better-sqlite3 binds no booleans; PostgreSQL reads '1'/'0' as boolean). */
  bool(b: boolean): number {
    return b ? 1 : 0;
  }

  /** `column IN (…)` as SQL and params: one array parameter on PostgreSQL (`= ANY(?)`), one per value on SQLite. */
  inList(column: string, values: unknown[], pgType = 'varchar'): { sql: string; params: unknown[] } {
    return this.postgres
      ? { sql: `${column} = ANY(?::${pgType}[])`, params: [values] }
      : { sql: `${column} IN (${marks(values.length)})`, params: values };
  }

  /** The UTC day 'YYYY-MM-DD' of a datetime column. */
  utcDay(column: string): string {
    return this.postgres ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')` : `substr(${column}, 1, 10)`;
  }

  /** Row locks of a SELECT (PostgreSQL; SQLite's transaction holds the database write lock already). */
  get forUpdate(): string {
    return this.postgres ? ' FOR UPDATE' : '';
  }
}

/** `n` comma-separated '?' placeholders. */
export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

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

/** A boolean column's value (SQLite 0/1, PostgreSQL true/false or text). */
export function toBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't' || v === 'true';
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
