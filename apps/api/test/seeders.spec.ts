import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { encodeSeederRegistration, NodeEd25519Signer, SEEDER_REGISTRATION_DOMAIN, signSeederRegistration } from '@wetube/swarm';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const REGISTER = `mutation($input: RegisterSeederInput!) { registerSeeder(input: $input) {
  seeder { id name publicKey createdAt lastSeenAt } userErrors { field code message } } }`;
const MINE = `{ mySeeders { id name publicKey createdAt lastSeenAt } }`;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** What a seeder sends: its key, signed for `userId` at `signedAt`. */
async function signedInput(
  key: NodeEd25519Signer,
  userId: string,
  opts: { name?: string; signedAt?: number; signer?: NodeEd25519Signer } = {},
) {
  const signedAt = opts.signedAt ?? Date.now();
  const reg = { domain: SEEDER_REGISTRATION_DOMAIN, userId, publicKey: key.publicKey, signedAt };
  // signSeederRegistration refuses a key that is not the registered one, so a forger signs the bytes itself.
  const signature = opts.signer ? await opts.signer.sign(encodeSeederRegistration(reg)) : await signSeederRegistration(reg, key);
  return {
    publicKey: b64(key.publicKey),
    signedAt: new Date(signedAt).toISOString(),
    signature: b64(signature),
    ...(opts.name !== undefined ? { name: opts.name } : {}),
  };
}

