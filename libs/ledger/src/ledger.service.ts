import { Injectable } from '@nestjs/common';
import { AccountKind, HoldKind, SystemAccountKind } from './account-kind';
import { LedgerAccounts } from './ledger.accounts';
import { BatchEntry, LedgerBatch } from './ledger.batch';
import { LedgerHolds } from './ledger.holds';
import { LedgerJournal } from './ledger.journal';
import { LedgerQueries } from './ledger.queries';
import { LedgerRepository } from './ledger.repository';
import { HistoryCursor, HistoryRow, LedgerAudit } from './ledger.rows';
import { LedgerSupply, MintHooks } from './ledger.supply';
import { Account, EntryResult, Hold, HoldResult, PostCommand } from './ledger.types';

export type { MintHooks } from './ledger.supply';

/**
 * The Cloudcoin ledger: double-entry journal, idempotent commands, two-phase holds, mint and burn.
 * Every command is one transaction; a refused command (LedgerError) moves nothing.
 *
 * The public face of the ledger; the work is done by one part per job, each over LedgerRepository:
 * LedgerAccounts (opening and reading accounts), LedgerJournal (running a command: locks,
 * idempotency, balance checks; `post`, `transfer`), LedgerSupply (mint, burn), LedgerHolds (place,
 * settle, release), LedgerQueries (histories, totals, audit), and LedgerBatch (many settlements in one entry).
 */
@Injectable()
export class LedgerService {
  private readonly accounts: LedgerAccounts;
  private readonly journal: LedgerJournal;
  private readonly supply: LedgerSupply;
  private readonly holds: LedgerHolds;
  private readonly queries: LedgerQueries;

  constructor(private readonly repo: LedgerRepository) {
    this.accounts = new LedgerAccounts(repo);
    this.journal = new LedgerJournal(repo);
    this.supply = new LedgerSupply(this.journal, this.accounts);
    this.holds = new LedgerHolds(repo, this.journal);
    this.queries = new LedgerQueries(repo);
  }

  // ---- accounts ----

  /** The account of `kind` owned by `ownerId`, opened on first use. Platform kinds ignore the owner. */
  openAccount(kind: AccountKind, ownerId?: string | null): Promise<Account> {
    return this.accounts.open(kind, ownerId);
  }

  /** The one mint, platform-fees or bandwidth-pool account (fixed id), created on first use. */
  systemAccount(kind: SystemAccountKind): Promise<Account> {
    return this.accounts.system(kind);
  }

  getAccount(id: string): Promise<Account | null> {
    return this.accounts.get(id);
  }

  balanceOf(accountId: string): Promise<bigint> {
    return this.accounts.balanceOf(accountId);
  }

  /** Coins in circulation: everything ever minted minus everything burnt (= −balance of the mint). */
  totalSupply(): Promise<bigint> {
    return this.accounts.totalSupply();
  }

  /** Accounts of `kind` whose balance is above zero, in id order after `afterId` (for periodic jobs: page with the last id), at most `limit`. */
  accountsWithBalance(kind: AccountKind, afterId = '', limit = 500): Promise<Account[]> {
    return this.accounts.withBalance(kind, afterId, limit);
  }

  /** Every account of `kind` with a balance above zero, page by page (for periodic jobs). */
  async *eachAccountWithBalance(kind: AccountKind): AsyncGenerator<Account> {
    let after = '';
    for (;;) {
      const page = await this.accountsWithBalance(kind, after);
      for (const a of page) yield a;
      if (page.length === 0) return;
      after = page[page.length - 1].id;
    }
  }

  // ---- queries ----

  entryByKey(idempotencyKey: string): Promise<EntryResult | null> {
    return this.queries.entryByKey(idempotencyKey);
  }

  getHold(holdId: string): Promise<Hold | null> {
    return this.holds.get(holdId);
  }

