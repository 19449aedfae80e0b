import { Injectable } from '@nestjs/common';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { LoginThrottle, SecurityNotice } from './login-throttle';

export type SignInResult =
  | { ok: true; user: UserEntity; notice: SecurityNotice | null }
  | { ok: false; code: 'INVALID_CREDENTIALS'; message: string }
  | { ok: false; code: 'RATE_LIMITED'; message: string; retryAfterSec: number; retryAt: Date };

/** Too many attempts: refused until `retryAt`, whoever asks (the GraphQL and REST sign-ins answer it alike). */
export interface RateLimited {
  code: 'RATE_LIMITED';
  message: string;
  retryAfterSec: number;
  retryAt: Date;
}

/** Email + password sign-in for the GraphQL `login` mutation and `POST /api/auth/login`, behind the LoginThrottle. */
@Injectable()
export class SignInService {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<SignInResult> {
    const decision = await this.throttle.attempt(email, ip);
    if (!decision.ok) {
      const who = decision.scope === 'ip' ? 'from your address' : 'for this account';
      return {
        ok: false,
        ...rateLimited(`Too many failed sign-ins ${who}. Try again in ${wait(decision.retryAfterSec)}.`, decision.retryAfterSec),
      };
    }
    const user = await this.users.authenticate(email, password);
    if (!user) {
      await this.throttle.failed(email, ip, decision.attempt);
      return { ok: false, code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' };
    }
    return { ok: true, user, notice: await this.throttle.succeeded(email) };
  }

  /** One registration from `ip`; null when allowed. */
  async register(ip: string): Promise<RateLimited | null> {
    const r = await this.throttle.register(ip);
    return r.ok
      ? null
      : rateLimited(`Too many accounts registered from your address. Try again in ${wait(r.retryAfterSec)}.`, r.retryAfterSec);
  }
}

export function rateLimited(message: string, retryAfterSec: number): RateLimited {
  return { code: 'RATE_LIMITED', message, retryAfterSec, retryAt: new Date(Date.now() + retryAfterSec * 1000) };
}

function wait(sec: number): string {
  if (sec < 90) return `${sec} s`;
  if (sec < 90 * 60) return `${Math.ceil(sec / 60)} min`;
  return `${Math.ceil(sec / 3600)} h`;
}
