import { Injectable, Logger } from '@nestjs/common';
import type { PlaybackProgress, StartedPlaybackSession } from '@wetube/catalog';
import { AccountKind, LedgerError, LedgerService, splitByLargestRemainder } from '@wetube/ledger';
import { AppConfig, Database } from '@wetube/platform';
import { SupportSettingsRepository } from '../settings/support-settings.repository';
import { SupportSplitsRepository } from '../splits/support-splits.repository';
import { holdFor, owedFor, utcDay } from '../support.rules';
import { SupportSession, SupportSessionsRepository } from './support-sessions.repository';

/** How long a hold placed mid-session may stay open at most (idle sessions are released sooner). */
const LATE_SUPPORT_MS = 6 * 3600_000;

/** What a settlement did. */
export interface SettleOutcome {
  /** Paid by this call (0: nothing new, or a repeat). */
  paid: bigint;
  /** The session's total paid. */
  total: bigint;
}

/**
 * Pay as you listen, the money: at a playback session's start a hold is placed on the listener's
 * wallet (the rest of the day's ceiling for that creator, at most the whole item at the rate, at most
 * the balance); each heartbeat settles what the attended playback so far is worth and was not paid
 * yet, split among the creator's recipients by largest remainder, as ONE ledger entry whose key is
 * the session and the total it brings the session to (a repeated or concurrent heartbeat pays
 * nothing twice: the hold's paid-out, read under its lock, is the truth); at the session's end (its
 * last heartbeat, idle or expiry) the hold's rest goes back to the wallet and leaves the day's
 * commitment.
 */
@Injectable()
export class SupportPaymentsService {
  private readonly log = new Logger('Support');

  constructor(
    private readonly config: AppConfig,
    private readonly db: Database,
    private readonly ledger: LedgerService,
    private readonly settings: SupportSettingsRepository,
    private readonly splits: SupportSplitsRepository,
    private readonly sessions: SupportSessionsRepository,
  ) {}

  /** A playback session started: holds the listener's support when it is on. Null when none was held. */
  start(s: StartedPlaybackSession, now = new Date()): Promise<SupportSession | null> {
    if (!s.viewerId) return Promise.resolve(null);
    return this.begin(
      {
        sessionId: s.sessionId,
        listenerId: s.viewerId,
        creatorId: s.creatorId,
        videoId: s.videoId,
        durationMs: s.durationMs,
        expiresAt: s.expiresAt,
        baseMs: 0,
      },
      now,
    );
  }