  /** Whole-ledger invariant checks (every list empty and sumOfBalances 0 in a healthy ledger). */
  audit(): Promise<LedgerAudit> {
    return this.queries.audit();
  }

  /** Σ of an account's postings (equals its balance in a healthy ledger). */
  sumOfPostings(accountId: string): Promise<bigint> {
    return this.queries.sumOfPostings(accountId);
  }

  /** Postings of the accounts, newest first (keyset pagination by `after`). */
  history(accountIds: string[], limit: number, after?: HistoryCursor): Promise<HistoryRow[]> {
    return this.queries.history(accountIds, limit, after);
  }

  /** Per UTC day since `since`: Σ of the account's incoming postings of `kinds`. */
  dailyTotals(accountId: string, kinds: string[], since: Date): Promise<Array<{ day: string; amount: bigint; entries: number }>> {
    return this.queries.dailyTotals(accountId, kinds, since);
  }

  /** Per journal entry: Σ and count of its positive postings (what it credited); entries without any are left out. */
  entryCredits(entryIds: string[]): Promise<Map<string, { amount: bigint; postings: number }>> {
    return this.queries.entryCredits(entryIds);
  }

  /** Σ of the account's incoming postings of `kinds` before `before`, and Σ of its outgoing postings of `outKinds`. */
  flowTotals(accountId: string, inKinds: string[], before: Date, outKinds: string[]): Promise<{ incoming: bigint; outgoing: bigint }> {
    return this.queries.flowTotals(accountId, inKinds, before, outKinds);
  }

  // ---- commands ----

  /**
   * Many hold settlements as one journal entry in one transaction (see {@link LedgerBatch}): `work`
   * locks, decides and queues; the entry is written when it returns. If `work` throws, nothing is.
   */
  async batch<T>(entry: BatchEntry, work: (batch: LedgerBatch) => Promise<T>): Promise<T> {
    return this.repo.transaction(async (tx) => {
      const b = new LedgerBatch(tx, entry);
      const result = await work(b);
      await b.flush();
      return result;
    });
  }

  /** A generic balanced entry between ordinary accounts (not the mint, not hold accounts). */
  post(command: PostCommand): Promise<EntryResult> {
    return this.journal.post(command);
  }

  /** Moves `amount` from one ordinary account to another. */
  transfer(fromId: string, toId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<EntryResult> {
    return this.journal.transfer(fromId, toId, amount, idempotencyKey, memo);
  }

  /** Creates `amount` new coins in `toId` (the mint goes negative by as much). */
  mint(toId: string, amount: bigint, idempotencyKey: string, memo?: string, hooks: MintHooks = {}): Promise<EntryResult> {
    return this.supply.mint(toId, amount, idempotencyKey, memo, hooks);
  }

  /** Destroys `amount` coins from `fromId` (back into the mint). */
  burn(fromId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<EntryResult> {
    return this.supply.burn(fromId, amount, idempotencyKey, memo);
  }

  /**
   * Phase one: moves `amount` from `fromId` into a new hold account of `kind` (SESSION_HOLD for a
   * playback session's budget, CAMPAIGN_ESCROW for an ad line item's).
   */
  placeHold(
    fromId: string,
    amount: bigint,
    idempotencyKey: string,
    memo?: string,
    kind: HoldKind = AccountKind.SESSION_HOLD,
  ): Promise<HoldResult> {
    return this.holds.place(fromId, amount, idempotencyKey, memo, kind);
  }

  /** Phase two, any number of times: pays `amount` of what the hold still has to `toId`. */
  settleHold(holdId: string, toId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<HoldResult> {
    return this.holds.settle(holdId, toId, amount, idempotencyKey, memo);
  }

  /** Closes the hold and returns what it still has to the account it came from. */
  releaseHold(holdId: string, idempotencyKey: string, memo?: string): Promise<HoldResult> {
    return this.holds.release(holdId, idempotencyKey, memo);
  }
}
