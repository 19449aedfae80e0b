import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@wetube/platform';
import type { CookieOptions, Request, Response } from 'express';
import { AuthUser, SESSION_COOKIE } from './auth-user';
import { Role } from '../users/role.enum';

interface SessionClaims {
  sub: string;
  roles: Role[];
}

/** Issues and reads session tokens: a JWT in an httpOnly cookie (web) or a bearer header (API). */
@Injectable()
export class SessionTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issue(user: AuthUser): string {
    const claims: SessionClaims = { sub: user.id, roles: user.roles };
    return this.jwt.sign(claims, { expiresIn: this.config.jwtTtlSec });
  }

  /** The verified user behind a token, or null for a missing, expired or forged one. */
  verify(token: string | undefined | null): AuthUser | null {
    if (!token) return null;
    try {
      const claims = this.jwt.verify<SessionClaims>(token);
      return { id: claims.sub, roles: claims.roles };
    } catch {
      return null;
    }
  }

  /** Reads the session from an incoming request: bearer header first, then the cookie. */
  fromRequest(req: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): AuthUser | null {
    return this.verify(tokenFromRequest(req));
  }

  setCookie(res: Response, token: string): void {
    res.cookie(SESSION_COOKIE, token, this.cookieOptions());
  }

  clearCookie(res: Response): void {
    res.clearCookie(SESSION_COOKIE, { ...this.cookieOptions(), maxAge: undefined });
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.isProduction, path: '/', maxAge: this.config.jwtTtlSec * 1000 };
  }
}

export function tokenFromRequest(req: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  if (req.cookies?.[SESSION_COOKIE]) return req.cookies[SESSION_COOKIE];
  const raw = req.headers.cookie;
  if (!raw) return null;
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}
