import { Injectable } from '@nestjs/common';
import { ChannelsService } from '@wetube/channels';
import { UsersService } from '@wetube/identity';

/** A person as a split names them. */
export interface Recipient {
  userId: string;
  displayName: string;
  handle: string | null;
}

/** Finds split recipients among existing accounts: by channel handle (`@name`) or by email. */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly users: UsersService,
    private readonly channels: ChannelsService,
  ) {}

  /** The account a creator typed (`@handle`, `handle` or an email), or null. */
  async find(handleOrEmail: string): Promise<string | null> {
    const text = (handleOrEmail ?? '').trim();
    if (!text) return null;
    if (text.includes('@') && !text.startsWith('@')) return (await this.users.findByEmail(text))?.id ?? null;
    return (await this.channels.findByHandle(text))?.userId ?? null;
  }

  /** Names and handles of these accounts (unknown ids are left out). */
  async describe(ids: string[]): Promise<Map<string, Recipient>> {
    const names = await this.users.displayNames(ids);
    const channels = await this.channels.ensureForMany(ids);
    const out = new Map<string, Recipient>();
    for (const id of ids) {
      const name = names.get(id);
      if (name === undefined) continue;
      out.set(id, { userId: id, displayName: name, handle: channels.get(id)?.handle ?? null });
    }
    return out;
  }
}
