import { createHash } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { PlaybackProgressHooks } from '@wetube/catalog';
import { AccountKind, LedgerError, LedgerService } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { EntitlementsService } from '../plans/entitlements.service';
import { PaymentSession, PaymentSessionsRepository } from './payment-sessions.repository';
import { VideoSegmentsCache } from '../redeem/video-segments.cache';

export type { PaymentSession } from './payment-sessions.repository';

export interface OpenSessionInput {
  sessionId: string;
  videoId: string;
  creatorId: string;
  viewerId: string | null;
  /** The viewer's address, for anonymous viewers' pair-decay key (hashed, never stored raw). */
  viewerIp?: string | null;
  sessionPublicKey: string;
  expiresAt: Date;
  durationMs: number | null;
}

export interface OpenedSession {
  adFree: boolean;
  budget: bigint;
  funding: PaymentSession['funding'];
}

/** How much of the video a session's hold covers: the whole video twice over (seeks, quality switches). */
const BUDGET_VIEWINGS = 2n;
/**
 * Open sessions one viewer (account, or address when anonymous) may have funded by the bandwidth
 * pool at once; more still play, without a budget, so a flood of sessions cannot tie the pool up.
 */
export const MAX_POOL_SESSIONS_PER_VIEWER = 10;
/**
 * Playback sessions' money: at start a hold is placed for the session's bandwidth budget (from the
 * viewer's wallet on an ad-free plan, else from the platform bandwidth pool; each ad shown adds its
 * bandwidth share to the hold, libs/ads AdChargingService);
 * heartbeats record watch time (plan revenue is shared by it); when the session has ended (or gone
 * idle) and the redeem grace has passed, the unspent hold goes back where it came from.
 */
