import { Injectable, Logger } from '@nestjs/common';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';

/**
 * Peer earnings wait in the peer's pending account for the review window (PEER_EARNINGS_HOLD_SEC);
 * this moves what has matured to the spendable wallet. What matured = Σ peer rewards older than the
 * window − Σ already released; the release's idempotency key is the running total it brings the
 * account to, so two processes running it at once release once.
 */
@Injectable()
export class EarningsReleaseService {
  private readonly log = new Logger('EarningsRelease');

  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
  ) {}

  async releaseMatured(now = new Date()): Promise<{ accounts: number; amount: bigint }> {
    const cutoff = new Date(now.getTime() - this.config.payments.earningsHoldSec * 1000);
    let accounts = 0;
    let amount = 0n;
    for await (const pending of this.ledger.eachAccountWithBalance(AccountKind.USER_PENDING)) {
      const { incoming, outgoing } = await this.ledger.flowTotals(pending.id, ['PEER_REWARD'], cutoff, ['PENDING_RELEASE']);
      let due = incoming - outgoing;
      if (due > pending.balance) due = pending.balance;
      if (due <= 0n) continue;
      const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, pending.ownerId!);
      await this.ledger.post({
        kind: 'PENDING_RELEASE',
        idempotencyKey: `pending-release:${pending.id}:${outgoing + due}`,
        memo: 'Seeding earnings past the review window',
        postings: [
          { accountId: pending.id, amount: -due },
          { accountId: wallet.id, amount: due },
        ],
      });
      accounts++;
      amount += due;
    }
    if (accounts > 0) this.log.log(`released ${amount} of peer earnings to ${accounts} wallet(s)`);
    return { accounts, amount };
  }
}
