import { Injectable } from '@nestjs/common';
import { LedgerService } from '@wetube/ledger';
import { Raw, Sql } from './payments.sql';

/**
 * The payments tables' statements (raw SQL, '?' placeholders on both databases). They go through
 * the ledger's connection handling, so on SQLite they never run inside an open ledger transaction.
 */
@Injectable()
export class PaymentsDb {
  constructor(private readonly ledger: LedgerService) {}

  get postgres(): boolean {
    return this.ledger.isPostgres;
  }

  readonly query: Sql = (text: string, params: unknown[] = []): Promise<Raw[]> => this.ledger.sql(text, params);
}
