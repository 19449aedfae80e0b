import { Injectable } from '@nestjs/common';
import { UsersService } from '@wetube/identity';
import { utcDay } from '../support.rules';
import { SupportSessionsRepository } from './support-sessions.repository';

export interface Supporter {
  listenerId: string;
  displayName: string;
  paid: bigint;
}

/** What supporters paid a creator (before the split: what left their wallets for this creator). */
export interface SupportReceived {
  total: bigint;
  last30Days: bigint;
  supporters: Supporter[];
}

/** The studio's view of a creator's supporters. */
@Injectable()
export class SupportReceivedService {
  constructor(
    private readonly sessions: SupportSessionsRepository,
    private readonly users: UsersService,
  ) {}

  async of(creatorId: string, now = new Date()): Promise<SupportReceived> {
    const all = await this.sessions.supportersOf(creatorId, null);
    const recent = await this.sessions.supportersOf(creatorId, utcDay(new Date(now.getTime() - 29 * 86_400_000)), 1000);
    const names = await this.users.displayNames(all.map((s) => s.listenerId));
    return {
      total: all.reduce((a, s) => a + s.paid, 0n),
      last30Days: recent.reduce((a, s) => a + s.paid, 0n),
      supporters: all.map((s) => ({ listenerId: s.listenerId, displayName: names.get(s.listenerId) ?? '(deleted account)', paid: s.paid })),
    };
  }
}