@Injectable()
export class PaymentSessionsService {
  private readonly log = new Logger('PaymentSessions');

  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly sessions: PaymentSessionsRepository,
    private readonly entitlements: EntitlementsService,
    private readonly segments: VideoSegmentsCache,
    /** Catalog's PlaybackListeners: engagement counts views, support pays creators, from the watch time recorded here. */
    @Optional() private readonly progress?: PlaybackProgressHooks,
  ) {}

  async open(input: OpenSessionInput): Promise<OpenedSession> {
    const facts = await this.segments.of(input.videoId);
    const perStream = facts?.segmentsPerStream ?? 1;
    const streams = facts?.streams ?? 1;
    const segmentMs = Math.max(500, Math.round((input.durationMs ?? perStream * 2000) / perStream));
    const adFree = input.viewerId ? (await this.entitlements.activeOf(input.viewerId)) !== null : false;
    const price = this.config.payments.pricePerSegment;
    const wanted = price * BigInt(perStream * streams) * BUDGET_VIEWINGS;
    const viewerKey =
      input.viewerId ??
      `ip:${createHash('sha256')
        .update(`wetube-viewer:${input.viewerIp ?? 'unknown'}`)
        .digest('hex')
        .slice(0, 32)}`;
    const now = new Date();
    await this.sessions.insert({
      id: input.sessionId,
      videoId: input.videoId,
      creatorId: input.creatorId,
      viewerId: input.viewerId,
      viewerKey,
      sessionPublicKey: input.sessionPublicKey,
      adFree,
      segmentMs,
      streams,
      videoSegments: perStream * (facts?.renditions ?? 1),
      startedAt: now,
      expiresAt: input.expiresAt,
    });
    // The hold: what the source can cover of the budget (a wallet may hold less than a whole video).
    const source = adFree
      ? await this.ledger.openAccount(AccountKind.USER_WALLET, input.viewerId!)
      : await this.ledger.systemAccount(AccountKind.BANDWIDTH_POOL);
    const amount = wanted < source.balance ? wanted : source.balance;
    if (!adFree && (await this.openPoolSessions(viewerKey)) > MAX_POOL_SESSIONS_PER_VIEWER) {
      this.log.warn(
        `session ${input.sessionId}: viewer ${viewerKey.slice(0, 12)}… has more than ${MAX_POOL_SESSIONS_PER_VIEWER} pool-funded sessions open; this one gets no budget`,
      );
      return { adFree, budget: 0n, funding: 'NONE' };
    }
    if (amount <= 0n) {
      this.log.warn(
        `session ${input.sessionId}: no bandwidth budget (${adFree ? "viewer's wallet" : 'bandwidth pool'} is empty); peers of this session cannot be paid`,
      );
      return { adFree, budget: 0n, funding: 'NONE' };
    }
    try {
      const { hold } = await this.ledger.placeHold(
        source.id,
        amount,
        `session-hold:${input.sessionId}`,
        `Bandwidth budget of playback session ${input.sessionId}`,
      );
      const funding = adFree ? 'WALLET' : 'POOL';
      await this.sessions.setFunding(input.sessionId, hold.id, amount, funding);
      return { adFree, budget: amount, funding };
    } catch (err) {
      // The source shrank between the read and the hold (another session): play on without a budget.
      if (!(err instanceof LedgerError) || err.code !== 'INSUFFICIENT_FUNDS') throw err;
      this.log.warn(`session ${input.sessionId}: the budget could not be held (${err.message})`);
      return { adFree, budget: 0n, funding: 'NONE' };
    }
  }

  /** Sessions of this viewer funded by the pool and not closed yet (this one included). */
  private async openPoolSessions(viewerKey: string): Promise<number> {
    return (await this.sessions.countOpenPoolSessions(viewerKey)) + 1;
  }

  get(sessionId: string): Promise<PaymentSession | null> {
    return this.sessions.get(sessionId);
  }

  async many(ids: string[]): Promise<Map<string, PaymentSession>> {
    return new Map((await this.sessions.where('id', ids)).map((s) => [s.id, s]));
  }

  /** Sessions whose public keys are these (browser peers are paid as the viewer who holds the key). */
  async byPublicKeys(keys: string[]): Promise<Map<string, PaymentSession>> {
    return new Map((await this.sessions.where('session_public_key', keys)).map((s) => [s.sessionPublicKey, s]));
  }

  /**
   * A heartbeat from the viewer's page (every ~30 s, and with `ended` on leaving): records watch
   * time (never more than the wall clock since the start) and, when ended, starts the redeem grace.
   */
  async heartbeat(
    sessionId: string,
    viewerId: string | null,
    watchedSeconds: number,
    ended: boolean,
    attendedSeconds?: number | null,
  ): Promise<'OK' | 'NOT_FOUND' | 'INVALID'> {
    if (!Number.isFinite(watchedSeconds) || watchedSeconds < 0) return 'INVALID';
    if (attendedSeconds != null && (!Number.isFinite(attendedSeconds) || attendedSeconds < 0)) return 'INVALID';
    const s = await this.get(sessionId);
    if (!s || (s.viewerId ?? null) !== (viewerId ?? null)) return 'NOT_FOUND';
    const now = new Date();
    const watched = Math.min(Math.round(watchedSeconds * 1000), now.getTime() - s.startedAt.getTime());
    await this.sessions.heartbeat(sessionId, now, watched, ended);
    if (this.progress && !s.closedAt) {
      // What the row holds now: watch time only grows (the repository keeps the larger value).
      const watchedMs = Math.max(s.watchedMs, watched);
      // Attended (visible or audible) playback is part of this heartbeat's played time, never more.
      const attendedMs = attendedSeconds == null ? watched : Math.min(Math.round(attendedSeconds * 1000), watched);
      try {
        await this.progress.progressed({
          sessionId,
          videoId: s.videoId,
          creatorId: s.creatorId,
          viewerId: s.viewerId,
          viewerKey: s.viewerKey,
          watchedMs,
          attendedMs,
          ended,
          at: now,
        });
      } catch (err) {
        // A view that could not be counted must not fail the heartbeat (the next one tries again).
        this.log.warn(`session ${sessionId}: watch progress not recorded (${(err as Error).message})`);
      }
    }
    return 'OK';
  }

  /**
   * Releases the holds of sessions that are over: ended, idle past SESSION_IDLE_SEC, or expired,
   * each only after REDEEM_GRACE_SEC more, so peers can redeem their last receipts first.
   * Idempotent (a release is keyed by the session), safe to run in several processes.
   */
  async closeFinished(now = new Date()): Promise<number> {
    const { sessionIdleSec, redeemGraceSec } = this.config.payments;
    const endedBefore = new Date(now.getTime() - redeemGraceSec * 1000);
    const idleBefore = new Date(now.getTime() - (sessionIdleSec + redeemGraceSec) * 1000);
    const rows = await this.sessions.due(endedBefore, idleBefore);
    for (const s of rows) {
      if (s.holdId) {
        try {
          await this.ledger.releaseHold(s.holdId, `session-release:${s.id}`, `End of playback session ${s.id}`);
        } catch (err) {
          if (!(err instanceof LedgerError) || err.code !== 'HOLD_CLOSED') throw err;
        }
      }
      await this.sessions.close(s.id, now);
    }
    return rows.length;
  }
}
