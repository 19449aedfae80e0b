import { Injectable } from '@nestjs/common';
import { Database, type Row, toBool, toDate } from '@wetube/platform';

/** A listener's support of one creator. */
export interface SupportSettings {
  listenerId: string;
  creatorId: string;
  enabled: boolean;
  /** Cloudcoin minor units per minute of attended playback. */
  perMinute: bigint;
  /** At most this much to this creator per UTC day. */
  dailyCeiling: bigint;
  updatedAt: Date;
}

const COLUMNS = `listener_id, creator_id, enabled, CAST(per_minute AS TEXT) AS per_minute, CAST(daily_ceiling AS TEXT) AS daily_ceiling, updated_at`;

function toSettings(r: Row): SupportSettings {
  return {
    listenerId: String(r.listener_id),
    creatorId: String(r.creator_id),
    enabled: toBool(r.enabled),
    perMinute: BigInt(String(r.per_minute)),
    dailyCeiling: BigInt(String(r.daily_ceiling)),
    updatedAt: toDate(r.updated_at),
  };
}

/** `support_settings`: one row per (listener, creator) once the listener set it. */
@Injectable()
export class SupportSettingsRepository {
  constructor(private readonly db: Database) {}

  async get(listenerId: string, creatorId: string): Promise<SupportSettings | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM support_settings WHERE listener_id = ? AND creator_id = ?`, [
      listenerId,
      creatorId,
    ]);
    return rows[0] ? toSettings(rows[0]) : null;
  }

  async upsert(s: Omit<SupportSettings, 'updatedAt'>, now = new Date()): Promise<SupportSettings> {
    await this.db.query(
      `INSERT INTO support_settings (listener_id, creator_id, enabled, per_minute, daily_ceiling, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (listener_id, creator_id) DO UPDATE SET enabled = excluded.enabled, per_minute = excluded.per_minute,
         daily_ceiling = excluded.daily_ceiling, updated_at = excluded.updated_at`,
      [
        s.listenerId,
        s.creatorId,
        this.db.dialect.bool(s.enabled),
        s.perMinute.toString(),
        s.dailyCeiling.toString(),
        this.db.dialect.time(now),
      ],
    );
    return (await this.get(s.listenerId, s.creatorId))!;
  }
}
