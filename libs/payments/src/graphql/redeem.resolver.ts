import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';
import { AuthenticatedGuard, AuthUser, CurrentUser, OptionalAuthGuard } from '@wetube/identity';
import { MAX_RECEIPTS_PER_CALL, ReceiptRedemptionService } from '../redeem/receipt-redemption.service';
import { PaymentSessionsService } from '../sessions/payment-sessions.service';
import {
  PlaybackHeartbeatInput,
  PlaybackHeartbeatPayload,
  ReceiptRedemptionType,
  RedeemReceiptsInput,
  RedeemReceiptsPayload,
  RedeemStatusEnum,
} from './payments.types';

/** Refusals a later call may turn into a payment: the session's playback time has to catch up. */
const RETRYABLE = new Set(['TOO_FAST']);

/** Peers redeem receipts; viewers' pages report watch time and the end of a session. */
@Resolver()
export class RedeemResolver {
  constructor(
    private readonly redemption: ReceiptRedemptionService,
    private readonly sessions: PaymentSessionsService,
  ) {}

  @Mutation(() => RedeemReceiptsPayload, {
    description:
      'Redeems the newest receipts per (session, peer) for peers you own (your seeder keys, your playback sessions); each pays what it adds over the last redeemed one',
  })
  @UseGuards(AuthenticatedGuard)
  async redeemReceipts(@CurrentUser() user: AuthUser, @Args('input') input: RedeemReceiptsInput): Promise<RedeemReceiptsPayload> {
    if (input.receipts.length > MAX_RECEIPTS_PER_CALL) {
      return {
        results: [],
        totalPaid: 0n,
        userErrors: [
          UserError.of('receipts', `At most ${MAX_RECEIPTS_PER_CALL} receipts per call; send the rest in another.`, 'TOO_MANY_RECEIPTS'),
        ],
      };
    }
    const results = await this.redemption.redeem(user.id, input.receipts);
    return {
      results: results.map((r) =>
        Object.assign(new ReceiptRedemptionType(), {
          ...r,
          status: r.status as RedeemStatusEnum,
          retryable: r.code !== null && RETRYABLE.has(r.code),
        }),
      ),
      totalPaid: results.reduce((s, r) => s + r.amount, 0n),
      userErrors: [],
    };
  }

  @Mutation(() => PlaybackHeartbeatPayload, {
    description:
      "The watch page's heartbeat (every ~30 s) and goodbye (ended: true): watch time shares plan revenue; an ended session's unspent budget goes back",
  })
  @UseGuards(OptionalAuthGuard)
  async playbackHeartbeat(
    @CurrentUser() viewer: AuthUser | null,
    @Args('input') input: PlaybackHeartbeatInput,
  ): Promise<PlaybackHeartbeatPayload> {
    const r = await this.sessions.heartbeat(input.sessionId, viewer?.id ?? null, input.watchedSeconds, input.ended, input.attendedSeconds);
    if (r === 'NOT_FOUND') return { ok: false, userErrors: [UserError.of('sessionId', 'No such playback session of yours.', 'NOT_FOUND')] };
    if (r === 'INVALID')
      return {
        ok: false,
        userErrors: [UserError.of('watchedSeconds', 'watchedSeconds (and attendedSeconds) must be numbers ≥ 0.', 'INVALID_WATCH_TIME')],
      };
    return { ok: true, userErrors: [] };
  }
}
