import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { AuthUser } from '../auth/auth-user';
import { AuthenticatedGuard, CurrentUser, OptionalAuthGuard } from '../auth/guards';
import { SessionTokenService } from '../auth/session-token.service';
import { RateLimited, SignInService } from '../auth/sign-in.service';
import { UserError } from '@wetube/platform';
import { UsersService } from '../users/users.service';
import { AuthPayload, LoginInput, RegisterInput, UpdateProfileInput, UserPayload, UserType } from './user.type';

@Resolver(() => UserType)
export class AccountResolver {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: SessionTokenService,
    private readonly signIns: SignInService,
  ) {}

  @Query(() => UserType, { nullable: true, description: 'The signed-in account, or null' })
  @UseGuards(OptionalAuthGuard)
  async me(@CurrentUser() auth: AuthUser | null): Promise<UserType | null> {
    if (!auth) return null;
    const user = await this.users.findById(auth.id);
    return user ? UserType.from(user, { withEmail: true }) : null;
  }

  @Mutation(() => AuthPayload)
  async register(@Args('input') input: RegisterInput, @Context('req') req: Request, @Context('res') res: Response): Promise<AuthPayload> {
    const limited = await this.signIns.register(clientIp(req));
    if (limited) throw rateLimitedError(limited);
    const result = await this.users.register(input);
    if (!result.ok) return { user: null, token: null, userErrors: result.errors };
    const token = this.tokens.issue(result.user);
    if (res) this.tokens.setCookie(res, token);
    return { user: UserType.from(result.user, { withEmail: true }), token, userErrors: [] };
  }

  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput, @Context('req') req: Request, @Context('res') res: Response): Promise<AuthPayload> {
    const r = await this.signIns.signIn(input.email, input.password, clientIp(req));
    if (!r.ok && r.code === 'RATE_LIMITED') throw rateLimitedError(r);
    if (!r.ok) return { user: null, token: null, userErrors: [UserError.of('password', r.message, r.code)] };
    const token = this.tokens.issue(r.user);
    if (res) this.tokens.setCookie(res, token);
    return { user: UserType.from(r.user, { withEmail: true }), token, userErrors: [], securityNotice: r.notice };
  }

  @Mutation(() => Boolean, { description: 'Clears the session cookie' })
  logout(@Context('res') res: Response): boolean {
    if (res) this.tokens.clearCookie(res);
    return true;
  }

  @Mutation(() => UserPayload)
  @UseGuards(AuthenticatedGuard)
  async updateProfile(@CurrentUser() auth: AuthUser, @Args('input') input: UpdateProfileInput): Promise<UserPayload> {
    const result = await this.users.updateDisplayName(auth.id, input.displayName);
    if (!result.ok) return { user: null, userErrors: result.errors };
    return { user: UserType.from(result.user, { withEmail: true }), userErrors: [] };
  }
}

function clientIp(req: Request | undefined): string {
  return req?.ip ?? req?.socket?.remoteAddress ?? 'unknown';
}

/** A refusal the caller can wait out: `extensions.code` RATE_LIMITED with when to retry. */
function rateLimitedError(r: RateLimited): GraphQLError {
  return new GraphQLError(r.message, {
    extensions: { code: 'RATE_LIMITED', retryAfterSec: r.retryAfterSec, retryAt: r.retryAt.toISOString() },
  });
}
