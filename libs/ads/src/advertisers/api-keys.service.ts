import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, toDate, toDateOrNull } from '@wetube/platform';

/** Every advertiser API key starts with this (so a leaked one is easy to spot and to tell from a session JWT). */
export const API_KEY_PREFIX = 'wtak_';
const KEY_SHAPE = /^wtak_[A-Za-z0-9_-]{43}$/;

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

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Advertiser API keys: a 32-byte random secret shown once; only its sha256 is stored. */
@Injectable()
export class ApiKeysService {
  constructor(private readonly db: Database) {}

  async create(advertiserId: string, name: string): Promise<{ key: ApiKey; secret: string }> {
    const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const key: ApiKey = {
      id: randomUUID(),
      advertiserId,
      name,
      prefix: secret.slice(0, 9),
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.db.query(`INSERT INTO ad_api_keys (id, advertiser_id, name, prefix, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      key.id,
      advertiserId,
      name,
      key.prefix,
      hashApiKey(secret),
      this.db.dialect.time(key.createdAt),
    ]);
    return { key, secret };
  }

  async list(advertiserId: string): Promise<ApiKey[]> {
    const rows = await this.db.query(`SELECT * FROM ad_api_keys WHERE advertiser_id = ? ORDER BY created_at DESC, id DESC`, [advertiserId]);
    return rows.map(toKey);
  }

  /** Revokes one of the advertiser's keys; null when it has none with that id. Revoking twice keeps the first time. */
  async revoke(advertiserId: string, id: string): Promise<ApiKey | null> {
    await this.db.query(`UPDATE ad_api_keys SET revoked_at = ? WHERE id = ? AND advertiser_id = ? AND revoked_at IS NULL`, [
      this.db.dialect.time(new Date()),
      id,
      advertiserId,
    ]);
    const rows = await this.db.query(`SELECT * FROM ad_api_keys WHERE id = ? AND advertiser_id = ?`, [id, advertiserId]);
    return rows[0] ? toKey(rows[0]) : null;
  }

  /** The advertiser (user id) behind a live key, or null for a malformed, unknown or revoked one. */
  async authenticate(secret: string): Promise<string | null> {
    if (!KEY_SHAPE.test(secret)) return null;
    const rows = await this.db.query(`SELECT id, advertiser_id FROM ad_api_keys WHERE token_hash = ? AND revoked_at IS NULL`, [
      hashApiKey(secret),
    ]);
    if (!rows[0]) return null;
    await this.db.query(`UPDATE ad_api_keys SET last_used_at = ? WHERE id = ?`, [this.db.dialect.time(new Date()), rows[0].id]);
    return String(rows[0].advertiser_id);
  }
}

function toKey(r: Record<string, unknown>): ApiKey {
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
