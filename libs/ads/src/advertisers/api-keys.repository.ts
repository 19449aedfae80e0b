import { Injectable } from '@nestjs/common';
import { Database, Row, toDate, toDateOrNull } from '@wetube/platform';

export interface ApiKey {
  id: string;
  advertiserId: string;
  name: string;
  /** The first characters of the secret, to tell keys apart. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function toKey(r: Row): ApiKey {
  return {
    id: String(r.id),
    advertiserId: String(r.advertiser_id),
    name: String(r.name),
    prefix: String(r.prefix),
    createdAt: toDate(r.created_at),
    lastUsedAt: toDateOrNull(r.last_used_at),
    revokedAt: toDateOrNull(r.revoked_at),
  };
}

/** The ad_api_keys table (only the secret's sha256 is stored). */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly db: Database) {}

  async insert(key: ApiKey, tokenHash: string): Promise<void> {
    await this.db.query(`INSERT INTO ad_api_keys (id, advertiser_id, name, prefix, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      key.id,
      key.advertiserId,
      key.name,
      key.prefix,
      tokenHash,
      this.db.dialect.time(key.createdAt),
    ]);
  }

  async list(advertiserId: string): Promise<ApiKey[]> {
    const rows = await this.db.query(`SELECT * FROM ad_api_keys WHERE advertiser_id = ? ORDER BY created_at DESC, id DESC`, [advertiserId]);
    return rows.map(toKey);
  }

  async get(advertiserId: string, id: string): Promise<ApiKey | null> {
    const rows = await this.db.query(`SELECT * FROM ad_api_keys WHERE id = ? AND advertiser_id = ?`, [id, advertiserId]);
    return rows[0] ? toKey(rows[0]) : null;
  }

  /** Sets revoked_at unless it is set already. */
  async revoke(advertiserId: string, id: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE ad_api_keys SET revoked_at = ? WHERE id = ? AND advertiser_id = ? AND revoked_at IS NULL`, [
      this.db.dialect.time(at),
      id,
      advertiserId,
    ]);
  }

  /** The live (not revoked) key with this hash. */
  async liveByHash(tokenHash: string): Promise<{ id: string; advertiserId: string } | null> {
    const rows = await this.db.query(`SELECT id, advertiser_id FROM ad_api_keys WHERE token_hash = ? AND revoked_at IS NULL`, [tokenHash]);
    return rows[0] ? { id: String(rows[0].id), advertiserId: String(rows[0].advertiser_id) } : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE ad_api_keys SET last_used_at = ? WHERE id = ?`, [this.db.dialect.time(at), id]);
  }
}
