import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UserError } from '@wetube/platform';
import { AuthUser } from '@wetube/identity';
import {
  NodeEd25519Verifier,
  SEEDER_REGISTRATION_DOMAIN,
  SEEDER_REGISTRATION_MAX_AGE_MS,
  SEEDER_REGISTRATION_MAX_SKEW_MS,
  verifySeederRegistration,
} from '@wetube/swarm';
import { SeederNodeEntity } from './seeder-node.entity';
import { SeederNodesRepository } from './seeder-nodes.repository';

export interface RegisterSeederRequest {
  /** base64url of the seeder's raw 32-byte Ed25519 public key. */
  publicKey: string;
  /** Shown to the account; absent or blank keeps the current name (a new node gets "seeder <key prefix>"). */
  name?: string | null;
  /** When the seeder signed (the signed value is its Unix time in milliseconds). */
  signedAt: Date;
  /** base64url of the 64-byte Ed25519 signature over the registration's canonical bytes. */
  signature: string;
}

export type RegisterSeederResult = { ok: true; seeder: SeederNodeEntity; created: boolean } | { ok: false; error: UserError };

const NAME_MAX = 80;
// C0/C1 control characters, DEL and line/paragraph separators: a name is one printable line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Seeder nodes and the accounts they belong to. A seeder registers its key by signing
 * `wetube-seeder-registration-v1 · userId · publicKey · signedAt` with it (libs/swarm
 * seeder-registration.ts): only the key's holder can register it, only for the signed-in account,
 * and only recently (a signature older than 10 minutes, or more than 1 minute ahead, is refused).
 * A key belongs to one account; registering it again from that account only refreshes the name
 * and lastSeenAt. Payouts (a later issue) look up who a receipt's peer id pays here.
 */
@Injectable()
export class SeederNodesService {
  private readonly verifier = new NodeEd25519Verifier(1_000);

  constructor(private readonly seeders: SeederNodesRepository) {}

  async register(user: AuthUser, input: RegisterSeederRequest, now: number = Date.now()): Promise<RegisterSeederResult> {
    const publicKey = decodeBase64Url(input.publicKey, 32);
    if (!publicKey) {
      return refuse(
        'publicKey',
        'The seeder key must be a raw 32-byte Ed25519 public key in base64url (43 characters).',
        'INVALID_SEEDER_KEY',
      );
    }
    const name = (input.name ?? '').trim();
    if (name.length > NAME_MAX || CONTROL.test(name)) {
      return refuse('name', `Use at most ${NAME_MAX} printable characters, on one line, for the seeder name.`, 'INVALID_SEEDER_NAME');
    }
    const signedAt = input.signedAt instanceof Date ? input.signedAt.getTime() : NaN;
    if (!Number.isSafeInteger(signedAt) || signedAt < 0) {
      return refuse(
        'signedAt',
        'signedAt must be the ISO 8601 date-time the seeder signed at, e.g. 2025-06-15T12:00:00.000Z.',
        'INVALID_SIGNED_AT',
      );
    }
    if (now - signedAt > SEEDER_REGISTRATION_MAX_AGE_MS) {
      const minutes = Math.floor((now - signedAt) / 60_000);
      return refuse(
        'signedAt',
        `The registration was signed ${minutes} minutes ago; sign it again (registrations older than ${SEEDER_REGISTRATION_MAX_AGE_MS / 60_000} minutes are refused, so check the seeder's clock).`,
        'SIGNED_AT_TOO_OLD',
      );
    }
    if (signedAt - now > SEEDER_REGISTRATION_MAX_SKEW_MS) {
      return refuse(
        'signedAt',
        `The registration is signed ${Math.ceil((signedAt - now) / 1000)} s in the future (at most ${SEEDER_REGISTRATION_MAX_SKEW_MS / 1000} s ahead is allowed); check the seeder's clock.`,
        'SIGNED_AT_IN_FUTURE',
      );
    }
    const signature = decodeBase64Url(input.signature, 64);
    if (!signature)
      return refuse('signature', 'The signature must be a 64-byte Ed25519 signature in base64url (86 characters).', 'INVALID_SIGNATURE');
    const reg = { domain: SEEDER_REGISTRATION_DOMAIN, userId: user.id, publicKey, signedAt };
    if (!(await verifySeederRegistration(reg, signature, this.verifier))) {
      return refuse(
        'signature',
        `The signature does not verify: sign "${SEEDER_REGISTRATION_DOMAIN}", your account id, the key and signedAt with the seeder's own key.`,
        'BAD_SIGNATURE',
      );
    }

    const key = input.publicKey;
    const existing = await this.seeders.findByPublicKey(key);
    if (existing) return this.refresh(existing, user, name, now);
    let seeder: SeederNodeEntity;
    try {
      seeder = await this.seeders.insert({
        id: randomUUID(),
        ownerId: user.id,
        publicKey: key,
        name: name || `seeder ${key.slice(0, 8)}`,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
      });
    } catch (err) {
      // Two registrations racing for one key: the unique index decides.
      const winner = await this.seeders.findByPublicKey(key);
      if (winner) return this.refresh(winner, user, name, now);
      throw err;
    }
    return { ok: true, seeder, created: true };
  }

  /** The account's seeder nodes, first registered first. */
  listOf(ownerId: string): Promise<SeederNodeEntity[]> {
    return this.seeders.findByOwner(ownerId);
  }

  /** The registered node behind a platform peer id (base64url key), or null for an anonymous seeder. */
  /** Who each of these seeder keys pays (public key → owner user id); unknown keys are left out. */
  async ownersOf(publicKeys: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(publicKeys)].filter((k) => k.length <= 64);
    if (unique.length === 0) return new Map();
    const rows = await this.seeders.findOwners(unique);
    return new Map(rows.map((r) => [r.publicKey, r.ownerId]));
  }

  findByPublicKey(publicKey: string): Promise<SeederNodeEntity | null> {
    return this.seeders.findByPublicKey(publicKey);
  }

  private async refresh(seeder: SeederNodeEntity, user: AuthUser, name: string, now: number): Promise<RegisterSeederResult> {
    if (seeder.ownerId !== user.id) {
      return refuse(
        'publicKey',
        'This seeder key is already registered with another account; a key belongs to one account.',
        'SEEDER_KEY_TAKEN',
      );
    }
    const changes = { lastSeenAt: new Date(now), ...(name ? { name } : {}) };
    await this.seeders.update(seeder.id, changes);
    return { ok: true, seeder: Object.assign(seeder, changes), created: false };
  }
}

function refuse(field: string, message: string, code: string): { ok: false; error: UserError } {
  return { ok: false, error: UserError.of(field, message, code) };
}

/** Canonical, unpadded base64url of exactly `length` bytes, or null. */
function decodeBase64Url(text: string, length: number): Uint8Array | null {
  if (typeof text !== 'string' || text.length !== Math.ceil((length * 4) / 3) || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== length || bytes.toString('base64url') !== text) return null;
  return new Uint8Array(bytes);
}
