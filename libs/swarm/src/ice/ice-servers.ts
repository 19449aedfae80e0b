import { createHmac } from 'node:crypto';

/** One entry of RTCConfiguration.iceServers, as browsers and node-datachannel take it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface IceSettings {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's static-auth-secret; required when turnUrls is not empty. */
  turnSecret: string | null;
  /** Longest lifetime of a credential, in seconds. */
  turnTtlSec: number;
}

/**
 * coturn's TURN REST credentials (`use-auth-secret`): username `<expiry unix seconds>:<user>`,
 * credential base64(HMAC-SHA1(secret, username)). coturn refuses it once the expiry has passed, and
 * any change to the username (another session, a later expiry) breaks the HMAC.
 */
export function turnCredential(secret: string, user: string, expiresAtSec: number): { username: string; credential: string } {
  if (!/^[A-Za-z0-9_.@-]{1,128}$/.test(user)) throw new Error(`TURN user must be 1-128 of [A-Za-z0-9_.@-], got ${JSON.stringify(user)}`);
  if (!Number.isInteger(expiresAtSec) || expiresAtSec <= 0)
    throw new Error(`TURN expiry must be a positive whole number of seconds, got ${expiresAtSec}`);
  const username = `${expiresAtSec}:${user}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/**
 * The ICE servers for one peer (a playback session, or a seeder node): the STUN URLs as they are,
 * the TURN URLs with a credential of their own that expires with the peer's session, at most
 * `turnTtlSec` from now. Empty settings give `[]` (host candidates only: enough on one machine).
 */
export function iceServersFor(settings: IceSettings, user: string, sessionExpiresAt: Date | null, now: Date = new Date()): IceServer[] {
  const out: IceServer[] = [];
  if (settings.stunUrls.length > 0) out.push({ urls: [...settings.stunUrls] });
  if (settings.turnUrls.length > 0) {
    if (!settings.turnSecret) throw new Error('TURN URLs need a TURN secret');
    const cap = Math.floor(now.getTime() / 1000) + settings.turnTtlSec;
    const end = sessionExpiresAt ? Math.min(Math.floor(sessionExpiresAt.getTime() / 1000), cap) : cap;
    out.push({ urls: [...settings.turnUrls], ...turnCredential(settings.turnSecret, user, end) });
  }
  return out;
}
