import type { IceServerInfo } from './api.client';

export interface IceSource {
  iceServers(): Promise<{ iceServers: IceServerInfo[]; expiresAt: Date }>;
}

/**
 * Keeps the seeder's ICE servers (the platform's STUN/TURN, from the api's `peerIceServers`) fresh:
 * asks at start, then again when 80 % of the TURN credential's life has passed (at least a minute
 * apart; every minute while the api cannot be reached), and hands each new list to `apply`.
 */
export class IceServersKeeper {
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly source: IceSource,
    private readonly apply: (servers: IceServerInfo[]) => void,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The first list (empty when the api could not be asked: host candidates only until it answers). */
  async start(): Promise<IceServerInfo[]> {
    return (await this.refresh()) ?? [];
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async refresh(): Promise<IceServerInfo[] | null> {
    let next = 60_000;
    let servers: IceServerInfo[] | null = null;
    try {
      const r = await this.source.iceServers();
      servers = r.iceServers;
      const life = r.expiresAt.getTime() - this.now();
      next = Math.max(60_000, Math.floor(life * 0.8));
      const turn = servers.filter((s) => s.urls.some((u) => /^turns?:/.test(u))).length > 0;
      this.log(
        servers.length === 0
          ? 'ICE: the platform names no STUN/TURN server (peers on the same network only, or reachable directly)'
          : `ICE: ${servers.flatMap((s) => s.urls).join(', ')}${turn ? ` (TURN credential until ${r.expiresAt.toISOString()})` : ''}`,
      );
      this.apply(servers);
    } catch (err) {
      this.log(`ICE: cannot get the platform's STUN/TURN servers (${(err as Error).message}); retrying in a minute`);
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => void this.refresh(), Math.min(next, 2 ** 31 - 1));
      this.timer.unref();
    }
    return servers;
  }
}
