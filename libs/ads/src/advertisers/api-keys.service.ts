import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKey, ApiKeysRepository } from './api-keys.repository';

export type { ApiKey } from './api-keys.repository';

/** Every advertiser API key starts with this (so a leaked one is easy to spot and to tell from a session JWT). */
export const API_KEY_PREFIX = 'wtak_';
const KEY_SHAPE = /^wtak_[A-Za-z0-9_-]{43}$/;

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Advertiser API keys: a 32-byte random secret shown once; only its sha256 is stored. */
@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

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
    await this.keys.insert(key, hashApiKey(secret));
    return { key, secret };
  }

  list(advertiserId: string): Promise<ApiKey[]> {
    return this.keys.list(advertiserId);
  }

  /** Revokes one of the advertiser's keys; null when it has none with that id. Revoking twice keeps the first time. */
  async revoke(advertiserId: string, id: string): Promise<ApiKey | null> {
    await this.keys.revoke(advertiserId, id, new Date());
    return this.keys.get(advertiserId, id);
  }

  /** The advertiser (user id) behind a live key, or null for a malformed, unknown or revoked one. */
  async authenticate(secret: string): Promise<string | null> {
    if (!KEY_SHAPE.test(secret)) return null;
    const key = await this.keys.liveByHash(hashApiKey(secret));
    if (!key) return null;
    await this.keys.touch(key.id, new Date());
    return key.advertiserId;
  }
}