for (const db of databaseMatrix()) {
  describe(`seeder nodes register their key with an account (${db})`, () => {
    let api: TestApi;
    let alice: ApiClient;
    let aliceId: string;
    let bob: ApiClient;
    let bobId: string;
    const key = NodeEd25519Signer.generate();

    const register = async (client: ApiClient, input: Record<string, unknown>) => {
      const r = await client.gql(REGISTER, { input });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data.registerSeeder as { seeder: any; userErrors: { field: string[]; code: string; message: string }[] };
    };
    const refusal = async (client: ApiClient, input: Record<string, unknown>) => {
      const payload = await register(client, input);
      assert.equal(payload.seeder, null);
      assert.equal(payload.userErrors.length, 1, JSON.stringify(payload.userErrors));
      return payload.userErrors[0];
    };

    before(async () => {
      api = await startApi(db);
      alice = new ApiClient(api.url);
      bob = new ApiClient(api.url);
      aliceId = (await alice.signUp('Alice')).id;
      // Any role may seed: Bob's account is an advertiser's (viewer + advertiser, no creator role).
      bobId = (await bob.signUp('Bob', 'advertiser')).id;
    });
    after(async () => api?.close());

    it('registers a seeder key with the signed-in account; mySeeders lists it', async () => {
      const before = Date.now();
      const payload = await register(alice, await signedInput(key, aliceId, { name: 'attic box' }));
      assert.deepEqual(payload.userErrors, []);
      assert.equal(payload.seeder.publicKey, b64(key.publicKey));
      assert.equal(payload.seeder.name, 'attic box');
      assert.match(payload.seeder.id, /^[0-9a-f-]{36}$/);
      assert.ok(Date.parse(payload.seeder.createdAt) >= before - 1000);
      assert.equal(payload.seeder.lastSeenAt, payload.seeder.createdAt);
      const mine = (await alice.gql(MINE)).data.mySeeders;
      assert.deepEqual(mine, [payload.seeder]);
      assert.deepEqual((await bob.gql(MINE)).data.mySeeders, [], "another account's list is its own");
      const rows = await api.app.get(DataSource).query('SELECT owner_id, public_key FROM seeder_nodes');
      assert.deepEqual(rows, [{ owner_id: aliceId, public_key: b64(key.publicKey) }]);
    });

    it('registering the same key again from the same account is idempotent: one row, new name and lastSeenAt', async () => {
      const [first] = (await alice.gql(MINE)).data.mySeeders;
      await new Promise((r) => setTimeout(r, 20));
      const again = await register(alice, await signedInput(key, aliceId, { name: 'attic box 2' }));
      assert.deepEqual(again.userErrors, []);
      assert.equal(again.seeder.id, first.id);
      assert.equal(again.seeder.createdAt, first.createdAt);
      assert.equal(again.seeder.name, 'attic box 2');
      assert.ok(Date.parse(again.seeder.lastSeenAt) > Date.parse(first.lastSeenAt));
      // Without a name, the name stays.
      const noName = await register(alice, await signedInput(key, aliceId));
      assert.equal(noName.seeder.name, 'attic box 2');
      const mine = (await alice.gql(MINE)).data.mySeeders;
      assert.equal(mine.length, 1);
      assert.deepEqual(mine[0], noName.seeder);
    });

    it('a second key of the same account is a second node; a key without a name gets one from its key', async () => {
      const other = NodeEd25519Signer.generate();
      const payload = await register(alice, await signedInput(other, aliceId));
      assert.equal(payload.seeder.name, `seeder ${b64(other.publicKey).slice(0, 8)}`);
      const mine = (await alice.gql(MINE)).data.mySeeders;
      assert.deepEqual(
        mine.map((s: any) => s.publicKey),
        [b64(key.publicKey), b64(other.publicKey)],
        'first registered first',
      );
    });

    it("refuses a key already registered with another account (SEEDER_KEY_TAKEN), even with the key's valid signature", async () => {
      const e = await refusal(bob, await signedInput(key, bobId, { name: 'mine now' }));
      assert.equal(e.code, 'SEEDER_KEY_TAKEN');
      assert.deepEqual(e.field, ['input', 'publicKey']);
      assert.match(e.message, /already registered with another account/);
      assert.deepEqual((await bob.gql(MINE)).data.mySeeders, []);
      assert.equal((await alice.gql(MINE)).data.mySeeders[0].name, 'attic box 2', 'the owner keeps it unchanged');
    });

    it('refuses a bad signature: another key signed, or the signature was made for another account (BAD_SIGNATURE)', async () => {
      const fresh = NodeEd25519Signer.generate();
      const forged = await refusal(bob, await signedInput(fresh, bobId, { signer: NodeEd25519Signer.generate() }));
      assert.equal(forged.code, 'BAD_SIGNATURE');
      assert.deepEqual(forged.field, ['input', 'signature']);
      assert.match(forged.message, /does not verify/);
      // Alice's signed registration replayed by Bob: the signature names Alice's account.
      const replayed = await refusal(bob, await signedInput(fresh, aliceId));
      assert.equal(replayed.code, 'BAD_SIGNATURE');
      // signedAt changed after signing.
      const input = await signedInput(fresh, bobId, { signedAt: Date.now() - 5000 });
      const moved = await refusal(bob, { ...input, signedAt: new Date(Date.parse(input.signedAt) + 1).toISOString() });
      assert.equal(moved.code, 'BAD_SIGNATURE');
      const garbled = await refusal(bob, { ...input, signature: 'abc' });
      assert.equal(garbled.code, 'INVALID_SIGNATURE');
      assert.deepEqual((await bob.gql(MINE)).data.mySeeders, []);
    });

    it('refuses a stale signedAt (over 10 minutes) and one more than a minute ahead', async () => {
      const fresh = NodeEd25519Signer.generate();
      const stale = await refusal(bob, await signedInput(fresh, bobId, { signedAt: Date.now() - 11 * 60_000 }));
      assert.equal(stale.code, 'SIGNED_AT_TOO_OLD');
      assert.deepEqual(stale.field, ['input', 'signedAt']);
      assert.match(stale.message, /signed 11 minutes ago; sign it again/);
      const ahead = await refusal(bob, await signedInput(fresh, bobId, { signedAt: Date.now() + 5 * 60_000 }));
      assert.equal(ahead.code, 'SIGNED_AT_IN_FUTURE');
      assert.match(ahead.message, /in the future/);
      // Within the window both ways: accepted.
      const recent = await register(bob, await signedInput(fresh, bobId, { signedAt: Date.now() - 9 * 60_000 }));
      assert.deepEqual(recent.userErrors, []);
      const skewed = await register(bob, await signedInput(NodeEd25519Signer.generate(), bobId, { signedAt: Date.now() + 30_000 }));
      assert.deepEqual(skewed.userErrors, []);
      assert.equal((await bob.gql(MINE)).data.mySeeders.length, 2);
    });

    it('refuses a malformed key, a bad name and an unreadable signedAt', async () => {
      const input = await signedInput(NodeEd25519Signer.generate(), bobId);
      for (const publicKey of ['not-a-key', b64(new Uint8Array(31)), b64(new Uint8Array(33)), `${input.publicKey.slice(0, 42)}B`, '']) {
        const e = await refusal(bob, { ...input, publicKey });
        assert.equal(e.code, 'INVALID_SEEDER_KEY', publicKey);
        assert.match(e.message, /32-byte Ed25519 public key in base64url/);
      }
      assert.equal((await refusal(bob, { ...input, name: 'x'.repeat(81) })).code, 'INVALID_SEEDER_NAME');
      assert.equal((await refusal(bob, { ...input, name: 'two\nlines' })).code, 'INVALID_SEEDER_NAME');
      assert.equal((await refusal(bob, { ...input, signedAt: 'yesterday' })).code, 'INVALID_SIGNED_AT');
    });

    it('refuses an anonymous or forged-token caller (UNAUTHENTICATED) for both the mutation and mySeeders', async () => {
      const anon = new ApiClient(api.url);
      const r = await anon.gql(REGISTER, { input: await signedInput(NodeEd25519Signer.generate(), aliceId) });
      assert.equal(r.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
      assert.equal(r.data?.registerSeeder ?? null, null);
      assert.equal((await anon.gql(MINE)).errors?.[0].extensions?.code, 'UNAUTHENTICATED');
      anon.token = `${alice.token}x`;
      assert.equal((await anon.gql(MINE)).errors?.[0].extensions?.code, 'UNAUTHENTICATED');
      assert.equal((await alice.gql(MINE)).data.mySeeders.length, 2, 'nothing was added');
    });
  });
}
