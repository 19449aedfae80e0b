import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AccountKind, LedgerError, LedgerService } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { EntitlementsService } from '../plans/entitlements.service';
import { PaymentsDb } from '../payments.db';
import { inList, Raw, sqlBool, sqlTime, toBool, toDate, toDateOrNull } from '../payments.sql';
import { VideoSegmentsCache } from '../redeem/video-segments.cache';

/** A playback session as payments sees it: who watches what, and the hold that pays its peers. */
export interface PaymentSession {
  id: string;
  videoId: string;
  creatorId: string;
  viewerId: string | null;
  viewerKey: string;
  sessionPublicKey: string;
  adFree: boolean;
  funding: 'WALLET' | 'POOL' | 'NONE';
  holdId: string | null;
  budget: bigint;
  segmentMs: number;
  streams: number;
  videoSegments: number;
  startedAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  watchedMs: number;
  closedAt: Date | null;
}

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
const COLUMNS = `id, video_id, creator_id, viewer_id, viewer_key, session_public_key, ad_free, funding, hold_id, CAST(budget AS TEXT) AS budget,
  segment_ms, streams, video_segments, started_at, expires_at, last_seen_at, ended_at, CAST(watched_ms AS TEXT) AS watched_ms, closed_at`;

export function toSession(r: Raw): PaymentSession {
  return {
    id: String(r.id),
    videoId: String(r.video_id),
    creatorId: String(r.creator_id),
    viewerId: r.viewer_id == null ? null : String(r.viewer_id),
    viewerKey: String(r.viewer_key),
    sessionPublicKey: String(r.session_public_key),
    adFree: toBool(r.ad_free),
    funding: String(r.funding) as PaymentSession['funding'],
    holdId: r.hold_id == null ? null : String(r.hold_id),
    budget: BigInt(r.budget as string),
    segmentMs: Number(r.segment_ms),
    streams: Number(r.streams),
    videoSegments: Number(r.video_segments),
    startedAt: toDate(r.started_at),
    expiresAt: toDate(r.expires_at),
    lastSeenAt: toDate(r.last_seen_at),
    endedAt: toDateOrNull(r.ended_at),
    watchedMs: Number(r.watched_ms),
    closedAt: toDateOrNull(r.closed_at),
  };
}

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
    private readonly db: PaymentsDb,
    private readonly entitlements: EntitlementsService,
    private readonly segments: VideoSegmentsCache,
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
    const t = (d: Date) => sqlTime(this.db.postgres, d);
    await this.db.query(
      `INSERT INTO payment_sessions (id, video_id, creator_id, viewer_id, viewer_key, session_public_key, ad_free, funding, hold_id, budget,
         segment_ms, streams, video_segments, started_at, expires_at, last_seen_at, ended_at, watched_ms, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'NONE', NULL, 0, ?, ?, ?, ?, ?, ?, NULL, 0, NULL)`,
      [
        input.sessionId,
        input.videoId,
        input.creatorId,
        input.viewerId,
        viewerKey,
        input.sessionPublicKey,
        sqlBool(adFree),
        segmentMs,
        streams,
        perStream * (facts?.renditions ?? 1),
        t(now),
        t(input.expiresAt),
        t(now),
      ],
    );
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
      await this.db.query(`UPDATE payment_sessions SET hold_id = ?, budget = ?, funding = ? WHERE id = ?`, [
        hold.id,
        amount.toString(),
        funding,
        input.sessionId,
      ]);
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
    const [r] = await this.db.query(
      `SELECT COUNT(*) AS n FROM payment_sessions WHERE viewer_key = ? AND closed_at IS NULL AND funding = 'POOL'`,
      [viewerKey],
    );
    return Number(r.n) + 1;
  }

  async get(sessionId: string): Promise<PaymentSession | null> {
    const [r] = await this.db.query(`SELECT ${COLUMNS} FROM payment_sessions WHERE id = ?`, [sessionId]);
    return r ? toSession(r) : null;
  }

  async many(ids: string[]): Promise<Map<string, PaymentSession>> {
    const out = new Map<string, PaymentSession>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const where = inList(this.db.postgres, 'id', unique.slice(i, i + 500));
      for (const r of await this.db.query(`SELECT ${COLUMNS} FROM payment_sessions WHERE ${where.sql}`, where.params))
        out.set(String(r.id), toSession(r));
    }
    return out;
  }

  /** Sessions whose public keys are these (browser peers are paid as the viewer who holds the key). */
  async byPublicKeys(keys: string[]): Promise<Map<string, PaymentSession>> {
    const out = new Map<string, PaymentSession>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += 500) {
      const where = inList(this.db.postgres, 'session_public_key', unique.slice(i, i + 500));
      for (const r of await this.db.query(`SELECT ${COLUMNS} FROM payment_sessions WHERE ${where.sql}`, where.params)) {
        const s = toSession(r);
        out.set(s.sessionPublicKey, s);
      }
    }
    return out;
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
  ): Promise<'OK' | 'NOT_FOUND' | 'INVALID'> {
    if (!Number.isFinite(watchedSeconds) || watchedSeconds < 0) return 'INVALID';
    const s = await this.get(sessionId);
    if (!s || (s.viewerId ?? null) !== (viewerId ?? null)) return 'NOT_FOUND';
    const now = new Date();
    const watched = Math.min(Math.round(watchedSeconds * 1000), now.getTime() - s.startedAt.getTime());
    const t = (d: Date) => sqlTime(this.db.postgres, d);
    await this.db.query(
      `UPDATE payment_sessions SET last_seen_at = ?, watched_ms = CASE WHEN watched_ms < ? THEN ? ELSE watched_ms END${ended ? ', ended_at = COALESCE(ended_at, ?)' : ''} WHERE id = ? AND closed_at IS NULL`,
      [t(now), watched, watched, ...(ended ? [t(now)] : []), sessionId],
    );
    return 'OK';
  }

  /**
   * Releases the holds of sessions that are over: ended, idle past SESSION_IDLE_SEC, or expired,
   * each only after REDEEM_GRACE_SEC more, so peers can redeem their last receipts first.
   * Idempotent (a release is keyed by the session), safe to run in several processes.
   */
  async closeFinished(now = new Date()): Promise<number> {
    const { sessionIdleSec, redeemGraceSec } = this.config.payments;
    const t = (d: Date) => sqlTime(this.db.postgres, d);
    const endedBefore = new Date(now.getTime() - redeemGraceSec * 1000);
    const idleBefore = new Date(now.getTime() - (sessionIdleSec + redeemGraceSec) * 1000);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM payment_sessions WHERE closed_at IS NULL AND (ended_at < ? OR last_seen_at < ? OR expires_at < ?) ORDER BY started_at LIMIT 500`,
      [t(endedBefore), t(idleBefore), t(endedBefore)],
    );
    for (const s of rows.map(toSession)) {
      if (s.holdId) {
        try {
          await this.ledger.releaseHold(s.holdId, `session-release:${s.id}`, `End of playback session ${s.id}`);
        } catch (err) {
          if (!(err instanceof LedgerError) || err.code !== 'HOLD_CLOSED') throw err;
        }
      }
      await this.db.query(`UPDATE payment_sessions SET closed_at = ? WHERE id = ?`, [t(now), s.id]);
    }
    return rows.length;
  }
}
