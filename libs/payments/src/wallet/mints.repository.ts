import { Injectable } from '@nestjs/common';
import { Database, Row, toDate } from '@wetube/platform';

/** One admin mint as the audit list shows it. */
export interface MintRecord {
  entryId: string;
  adminUserId: string;
  toUserId: string | null;
  toAccountKind: string;
  amount: bigint;
  idempotencyKey: string;
  memo: string | null;
  createdAt: Date;
}

function toMintRecord(r: Row): MintRecord {
  return {
    entryId: String(r.entry_id),
    adminUserId: String(r.admin_user_id),
    toUserId: r.to_user_id == null ? null : String(r.to_user_id),
    toAccountKind: String(r.to_account_kind),
    amount: BigInt(String(r.amount)),
    idempotencyKey: String(r.idempotency_key),
    memo: r.memo == null ? null : String(r.memo),
    createdAt: toDate(r.created_at),
  };
}

/** The payment_mints audit table (written in the mint's own ledger transaction, which its statements join). */
@Injectable()
export class MintsRepository {
  constructor(private readonly db: Database) {}

  /** Σ of the amounts minted since `since`. */
  async sumSince(since: Date): Promise<bigint> {
    const [r] = await this.db.query(`SELECT CAST(COALESCE(SUM(amount), 0) AS TEXT) AS s FROM payment_mints WHERE created_at >= ?`, [
      this.db.dialect.time(since),
    ]);
    return BigInt(r.s as string);
  }

  async insert(m: MintRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO payment_mints (entry_id, admin_user_id, to_user_id, to_account_kind, amount, idempotency_key, memo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        m.entryId,
        m.adminUserId,
        m.toUserId,
        m.toAccountKind,
        String(m.amount),
        m.idempotencyKey,
        m.memo,
        this.db.dialect.time(m.createdAt),
      ],
    );
  }

  /** Newest first; `before`: an entry id from an earlier page. */
  async list(first: number, before?: string | null): Promise<MintRecord[]> {
    const rows = before
      ? await this.db.query(
          `SELECT m.* FROM payment_mints m, payment_mints b WHERE b.entry_id = ? AND (m.created_at < b.created_at OR (m.created_at = b.created_at AND m.entry_id < b.entry_id))
            ORDER BY m.created_at DESC, m.entry_id DESC LIMIT ?`,
          [before, first],
        )
      : await this.db.query(`SELECT * FROM payment_mints ORDER BY created_at DESC, entry_id DESC LIMIT ?`, [first]);
    return rows.map(toMintRecord);
  }
}
