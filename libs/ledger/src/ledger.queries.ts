import { LedgerRepository } from './ledger.repository';
import { toResult } from './ledger.journal';
import { HistoryCursor, HistoryRow, LedgerAudit } from './ledger.rows';
import { EntryResult } from './ledger.types';

/** Read-only questions about the journal: entries by key, account histories and totals, the audit. */
export class LedgerQueries {
  constructor(private readonly repo: LedgerRepository) {}

  async entryByKey(idempotencyKey: string): Promise<EntryResult | null> {
    const e = await this.repo.read((tx) => tx.findEntryByKey(idempotencyKey));
    return e ? toResult(e, true) : null;
  }

  audit(): Promise<LedgerAudit> {
    return this.repo.read((tx) => tx.audit());
  }

  sumOfPostings(accountId: string): Promise<bigint> {
    return this.repo.read((tx) => tx.sumOfPostings(accountId));
  }

  history(accountIds: string[], limit: number, after?: HistoryCursor): Promise<HistoryRow[]> {
    return this.repo.read((tx) => tx.history(accountIds, limit, after));
  }

  dailyTotals(accountId: string, kinds: string[], since: Date): Promise<Array<{ day: string; amount: bigint; entries: number }>> {
    return this.repo.read((tx) => tx.dailyTotals(accountId, kinds, since));
  }

  entryCredits(entryIds: string[]): Promise<Map<string, { amount: bigint; postings: number }>> {
    return this.repo.read((tx) => tx.entryCredits(entryIds));
  }

  flowTotals(accountId: string, inKinds: string[], before: Date, outKinds: string[]): Promise<{ incoming: bigint; outgoing: bigint }> {
    return this.repo.read(async (tx) => ({
      incoming: await tx.sumIncoming(accountId, inKinds, before),
      outgoing: await tx.sumOutgoing(accountId, outKinds),
    }));
  }
}
