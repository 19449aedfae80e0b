import { AccountKind, LedgerError, MintHooks } from '@wetube/ledger';
import { formatClc } from '@wetube/platform';
import { MintsRepository } from './mints.repository';

export interface MintTarget {
  adminUserId: string;
  toUserId: string | null;
  toAccountKind: AccountKind;
  idempotencyKey: string;
  memo: string | null;
}

/**
 * The admin mint's ceilings and audit row, run inside the mint's transaction (the repository's
 * statements join it): the mint account is locked there, so mints run one at a time and the day's
 * sum cannot be raced past the ceiling.
 */
export function mintCeiling(mints: MintsRepository, limits: { perCall: bigint; perDay: bigint }, target: MintTarget): MintHooks {
  let minted = 0n;
  return {
    check: async (amount: bigint) => {
      minted = amount;
      if (amount > limits.perCall) {
        throw new LedgerError(
          'MINT_LIMIT_EXCEEDED',
          `One mint may create at most ${formatClc(limits.perCall)} (MINT_MAX_PER_CALL); asked for ${formatClc(amount)}.`,
        );
      }
      const dayStart = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
      const today = await mints.sumSince(dayStart);
      if (today + amount > limits.perDay) {
        throw new LedgerError(
          'MINT_LIMIT_EXCEEDED',
          `Mints may create at most ${formatClc(limits.perDay)} per UTC day (MINT_MAX_PER_DAY); ${formatClc(today)} already minted today, asked for ${formatClc(amount)}.`,
        );
      }
    },
    after: async (entryId: string, createdAt: Date) => {
      await mints.insert({ entryId, ...target, amount: minted, createdAt });
    },
  };
}