  /**
   * Holds the listener's support of the creator for this session when it is on (once per session:
   * a second call finds the first's row). `baseMs`: attended playback before support began, never
   * paid for (support turned on mid-session starts at the next heartbeat).
   */
  private async begin(
    b: {
      sessionId: string;
      listenerId: string;
      creatorId: string;
      videoId: string;
      durationMs: number | null;
      expiresAt: Date;
      baseMs: number;
    },
    now: Date,
  ): Promise<SupportSession | null> {
    if (b.listenerId === b.creatorId) return null;
    const settings = await this.settings.get(b.listenerId, b.creatorId);
    if (!settings?.enabled || settings.perMinute <= 0n) return null;
    const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, b.listenerId);
    const day = utcDay(now);
    try {
      return await this.db.transaction(async () => {
        // The day's row is locked first: concurrent starts of one listener see each other's holds.
        const committed = await this.sessions.lockDay(b.listenerId, b.creatorId, day);
        const existing = await this.sessions.get(b.sessionId);
        if (existing) return existing;
        const balance = (await this.ledger.getAccount(wallet.id))?.balance ?? 0n;
        const amount = holdFor({
          perMinute: settings.perMinute,
          ceiling: settings.dailyCeiling,
          committed,
          durationMs: b.durationMs,
          balance,
        });
        if (amount <= 0n) return null;
        const { hold } = await this.ledger.placeHold(
          wallet.id,
          amount,
          `support-hold:${b.sessionId}`,
          `Support of a creator, playback session ${b.sessionId}`,
        );
        await this.sessions.insert({
          sessionId: b.sessionId,
          listenerId: b.listenerId,
          creatorId: b.creatorId,
          videoId: b.videoId,
          day,
          holdId: hold.id,
          perMinute: settings.perMinute,
          held: amount,
          baseMs: b.baseMs,
          startedAt: now,
          expiresAt: b.expiresAt,
        });
        await this.sessions.addCommitted(b.listenerId, b.creatorId, day, amount);
        return this.sessions.get(b.sessionId);
      });
    } catch (err) {
      // The wallet shrank between the read and the hold: play on without support.
      if (err instanceof LedgerError && err.code === 'INSUFFICIENT_FUNDS') {
        this.log.warn(`session ${b.sessionId}: support could not be held (${err.message})`);
        return null;
      }
      throw err;
    }
  }

  /** A heartbeat: pays what the attended playback is worth so far; on the last one, releases the rest. */
  async progressed(p: PlaybackProgress): Promise<void> {
    let s = await this.sessions.get(p.sessionId);
    if (!s) {
      // Support turned on while this session plays: it begins now, for what is attended from here on.
      if (p.ended || !p.viewerId || !p.creatorId) return;
      s = await this.begin(
        {
          sessionId: p.sessionId,
          listenerId: p.viewerId,
          creatorId: p.creatorId,
          videoId: p.videoId,
          durationMs: null,
          expiresAt: new Date(p.at.getTime() + LATE_SUPPORT_MS),
          baseMs: p.attendedMs ?? p.watchedMs,
        },
        p.at,
      );
      if (!s) return;
    }
    if (s.status === 'OPEN') {
      // Alive even when it pays nothing (paused): the idle release waits for heartbeats to stop.
      await this.sessions.touch(s.sessionId, p.at);
      await this.settle(s, p.attendedMs ?? p.watchedMs, p.at);
    }
    if (p.ended) await this.close(p.sessionId, p.at);
  }

  /**
   * Brings the session's payments up to what `attendedMs` (never less than what was paid for before)
   * is worth, capped by the hold. Idempotent and safe under concurrent calls.
   */
  async settle(s: SupportSession, attendedMs: number, at = new Date()): Promise<SettleOutcome> {
    const attended = Math.max(s.attendedMs, Math.floor(attendedMs));
    const owed = owedFor(attended - s.baseMs, s.perMinute);
    const target = owed < s.held ? owed : s.held;
    if (target <= s.paid) return { paid: 0n, total: s.paid };
    const shares = await this.splits.of(s.creatorId);
    const recipients = shares.length > 0 ? shares : [{ recipientId: s.creatorId, percent: 100 }];
    const accounts = await Promise.all(recipients.map((r) => this.ledger.openAccount(AccountKind.CREATOR_REVENUE, r.recipientId)));
    return this.ledger.batch(
      { idempotencyKey: `support:${s.sessionId}:${target}`, kind: 'SUPPORT', memo: `Support per minute played, session ${s.sessionId}` },
      async (batch) => {
        await batch.lock(
          [s.holdId],
          accounts.map((a) => a.id),
        );
        const hold = batch.hold(s.holdId);
        if (!hold || hold.status !== 'OPEN') return { paid: 0n, total: s.paid };
        // The hold's paid-out, read under its lock, is what this session has paid.
        const pay = target - hold.paidOut;
        if (pay <= 0n) return { paid: 0n, total: hold.paidOut };
        const parts = splitByLargestRemainder(
          pay,
          recipients.map((r) => BigInt(r.percent)),
        );
        parts.forEach((amount, i) => {
          if (amount > 0n) batch.settle({ holdId: s.holdId, toId: accounts[i].id, amount });
        });
        await this.sessions.recordPaid(s.sessionId, attended, target, at);
        return { paid: pay, total: target };
      },
    );
  }

  /** Ends the session's support: the hold's rest goes back to the wallet and leaves the day's commitment. Idempotent. */
  async close(sessionId: string, at = new Date()): Promise<boolean> {
    const s = await this.sessions.get(sessionId);
    if (!s || s.status !== 'OPEN') return false;
    return this.db.transaction(async () => {
      await this.sessions.lockDay(s.listenerId, s.creatorId, s.day);
      let rest = 0n;
      try {
        const { hold } = await this.ledger.releaseHold(
          s.holdId,
          `support-release:${sessionId}`,
          `End of support, playback session ${sessionId}`,
        );
        rest = hold.amount - hold.paidOut;
      } catch (err) {
        if (!(err instanceof LedgerError) || err.code !== 'HOLD_CLOSED') throw err;
        const hold = await this.ledger.getHold(s.holdId);
        rest = hold ? hold.amount - hold.paidOut : 0n;
      }
      if (!(await this.sessions.close(sessionId, at))) return false;
      await this.sessions.addCommitted(s.listenerId, s.creatorId, s.day, -rest);
      return true;
    });
  }

  /** Releases the sessions that went idle (no heartbeat for SESSION_IDLE_SEC) or expired; how many. */
  async closeDue(now = new Date()): Promise<number> {
    const idleBefore = new Date(now.getTime() - this.config.payments.sessionIdleSec * 1000);
    let n = 0;
    for (const id of await this.sessions.due(now, idleBefore)) if (await this.close(id, now)) n++;
    return n;
  }
}
