import { AccountKind } from './account-kind';
import { parseAmount } from './amount';
import { LedgerAccounts } from './ledger.accounts';
import { LedgerJournal, ordinary, toResult } from './ledger.journal';
import { EntryResult } from './ledger.types';

/**
 * A caller's own rules around one mint, in the mint's transaction: the caller's repositories join it
 * through the platform's transaction handle (Database), so their statements commit or roll back with the mint.
 */
export interface MintHooks {
  /** Runs with the mint account locked (so mints run one at a time) before anything is written; throw a LedgerError to refuse. */
  check?: (amount: bigint) => Promise<void>;
  /** Runs after the entry is written, in the same transaction (an audit row…). */
  after?: (entryId: string, createdAt: Date) => Promise<void>;
}

/** The money supply: mint (new coins from the mint account, which goes negative) and burn (back into it). */
export class LedgerSupply {
  constructor(
    private readonly journal: LedgerJournal,
    private readonly accounts: LedgerAccounts,
  ) {}

  /** Creates `amount` new coins in `toId` (the mint goes negative by as much). */
  async mint(toId: string, amount: bigint, idempotencyKey: string, memo?: string, hooks: MintHooks = {}): Promise<EntryResult> {
    const a = parseAmount(amount);
    const mintId = (await this.accounts.system(AccountKind.MINT)).id;
    return this.journal.execute({
      kind: 'MINT',
      key: idempotencyKey,
      payload: { to: toId, amount: a },
      memo,
      lock: [mintId, toId],
      plan: async (tx, accounts) => {
        ordinary(accounts.get(toId)!);
        await hooks.check?.(a);
        const after = hooks.after;
        return {
          postings: [
            { accountId: mintId, amount: -a },
            { accountId: toId, amount: a },
          ],
          after: after ? (_t, entryId) => after(entryId, new Date()) : undefined,
        };
      },
      result: async (_tx, e, replayed) => toResult(e, replayed),
    });
  }

  /** Destroys `amount` coins from `fromId` (back into the mint). */
  async burn(fromId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<EntryResult> {
    const a = parseAmount(amount);
    const mintId = (await this.accounts.system(AccountKind.MINT)).id;
    return this.journal.execute({
      kind: 'BURN',
      key: idempotencyKey,
      payload: { from: fromId, amount: a },
      memo,
      lock: [mintId, fromId],
      plan: async (_tx, accounts) => {
        ordinary(accounts.get(fromId)!);
        return {
          postings: [
            { accountId: fromId, amount: -a },
            { accountId: mintId, amount: a },
          ],
        };
      },
      result: async (_tx, e, replayed) => toResult(e, replayed),
    });
  }
}
