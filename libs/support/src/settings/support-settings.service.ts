import { Injectable } from '@nestjs/common';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { UserError } from '@wetube/platform';
import { SupportSessionsRepository } from '../sessions/support-sessions.repository';
import { checkSettings, utcDay } from '../support.rules';
import { SupportSettings, SupportSettingsRepository } from './support-settings.repository';

/** A listener's support of a creator as the watch page shows it. */
export interface SupportView {
  creatorId: string;
  enabled: boolean;
  perMinute: bigint;
  dailyCeiling: bigint;
  /** What the listener's sessions paid this creator today (UTC). */
  paidToday: bigint;
}

export interface SupportChange {
  creatorId: string;
  enabled: boolean;
  perMinute: bigint;
  dailyCeiling: bigint;
}

export type SupportChangeResult = { ok: true; support: SupportView } | { ok: false; errors: UserError[] };

/** What a new listener sees before choosing: off, 1 CLC a minute, 60 CLC a day. */
export const DEFAULT_PER_MINUTE = 1_000_000n;
export const DEFAULT_DAILY_CEILING = 60_000_000n;

/** Listeners' support settings per creator (on/off, amount per minute, daily ceiling) and what they paid today. */
@Injectable()
export class SupportSettingsService {
  constructor(
    private readonly settings: SupportSettingsRepository,
    private readonly sessions: SupportSessionsRepository,
    private readonly ledger: LedgerService,
  ) {}

  async view(listenerId: string, creatorId: string, now = new Date()): Promise<SupportView> {
    const s: Pick<SupportSettings, 'enabled' | 'perMinute' | 'dailyCeiling'> = (await this.settings.get(listenerId, creatorId)) ?? {
      enabled: false,
      perMinute: DEFAULT_PER_MINUTE,
      dailyCeiling: DEFAULT_DAILY_CEILING,
    };
    return {
      creatorId,
      enabled: s.enabled,
      perMinute: s.perMinute,
      dailyCeiling: s.dailyCeiling,
      paidToday: await this.sessions.paidOn(listenerId, creatorId, utcDay(now)),
    };
  }

  /**
   * Sets the listener's support of a creator (the creator must exist: the caller checks). Turning it
   * on needs a positive amount, a ceiling of at least one minute, and a wallet that holds one minute.
   * Sessions already playing keep the terms they started with.
   */
  async set(listenerId: string, change: SupportChange): Promise<SupportChangeResult> {
    if (change.creatorId === listenerId)
      return { ok: false, errors: [UserError.of('creatorId', 'You cannot support yourself.', 'SELF_SUPPORT')] };
    if (change.enabled) {
      const problems = checkSettings(change.perMinute, change.dailyCeiling);
      if (problems.length > 0) return { ok: false, errors: problems.map((p) => UserError.of(p.field, p.message, p.code)) };
      const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, listenerId);
      if (wallet.balance < change.perMinute)
        return {
          ok: false,
          errors: [
            UserError.of(
              'amountPerMinute',
              'Your wallet holds less than one minute at this amount: top it up or lower the amount.',
              'INSUFFICIENT_FUNDS',
            ),
          ],
        };
    } else if (change.perMinute < 0n || change.dailyCeiling < 0n) {
      return { ok: false, errors: [UserError.of('amountPerMinute', 'Amounts cannot be negative.', 'INVALID_AMOUNT')] };
    }
    await this.settings.upsert({ listenerId, ...change });
    return { ok: true, support: await this.view(listenerId, change.creatorId) };
  }
}
