import { Injectable } from '@nestjs/common';
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

const ENTITLEMENT = `SELECT e.id, e.user_id, e.plan_id, p.name AS plan_name, e.entry_id, CAST(e.price AS TEXT) AS price, e.starts_at, e.expires_at
         FROM payment_entitlements e JOIN payment_plans p ON p.id = e.plan_id`;

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

/** The payment_plans catalogue and the payment_entitlements bought from it. */
@Injectable()
export class EntitlementsRepository {
  constructor(private readonly db: Database) {}

  /** The active plans, in catalogue order. */
  async plans(): Promise<Plan[]> {
    const rows = await this.db.query(
      `SELECT id, name, period_days, CAST(price AS TEXT) AS price, active FROM payment_plans ORDER BY sort, id`,
    );
    return rows
      .filter((r) => toBool(r.active))
      .map((r) => ({ id: String(r.id), name: String(r.name), periodDays: Number(r.period_days), price: BigInt(r.price as string) }));
  }

  /** The user's entitlement that holds at `now` and ends last, or null. */
  async holdingAt(userId: string, now: Date): Promise<Entitlement | null> {
    const t = this.db.dialect.time(now);
    const [r] = await this.db.query(
      `${ENTITLEMENT} WHERE e.user_id = ? AND e.starts_at <= ? AND e.expires_at > ? ORDER BY e.expires_at DESC LIMIT 1`,
      [userId, t, t],
    );
    return r ? toEntitlement(r) : null;
  }

  async latestExpiry(userId: string): Promise<Date | null> {
    const [r] = await this.db.query(`SELECT MAX(expires_at) AS x FROM payment_entitlements WHERE user_id = ?`, [userId]);
    return r?.x == null ? null : toDate(r.x);
  }

  /** The entitlement a purchase entry made, or null. */
  async byEntry(entryId: string): Promise<Entitlement | null> {
    const [r] = await this.db.query(`${ENTITLEMENT} WHERE e.entry_id = ?`, [entryId]);
    return r ? toEntitlement(r) : null;
  }

  /** Fails on the unique entry_id when the purchase's entitlement exists already. */
  async insert(e: Entitlement): Promise<void> {
    const t = (d: Date) => this.db.dialect.time(d);
    await this.db.query(
      `INSERT INTO payment_entitlements (id, user_id, plan_id, entry_id, price, starts_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.userId, e.planId, e.entryId, e.price.toString(), t(e.startsAt), t(e.expiresAt)],
    );
  }
}
