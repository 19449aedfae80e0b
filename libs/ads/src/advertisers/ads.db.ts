import { Injectable } from '@nestjs/common';
import { LedgerService } from '@wetube/ledger';
import { isUniqueViolation, sqlTime, toDate, toDateOrNull } from '@wetube/platform';

export type Row = Record<string, unknown>;

/**
 * The ads tables' statements (raw SQL, '?' placeholders on both databases). They run through the
 * ledger's connection handling, so on SQLite they never land inside an open ledger transaction.
 */
@Injectable()
export class AdsDb {
  constructor(private readonly ledger: LedgerService) {}

  get postgres(): boolean {
    return this.ledger.isPostgres;
  }

  query(text: string, params: unknown[] = []): Promise<Row[]> {
    return this.ledger.sql(text, params);
  }

  /** SQLite keeps TypeORM datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'; PostgreSQL takes Dates. */
  time(d: Date): Date | string {
    return sqlTime(this.postgres, d);
  }
}

export { toDate, toDateOrNull, isUniqueViolation };

/** Keyset cursor over (created_at, id): opaque base64url JSON. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
