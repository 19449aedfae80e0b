import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig } from '@wetube/platform';
import { Strategy } from 'passport-jwt';
import { AuthUser } from './auth-user';
import { tokenFromRequest } from './session-token.service';

/** passport-jwt: the session token from the bearer header or the httpOnly cookie. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfig) {
    super({ jwtFromRequest: tokenFromRequest, secretOrKey: config.jwtSecret, ignoreExpiration: false });
  }

  validate(payload: { sub: string; roles: AuthUser['roles'] }): AuthUser {
    return { id: payload.sub, roles: payload.roles };
  }
}
