import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountKind, LedgerError, LedgerService } from '@wetube/ledger';
import { Database, Row, toBool, toDate } from '@wetube/platform';

export interface Plan {
  id: string;
  name: string;
  periodDays: number;
  price: bigint;
}

export interface Entitlement {
  id: string;
  userId: string;
  planId: string;
  planName: string;
  entryId: string;
  price: bigint;
  startsAt: Date;
  expiresAt: Date;
}

export type BuyPlanResult =
  | { ok: true; entitlement: Entitlement; replayed: boolean }
  | { ok: false; code: 'PLAN_NOT_FOUND' | 'INSUFFICIENT_FUNDS' | 'IDEMPOTENCY_CONFLICT' | 'INVALID_COMMAND'; message: string };

const DAY_MS = 24 * 3600_000;

function toEntitlement(r: Row): Entitlement {
  return {
    id: String(r.id),
    userId: String(r.user_id),
    planId: String(r.plan_id),
    planName: String(r.plan_name ?? r.plan_id),
    entryId: String(r.entry_id),
    price: BigInt(r.price as string),
    startsAt: toDate(r.starts_at),
    expiresAt: toDate(r.expires_at),
  };
}

/**
 * Ad-free plans: the catalog, purchases (coins move from the buyer's wallet to the plan revenue
 * account in one journal entry) and the entitlements they create. Buying while a plan holds extends
 * it: the new period starts when the current one ends.
 */
@Injectable()
export class EntitlementsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly db: Database,
  ) {}

  async plans(): Promise<Plan[]> {
    const rows = await this.db.query(
      `SELECT id, name, period_days, CAST(price AS TEXT) AS price, active FROM payment_plans ORDER BY sort, id`,
    );
    return rows
      .filter((r) => toBool(r.active))
      .map((r) => ({ id: String(r.id), name: String(r.name), periodDays: Number(r.period_days), price: BigInt(r.price as string) }));
  }

  /** The entitlement that holds now (the one ending last), or null. */
  async activeOf(userId: string, now = new Date()): Promise<Entitlement | null> {
    const [r] = await this.db.query(
      `SELECT e.id, e.user_id, e.plan_id, p.name AS plan_name, e.entry_id, CAST(e.price AS TEXT) AS price, e.starts_at, e.expires_at
         FROM payment_entitlements e JOIN payment_plans p ON p.id = e.plan_id
        WHERE e.user_id = ? AND e.starts_at <= ? AND e.expires_at > ? ORDER BY e.expires_at DESC LIMIT 1`,
      [userId, this.db.dialect.time(now), this.db.dialect.time(now)],
    );
    if (!r) return null;
    // Report the whole run of back-to-back periods: ad-free until the last one ends.
    const latest = await this.latestExpiry(userId);
    const e = toEntitlement(r);
    return latest && latest > e.expiresAt ? { ...e, expiresAt: latest } : e;
  }

  private async latestExpiry(userId: string): Promise<Date | null> {
    const [r] = await this.db.query(`SELECT MAX(expires_at) AS x FROM payment_entitlements WHERE user_id = ?`, [userId]);
    return r?.x == null ? null : toDate(r.x);
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
    const [existing] = await this.db.query(
      `SELECT e.id, e.user_id, e.plan_id, p.name AS plan_name, e.entry_id, CAST(e.price AS TEXT) AS price, e.starts_at, e.expires_at
         FROM payment_entitlements e JOIN payment_plans p ON p.id = e.plan_id WHERE e.entry_id = ?`,
      [entry.entryId],
    );
    if (existing) return { ok: true, entitlement: toEntitlement(existing), replayed: true };
    const latest = await this.latestExpiry(userId);
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
    const t = (d: Date) => this.db.dialect.time(d);
    try {
      await this.db.query(
        `INSERT INTO payment_entitlements (id, user_id, plan_id, entry_id, price, starts_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [row.id, userId, plan.id, entry.entryId, plan.price.toString(), t(startsAt), t(expiresAt)],
      );
    } catch (err) {
      // A concurrent retry of the same purchase inserted it first (unique entry_id).
      const [again] = await this.db.query(
        `SELECT e.id, e.user_id, e.plan_id, p.name AS plan_name, e.entry_id, CAST(e.price AS TEXT) AS price, e.starts_at, e.expires_at FROM payment_entitlements e JOIN payment_plans p ON p.id = e.plan_id WHERE e.entry_id = ?`,
        [entry.entryId],
      );
      if (!again) throw err;
      return { ok: true, entitlement: toEntitlement(again), replayed: true };
    }
    return { ok: true, entitlement: row, replayed: entry.replayed };
  }
}
