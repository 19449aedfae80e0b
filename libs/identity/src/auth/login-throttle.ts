import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, KeyedCounter, RateLimiter, RateLimiterFactory } from '@wetube/platform';

/** Told to the account's owner at the next sign-in that works: what happened to the account since the last one. */
export interface SecurityNotice {
  /** Wrong passwords given for the account since its last sign-in. */
  failedAttempts: number;
  /** Times the account was locked for too many of them. */
  lockouts: number;
}

/** Go ahead (the attempt is counted as a failure until `succeeded`), or wait this many seconds. */
export type AttemptDecision = { ok: true; attempt: number } | { ok: false; retryAfterSec: number; scope: 'account' | 'ip' };

// Memory stores expire keys with setTimeout (at most ~24.8 days), so no window here is longer than that.
const NOTICE_SEC = 14 * 24 * 3600;

/**
 * Sign-in throttling, in the platform's rate-limit store (Redis when REDIS_URL is set, so every api
 * process sees the same counts). Per account: LOGIN_FREE_FAILURES wrong passwords in a row are free,
 * each further one makes the account wait LOGIN_DELAY_BASE_SEC × 2ⁿ, and LOGIN_LOCK_AFTER_FAILURES
 * in a row lock it for LOGIN_LOCK_SEC (after a lock every wrong password adds a delay). While it
 * waits every attempt is refused unchecked, the right password too. Per client IP: at most
 * LOGIN_IP_FAILURES wrong passwords per LOGIN_IP_WINDOW_SEC, whatever the accounts. A sign-in that
 * works clears the account's counts and hands back what happened meanwhile (SecurityNotice).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures: KeyedCounter;
  private readonly waits: KeyedCounter;
  private readonly noticeFailures: KeyedCounter;
  private readonly lockouts: KeyedCounter;
  private readonly ipFailures: KeyedCounter;
  private readonly registrations: RateLimiter;

  constructor(
    private readonly config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    const l = config.login;
    this.failures = limits.counter('login-failures', l.failureWindowSec);
    this.waits = limits.counter('login-wait', Math.max(l.lockSec, 1));
    this.noticeFailures = limits.counter('login-notice-failures', NOTICE_SEC);
    this.lockouts = limits.counter('login-lockouts', NOTICE_SEC);
    this.ipFailures = limits.counter('login-ip-failures', l.ipWindowSec);
    this.registrations = limits.create('register-ip', { burst: l.registerBurst, perSecond: l.registerPerSecond });
  }

  /** Before checking a password: refuses while the account or the address must wait, else counts the attempt. */
  async attempt(email: string, ip: string): Promise<AttemptDecision> {
    const account = accountKey(email);
    const byIp = await this.ipFailures.get(ip);
    if (byIp.count >= this.config.login.ipFailures) return { ok: false, retryAfterSec: seconds(byIp.msLeft), scope: 'ip' };
    const wait = await this.waits.get(account);
    if (wait.count > 0) return { ok: false, retryAfterSec: seconds(wait.msLeft), scope: 'account' };
    // Counted before the password is checked, so attempts sent all at once cannot pass the lock together.
    const { count } = await this.failures.add(account);
    if (count > this.config.login.lockAfterFailures) {
      await this.lock(account);
      return { ok: false, retryAfterSec: this.config.login.lockSec, scope: 'account' };
    }
    return { ok: true, attempt: count };
  }

  /** The password was wrong: the address's count grows, and the account waits (or is locked) as the rules say. */
  async failed(email: string, ip: string, attempt: number): Promise<void> {
    const account = accountKey(email);
    const l = this.config.login;
    await this.ipFailures.add(ip);
    await this.noticeFailures.add(account);
    if (attempt >= l.lockAfterFailures) return this.lock(account);
    const lockedBefore = (await this.lockouts.get(account)).count > 0;
    const over = lockedBefore ? attempt : attempt - l.freeFailures;
    if (over <= 0 || l.delayBaseSec === 0) return;
    await this.waits.set(account, 1, Math.min(l.delayBaseSec * 2 ** Math.min(over - 1, 20), l.lockSec));
  }

  /** The password was right: the account's counts start again; what happened since the last sign-in, if anything. */
  async succeeded(email: string): Promise<SecurityNotice | null> {
    const account = accountKey(email);
    const [failedAttempts, lockouts] = await Promise.all([this.noticeFailures.get(account), this.lockouts.get(account)]);
    await Promise.all([this.failures, this.waits, this.noticeFailures, this.lockouts].map((c) => c.delete(account)));
    if (failedAttempts.count === 0 && lockouts.count === 0) return null;
    return { failedAttempts: failedAttempts.count, lockouts: lockouts.count };
  }

  /** One registration from `ip` (REGISTER_IP_BURST at once, REGISTER_IP_PER_HOUR over time). */
  register(ip: string) {
    return this.registrations.consume(ip);
  }

  private async lock(account: string): Promise<void> {
    await this.waits.set(account, 1, this.config.login.lockSec);
    await this.lockouts.add(account);
    await this.failures.delete(account);
  }
}

/** The account's key: a hash of the normalized email (unknown emails are throttled alike; no addresses in Redis). */
function accountKey(email: string): string {
  return createHash('sha256')
    .update(
      String(email ?? '')
        .trim()
        .toLowerCase(),
    )
    .digest('base64url');
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
