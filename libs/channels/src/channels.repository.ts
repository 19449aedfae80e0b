import { Injectable } from '@nestjs/common';
import { Database, isUniqueViolation, Row, toDate } from '@wetube/platform';
import type { ChannelLink } from './channel-links';

/** One channel as stored; its name is the owner's `users.display_name` (joined in). */
export interface ChannelRecord {
  userId: string;
  handle: string;
  displayName: string;
  description: string;
  links: ChannelLink[];
  avatarKey: string | null;
  bannerKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A subscription of the caller, for `mySubscriptions`' keyset. */
export interface SubscriptionRecord {
  channelId: string;
  createdAt: Date;
}

function toChannel(r: Row): ChannelRecord {
  let links: ChannelLink[] = [];
  try {
    links = JSON.parse(String(r.links ?? '[]')) as ChannelLink[];
  } catch {
    links = [];
  }
  return {
    userId: String(r.user_id),
    handle: String(r.handle),
    displayName: String(r.display_name ?? ''),
    description: String(r.description ?? ''),
    links,
    avatarKey: r.avatar_key == null ? null : String(r.avatar_key),
    bannerKey: r.banner_key == null ? null : String(r.banner_key),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

const SELECT_CHANNEL = `SELECT c.*, u.display_name FROM channels c JOIN users u ON u.id = c.user_id`;

/** The channels and channel_subscriptions tables. */
@Injectable()
export class ChannelsRepository {
  constructor(private readonly db: Database) {}

  async findByHandle(handle: string): Promise<ChannelRecord | null> {
    const [r] = await this.db.query(`${SELECT_CHANNEL} WHERE c.handle = ?`, [handle]);
    return r ? toChannel(r) : null;
  }

  async findByUserIds(ids: readonly string[]): Promise<ChannelRecord[]> {
    if (ids.length === 0) return [];
    const list = this.db.dialect.inList('c.user_id', [...ids]);
    const rows = await this.db.query(`${SELECT_CHANNEL} WHERE ${list.sql}`, list.params);
    return rows.map(toChannel);
  }

  /** The user's display name, or null when there is no such user. */
  async userDisplayName(userId: string): Promise<string | null> {
    const [r] = await this.db.query(`SELECT display_name FROM users WHERE id = ?`, [userId]);
    return r ? String(r.display_name) : null;
  }

  /** Inserts a channel; false when the handle (or the user's channel) exists already. */
  async insert(userId: string, handle: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO channels (user_id, handle, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, handle, this.db.dialect.time(now), this.db.dialect.time(now)],
    );
    return rows.length > 0;
  }

  async handleTaken(handle: string, exceptUserId: string): Promise<boolean> {
    const [r] = await this.db.query(`SELECT 1 AS x FROM channels WHERE handle = ? AND user_id <> ?`, [handle, exceptUserId]);
    return !!r;
  }

  /** Writes the given fields; throws the driver's unique violation when the handle is taken meanwhile. */
  async update(
    userId: string,
    changes: Partial<Pick<ChannelRecord, 'handle' | 'description' | 'links' | 'avatarKey' | 'bannerKey'>>,
    now: Date,
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    const col = { handle: 'handle', description: 'description', links: 'links', avatarKey: 'avatar_key', bannerKey: 'banner_key' } as const;
    for (const [key, column] of Object.entries(col) as Array<[keyof typeof col, string]>) {
      if (changes[key] === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(key === 'links' ? JSON.stringify(changes.links) : changes[key]);
    }
    sets.push('updated_at = ?');
    params.push(this.db.dialect.time(now), userId);
    await this.db.query(`UPDATE channels SET ${sets.join(', ')} WHERE user_id = ?`, params);
  }

  isUniqueViolation(err: unknown): boolean {
    return isUniqueViolation(err);
  }

  // ---- subscriptions ----

  /** Adds the subscription; false when it existed. */
  async subscribe(subscriberId: string, channelId: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO channel_subscriptions (subscriber_id, channel_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING channel_id`,
      [subscriberId, channelId, this.db.dialect.time(now)],
    );
    return rows.length > 0;
  }

  /** Removes the subscription; false when there was none. */
  async unsubscribe(subscriberId: string, channelId: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM channel_subscriptions WHERE subscriber_id = ? AND channel_id = ? RETURNING channel_id`, [
      subscriberId,
      channelId,
    ]);
    return rows.length > 0;
  }

  /** Of `channelIds`, those `subscriberId` follows. */
  async subscribedAmong(subscriberId: string, channelIds: readonly string[]): Promise<Set<string>> {
    if (channelIds.length === 0) return new Set();
    const list = this.db.dialect.inList('channel_id', [...channelIds]);
    const rows = await this.db.query(`SELECT channel_id FROM channel_subscriptions WHERE subscriber_id = ? AND ${list.sql}`, [
      subscriberId,
      ...list.params,
    ]);
    return new Set(rows.map((r) => String(r.channel_id)));
  }

  /** Subscriber counts of the channels (0 for none). */
  async subscriberCounts(channelIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map(channelIds.map((id) => [id, 0]));
    if (channelIds.length === 0) return out;
    const list = this.db.dialect.inList('channel_id', [...channelIds]);
    const rows = await this.db.query(
      `SELECT channel_id, COUNT(*) AS n FROM channel_subscriptions WHERE ${list.sql} GROUP BY channel_id`,
      list.params,
    );
    for (const r of rows) out.set(String(r.channel_id), Number(r.n));
    return out;
  }

  /** The subscriber's subscriptions, newest first, after the keyset (created_at, channel_id). */
  async subscriptionsOf(subscriberId: string, first: number, after: SubscriptionRecord | null): Promise<SubscriptionRecord[]> {
    const params: unknown[] = [subscriberId];
    let keyset = '';
    if (after) {
      keyset = 'AND (created_at < ? OR (created_at = ? AND channel_id < ?))';
      const t = this.db.dialect.time(after.createdAt);
      params.push(t, t, after.channelId);
    }
    params.push(first);
    const rows = await this.db.query(
      `SELECT channel_id, created_at FROM channel_subscriptions WHERE subscriber_id = ? ${keyset} ORDER BY created_at DESC, channel_id DESC LIMIT ?`,
      params,
    );
    return rows.map((r) => ({ channelId: String(r.channel_id), createdAt: toDate(r.created_at) }));
  }

  async subscriptionCount(subscriberId: string): Promise<number> {
    const [r] = await this.db.query(`SELECT COUNT(*) AS n FROM channel_subscriptions WHERE subscriber_id = ?`, [subscriberId]);
    return Number(r.n);
  }
}
