import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@wetube/platform';
import { iceServersFor, type IceServer } from '@wetube/swarm';

/**
 * The ICE servers the platform hands its peers (STUN_URLS, TURN_URLS): never a public server unless
 * the operator names one. TURN credentials are made per peer from TURN_SECRET (coturn
 * use-auth-secret) and expire with the peer's session, at most TURN_TTL_SEC after they are made.
 */
@Injectable()
export class IceServersService {
  constructor(private readonly config: AppConfig) {}

  /** For a viewer's playback session: the TURN user is the session id. */
  forSession(sessionId: string, expiresAt: Date): IceServer[] {
    return iceServersFor(this.config.ice, sessionId, expiresAt);
  }

  /** For a peer node (a seeder): a credential of its own, valid TURN_TTL_SEC; it asks again before then. */
  forNode(): { iceServers: IceServer[]; expiresAt: Date } {
    const expiresAt = new Date(Date.now() + this.config.ice.turnTtlSec * 1000);
    return { iceServers: iceServersFor(this.config.ice, `node-${randomUUID()}`, expiresAt), expiresAt };
  }
}
