import { AccountKind, LedgerError, LedgerQuery, MintHooks } from '@wetube/ledger';
import { sqlTime, toDate } from '../payments.sql';
import { formatClc } from '@wetube/platform';

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

export interface MintTarget {
  adminUserId: string;
  toUserId: string | null;
  toAccountKind: AccountKind;
  idempotencyKey: string;
  memo: string | null;
}

/**
 * The admin mint's ceilings and audit row, run inside the mint's transaction: the mint account is
 * locked there, so mints run one at a time and the day's sum cannot be raced past the ceiling.
 */
export function mintCeiling(limits: { perCall: bigint; perDay: bigint }, target: MintTarget): MintHooks {
  let minted = 0n;
  return {
    check: async (tx: LedgerQuery, amount: bigint) => {
      minted = amount;
      if (amount > limits.perCall) {
        throw new LedgerError(
          'MINT_LIMIT_EXCEEDED',
          `One mint may create at most ${formatClc(limits.perCall)} (MINT_MAX_PER_CALL); asked for ${formatClc(amount)}.`,
        );
      }
      const dayStart = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
      const [r] = await tx.query(`SELECT CAST(COALESCE(SUM(amount), 0) AS TEXT) AS s FROM payment_mints WHERE created_at >= ?`, [
        sqlTime(tx.isPostgres, dayStart),
      ]);
      const today = BigInt(r.s as string);
      if (today + amount > limits.perDay) {
        throw new LedgerError(
          'MINT_LIMIT_EXCEEDED',
          `Mints may create at most ${formatClc(limits.perDay)} per UTC day (MINT_MAX_PER_DAY); ${formatClc(today)} already minted today, asked for ${formatClc(amount)}.`,
        );
      }
    },
    after: async (tx: LedgerQuery, entryId: string, createdAt: Date) => {
      await tx.query(
        `INSERT INTO payment_mints (entry_id, admin_user_id, to_user_id, to_account_kind, amount, idempotency_key, memo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          entryId,
          target.adminUserId,
          target.toUserId,
          target.toAccountKind,
          String(minted),
          target.idempotencyKey,
          target.memo,
          sqlTime(tx.isPostgres, createdAt),
        ],
      );
    },
  };
}

export function toMintRecord(r: Record<string, unknown>): MintRecord {
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
