import { UseGuards } from '@nestjs/common';
import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, OptionalAuthGuard } from '@wetube/identity';
import { AppConfig, RateLimiterFactory, type RateLimiter, UserError } from '@wetube/platform';
import { IceServerType } from './ice-servers.resolver';
import { PlaybackSessionService } from './playback-session.service';

@InputType()
export class StartPlaybackInput {
  @Field(() => ID)
  videoId: string;
  @Field({ description: "The viewer's ephemeral Ed25519 session public key: 32 raw bytes, base64url" })
  sessionPublicKey: string;
}

@ObjectType('PlaybackSession')
export class PlaybackSessionType {
  @Field(() => ID)
  sessionId: string;
  @Field(() => ID)
  videoId: string;
  @Field({ description: 'Session certificate signed by the origin key (b64url(cert).b64url(signature)); peers check receipts against it' })
  certificate: string;
  @Field()
  expiresAt: Date;
  @Field()
  masterUrl: string;
  @Field(() => [String], { description: 'The platform tracker (WebSocket for browsers, HTTP for others)' })
  trackerUrls: string[];
  @Field(() => [IceServerType], {
    description:
      "ICE servers for WebRTC: the platform's own STUN/TURN (none by default; never public ones), TURN with credentials for this session that expire with it",
  })
  iceServers: IceServerType[];
  @Field({ description: "True when the viewer's ad-free plan holds: no ads in this session" })
  adFree: boolean;
  @Field({ description: "Cloudcoin held for this session's peers, in minor units (decimal string); 0 when none could be held" })
  bandwidthBudget: string;
}

@ObjectType()
export class PlaybackSessionPayload {
  @Field(() => PlaybackSessionType, { nullable: true })
  session: PlaybackSessionType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@Resolver()
export class PlaybackSessionResolver {
  /** Sessions a client address may start (a flood would tie up bandwidth budgets and rows); shared by every api process through Redis. */
  private readonly limiter: RateLimiter;

  constructor(
    private readonly sessions: PlaybackSessionService,
    config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('playback-sessions', {
      burst: config.payments.sessionsBurst,
      perSecond: config.payments.sessionsPerSecond,
    });
  }

  @Mutation(() => PlaybackSessionPayload, { description: 'Starts watching: certifies the session key the viewer will sign receipts with' })
  @UseGuards(OptionalAuthGuard)
  async playbackSession(
    @Args('input') input: StartPlaybackInput,
    @CurrentUser() viewer: AuthUser | null,
    @Context('req') req: { ip?: string } | undefined,
  ): Promise<PlaybackSessionPayload> {
    const allowed = await this.limiter.consume(req?.ip ?? 'unknown');
    if (!allowed.ok) {
      return {
        session: null,
        userErrors: [
          UserError.of(
            'videoId',
            `Too many playback sessions started from your address; try again in ${allowed.retryAfterSec} s.`,
            'RATE_LIMITED',
          ),
        ],
      };
    }
    const result = await this.sessions.start(input.videoId, input.sessionPublicKey, viewer, req?.ip ?? null);
    if (!result.ok) return { session: null, userErrors: [result.error] };
    return { session: { ...result.session, bandwidthBudget: result.session.bandwidthBudget.toString() }, userErrors: [] };
  }
}
