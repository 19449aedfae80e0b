import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { AuthUser, requestOf, Role, SessionTokenService } from '@wetube/identity';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';

/** Who calls the advertiser API: the advertiser's user id, and how it proved it. */
export interface AdvertiserCaller {
  advertiserId: string;
  via: 'API_KEY' | 'SESSION';
  roles: Role[];
}

/**
 * The advertiser API's guard. `Authorization: Bearer wtak_…` is an advertiser API key (an unknown
 * or revoked key is refused: UNAUTHENTICATED, never a fall-back to anonymous); any other bearer
 * token or the session cookie is the signed-in user's JWT, who must hold the advertiser role
 * (admins too). Sets `req.advertiser`.
 */
@Injectable()
export class AdvertiserGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const header: string | undefined = req.headers?.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (bearer?.startsWith(API_KEY_PREFIX)) {
      const advertiserId = await this.keys.authenticate(bearer);
      if (!advertiserId) throw new UnauthorizedException('This API key is unknown or revoked.');
      req.advertiser = { advertiserId, via: 'API_KEY', roles: [Role.ADVERTISER] } satisfies AdvertiserCaller;
      return true;
    }
    const user: AuthUser | null = this.sessions.fromRequest(req);
    if (!user) throw new UnauthorizedException('Sign in as an advertiser or send an advertiser API key (Authorization: Bearer wtak_…).');
    if (!user.roles.includes(Role.ADVERTISER) && !user.roles.includes(Role.ADMIN))
      throw new ForbiddenException('This needs the advertiser role.');
    req.user = user;
    req.advertiser = { advertiserId: user.id, via: 'SESSION', roles: user.roles } satisfies AdvertiserCaller;
    return true;
  }
}

/** The caller behind AdvertiserGuard. */
export const CurrentAdvertiser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdvertiserCaller => requestOf(context).advertiser,
);
