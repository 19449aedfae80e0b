import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountKind, LedgerError, LedgerService } from '@wetube/ledger';
import { Entitlement, EntitlementsRepository, Plan } from './entitlements.repository';

export type { Entitlement, Plan } from './entitlements.repository';

export type BuyPlanResult =
  | { ok: true; entitlement: Entitlement; replayed: boolean }
  | { ok: false; code: 'PLAN_NOT_FOUND' | 'INSUFFICIENT_FUNDS' | 'IDEMPOTENCY_CONFLICT' | 'INVALID_COMMAND'; message: string };

const DAY_MS = 24 * 3600_000;

/**
 * Ad-free plans: the catalog, purchases (coins move from the buyer's wallet to the plan revenue
 * account in one journal entry) and the entitlements they create. Buying while a plan holds extends
 * it: the new period starts when the current one ends.
 */
@Injectable()
export class EntitlementsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly entitlements: EntitlementsRepository,
  ) {}

  plans(): Promise<Plan[]> {
    return this.entitlements.plans();
  }

  /** The entitlement that holds now (the one ending last), or null. */
  async activeOf(userId: string, now = new Date()): Promise<Entitlement | null> {
    const e = await this.entitlements.holdingAt(userId, now);
    if (!e) return null;
    // Report the whole run of back-to-back periods: ad-free until the last one ends.
    const latest = await this.entitlements.latestExpiry(userId);
    return latest && latest > e.expiresAt ? { ...e, expiresAt: latest } : e;
  }

  /**
   * Buys a plan. `idempotencyKey` is the client's key for this purchase: a retry with it returns the
   * same entitlement and moves nothing; the same key for another plan is IDEMPOTENCY_CONFLICT.
   */
  async buy(userId: string, planId: string, idempotencyKey: string, now = new Date()): Promise<BuyPlanResult> {
    const plan = (await this.plans()).find((p) => p.id === planId);
    if (!plan) return { ok: false, code: 'PLAN_NOT_FOUND', message: `There is no plan ${JSON.stringify(planId)}.` };
    const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, userId);
    const revenue = await this.ledger.systemAccount(AccountKind.PLAN_REVENUE);
    let entry;
    try {
      entry = await this.ledger.post({
        kind: 'PLAN_PURCHASE',
        idempotencyKey: `plan:${userId}:${idempotencyKey}`,
        memo: `${plan.name} (${plan.periodDays} days)`,
        postings: [
          { accountId: wallet.id, amount: -plan.price },
          { accountId: revenue.id, amount: plan.price },
        ],
      });
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      if (err.code === 'INSUFFICIENT_FUNDS')
        return { ok: false, code: 'INSUFFICIENT_FUNDS', message: `Your wallet does not hold the ${plan.name}'s price.` };
      if (err.code === 'IDEMPOTENCY_CONFLICT')
        return { ok: false, code: 'IDEMPOTENCY_CONFLICT', message: 'This purchase key was already used for another purchase.' };
      if (err.code === 'INVALID_COMMAND') return { ok: false, code: 'INVALID_COMMAND', message: err.message };
      throw err;
    }
    // The entitlement of this entry (made now, or by the first attempt; a retry repairs a crash between the two).
    const existing = await this.entitlements.byEntry(entry.entryId);
    if (existing) return { ok: true, entitlement: existing, replayed: true };
    const latest = await this.entitlements.latestExpiry(userId);
    const startsAt = latest && latest > now ? latest : now;
    const expiresAt = new Date(startsAt.getTime() + plan.periodDays * DAY_MS);
    const row = {
      id: randomUUID(),
      userId,
      planId: plan.id,
      planName: plan.name,
      entryId: entry.entryId,
      price: plan.price,
      startsAt,
      expiresAt,
    };
    try {
      await this.entitlements.insert(row);
    } catch (err) {
      // A concurrent retry of the same purchase inserted it first (unique entry_id).
      const again = await this.entitlements.byEntry(entry.entryId);
      if (!again) throw err;
      return { ok: true, entitlement: again, replayed: true };
    }
    return { ok: true, entitlement: row, replayed: entry.replayed };
  }
}
