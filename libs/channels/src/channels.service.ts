import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsersService } from '@wetube/identity';
import { UserError } from '@wetube/platform';
import { checkHandle, handleBase } from './channel-handle';
import { cleanLinks, DESCRIPTION_MAX, type ChannelLink } from './channel-links';
import { ChannelRecord, ChannelsRepository } from './channels.repository';

export interface ChannelChanges {
  handle?: string | null;
  displayName?: string | null;
  description?: string | null;
  links?: Array<{ title?: string | null; url: string }> | null;
}

export type ChannelResult = { ok: true; channel: ChannelRecord } | { ok: false; errors: UserError[] };

/** Channels: one per user, made on first use; the handle, name, description and links rules. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly users: UsersService,
  ) {}

  /** The channel of a handle as typed (`@Name` or `name`), or null. */
  async findByHandle(handle: string): Promise<ChannelRecord | null> {
    const check = checkHandle(handle);
    if (!check.ok) {
      // A reserved word still names nobody; an invalid one cannot be stored.
      return null;
    }
    return this.channels.findByHandle(check.handle);
  }

  /** The user's channel, made now (handle from the display name) when the user has none yet; null for no such user. */
  async ensureFor(userId: string): Promise<ChannelRecord | null> {
    return (await this.ensureForMany([userId])).get(userId) ?? null;
  }

  /** The channels of these users (made for those who have none yet). */
  async ensureForMany(userIds: readonly string[]): Promise<Map<string, ChannelRecord>> {
    const found = new Map((await this.channels.findByUserIds(userIds)).map((c) => [c.userId, c]));
    for (const id of new Set(userIds)) {
      if (found.has(id)) continue;
      const made = await this.create(id);
      if (made) found.set(id, made);
    }
    return found;
  }

  private async create(userId: string): Promise<ChannelRecord | null> {
    const name = await this.channels.userDisplayName(userId);
    if (name == null) return null;
    const base = handleBase(name);
    for (let attempt = 0; attempt < 12; attempt++) {
      // base ≤ 24 characters + '-' + ≤ 5 digits: within the 30.
      const handle = attempt === 0 ? base : `${base}-${randomInt(10 ** Math.min(3 + attempt, 5))}`;
      if (await this.channels.insert(userId, handle, new Date())) break;
      // Made meanwhile by a concurrent request (the user's row) or the handle is someone else's: look again.
      const [mine] = await this.channels.findByUserIds([userId]);
      if (mine) return mine;
    }
    const [made] = await this.channels.findByUserIds([userId]);
    return made ?? null;
  }

  /** The owner's edit: every field checked first (all problems named), then written. */
  async update(userId: string, changes: ChannelChanges): Promise<ChannelResult> {
    const channel = await this.ensureFor(userId);
    if (!channel) return { ok: false, errors: [UserError.of('handle', 'There is no such account.', 'NOT_FOUND')] };
    const errors: UserError[] = [];
    const write: { handle?: string; description?: string; links?: ChannelLink[] } = {};
    if (changes.handle != null) {
      const check = checkHandle(changes.handle);
      if (!check.ok) errors.push(UserError.of('handle', check.message, check.code));
      else if (check.handle !== channel.handle) {
        if (await this.channels.handleTaken(check.handle, userId)) {
          errors.push(UserError.of('handle', `"@${check.handle}" is taken; choose another handle.`, 'HANDLE_TAKEN'));
        } else write.handle = check.handle;
      }
    }
    if (changes.description != null) {
      const description = changes.description.trim();
      if (description.length > DESCRIPTION_MAX) {
        errors.push(UserError.of('description', `Use at most ${DESCRIPTION_MAX} characters for the description.`, 'DESCRIPTION_TOO_LONG'));
      } else write.description = description;
    }
    if (changes.links != null) {
      const links = cleanLinks(changes.links);
      if (!links.ok) errors.push(links.error);
      else write.links = links.links;
    }
    let displayName: string | undefined;
    if (changes.displayName != null) {
      const name = changes.displayName.trim();
      if (name.length < 1 || name.length > 80) {
        errors.push(UserError.of('displayName', 'Use 1 to 80 characters for the channel name.', 'INVALID_DISPLAY_NAME'));
      } else if (name !== channel.displayName) displayName = name;
    }
    if (errors.length) return { ok: false, errors };
    if (Object.keys(write).length) {
      try {
        await this.channels.update(userId, write, new Date());
      } catch (err) {
        if (!this.channels.isUniqueViolation(err)) throw err;
        return { ok: false, errors: [UserError.of('handle', `"@${write.handle}" is taken; choose another handle.`, 'HANDLE_TAKEN')] };
      }
    }
    if (displayName !== undefined) {
      const renamed = await this.users.updateDisplayName(userId, displayName);
      if (!renamed.ok) return { ok: false, errors: renamed.errors };
    }
    return { ok: true, channel: (await this.ensureFor(userId))! };
  }

  /** Records a new image key (`avatar` or `banner`); answers the key it replaced. */
  async setImage(userId: string, kind: 'avatar' | 'banner', key: string): Promise<string | null> {
    const channel = await this.ensureFor(userId);
    if (!channel) throw new Error(`no user ${userId}`);
    await this.channels.update(userId, kind === 'avatar' ? { avatarKey: key } : { bannerKey: key }, new Date());
    return kind === 'avatar' ? channel.avatarKey : channel.bannerKey;
  }
}
