import { SEEDER_REGISTRATION_DOMAIN, type Ed25519Signer, signSeederRegistration, toBase64Url } from '@wetube/swarm';
import { type AccountInfo, GraphqlError, type RegisteredSeeder, type SeederApiClient } from './api.client';

/** The part of the api client registration uses. */
export type SeederAccountApi = Pick<SeederApiClient, 'me' | 'registerSeeder'>;

export type RegistrationOutcome =
  | { ok: true; seeder: RegisteredSeeder; account: AccountInfo }
  /** `retry`: the api could not be reached, so trying again later may work (a refusal will not). */
  | { ok: false; reason: string; retry: boolean };

/**
 * Registers the seeder's key with the account of the api token: asks the api who the token is
 * (`me`), signs `wetube-seeder-registration-v1 · account id · key · now` with the seeder key, and
 * sends it (`registerSeeder`). Never throws: every failure is an outcome with a reason a person can
 * act on.
 */
export async function registerSeeder(
  api: SeederAccountApi,
  key: Ed25519Signer,
  name: string,
  now: () => number = Date.now,
): Promise<RegistrationOutcome> {
  let account: AccountInfo | null;
  try {
    account = await api.me();
  } catch (err) {
    return failed(err);
  }
  if (!account) {
    return {
      ok: false,
      retry: false,
      reason: 'the api does not accept this --token (expired, or made by another api); sign in again for a new one',
    };
  }
  const signedAt = now();
  let signature: Uint8Array;
  try {
    signature = await signSeederRegistration(
      { domain: SEEDER_REGISTRATION_DOMAIN, userId: account.id, publicKey: key.publicKey, signedAt },
      key,
    );
  } catch (err) {
    return { ok: false, retry: false, reason: `cannot sign the registration: ${(err as Error).message}` };
  }
  try {
    const r = await api.registerSeeder({
      publicKey: toBase64Url(key.publicKey),
      name,
      signedAt: new Date(signedAt).toISOString(),
      signature: toBase64Url(signature),
    });
    if (r.seeder) return { ok: true, seeder: r.seeder, account };
    const first = r.userErrors[0];
    return { ok: false, retry: false, reason: first ? `${first.message} (${first.code})` : 'the api refused it without a reason' };
  } catch (err) {
    return failed(err);
  }
}

/** "Alice", or the account id when it has no display name. */
export function accountLabel(account: AccountInfo): string {
  return account.displayName?.trim() || account.id;
}

function failed(err: unknown): RegistrationOutcome {
  if (err instanceof GraphqlError) {
    if (err.codes.includes('UNAUTHENTICATED')) {
      return {
        ok: false,
        retry: false,
        reason: 'the api does not accept this --token (expired, or made by another api); sign in again for a new one',
      };
    }
    return { ok: false, retry: false, reason: err.message };
  }
  return { ok: false, retry: true, reason: (err as Error).message };
}
