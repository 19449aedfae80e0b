import { EntityManager, QueryRunner } from 'typeorm';
import { SqlDialect } from './sql-dialect';

export type Row = Record<string, unknown>;

/** Something that runs statements ('?' placeholders): the {@link Database} itself or one {@link SqlTx}. */
export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** The rows a statement answers (a SELECT's, or an INSERT/UPDATE … RETURNING's; [] otherwise) on both databases. */
  query(text: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * The transaction handle: one connection (a transaction, or a plain read) that every repository
 * running inside {@link Database.transaction} / {@link Database.read} joins, so statements of
 * several libs commit or roll back together.
 */
export class SqlTx implements SqlRunner {
  private open = true;

  constructor(
    private readonly runner: QueryRunner,
    readonly dialect: SqlDialect,
    /** True inside a transaction, false for a plain read. */
    readonly transactional: boolean,
  ) {}

  /** TypeORM's entity manager on this connection (for inserts through entities). */
  get manager(): EntityManager {
    return this.runner.manager;
  }

  get isOpen(): boolean {
    return this.open;
  }

  async query(text: string, params: unknown[] = []): Promise<Row[]> {
    if (!this.open) throw new Error('this transaction is over');
    const res = await this.runner.query(this.dialect.placeholders(text), params, true);
    return (res.records ?? []) as Row[];
  }

  /** Called by Database when the transaction or read is over. */
  close(): void {
    this.open = false;
  }
}
