import { AccountKind, LedgerError, MintHooks } from '@wetube/ledger';
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
          `One mint may create at most ${clc(limits.perCall)} CLC (MINT_MAX_PER_CALL); asked for ${clc(amount)} CLC.`,
        );
      }
      const dayStart = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
      const today = await mints.sumSince(dayStart);
      if (today + amount > limits.perDay) {
        throw new LedgerError(
          'MINT_LIMIT_EXCEEDED',
          `Mints may create at most ${clc(limits.perDay)} CLC per UTC day (MINT_MAX_PER_DAY); ${clc(today)} CLC already minted today, asked for ${clc(amount)} CLC.`,
        );
      }
    },
    after: async (entryId: string, createdAt: Date) => {
      await mints.insert({ entryId, ...target, amount: minted, createdAt });
    },
  };
}

/** Minor units as CLC for messages: 1500000 → "1.5". */
function clc(minor: bigint): string {
  const whole = minor / 1_000_000n;
  const frac = (minor % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}
