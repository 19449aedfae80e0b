import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldWriter } from './bytes';
import { NodeEd25519Signer, NodeEd25519Verifier } from './node-ed25519';
import { RECEIPT_DOMAIN, signReceipt } from './receipt';
import {
  decodeSeederRegistration,
  encodeSeederRegistration,
  SEEDER_REGISTRATION_DOMAIN,
  type SeederRegistration,
  signSeederRegistration,
  verifySeederRegistration,
} from './seeder-registration';
import { WebCryptoEd25519Signer, WebCryptoEd25519Verifier } from './webcrypto-ed25519';

const USER = '0f8fad5b-d9cb-469f-a165-70867728950e';
const AT = 1_750_000_000_123;
const verifier = new NodeEd25519Verifier();

function registration(publicKey: Uint8Array, over: Partial<SeederRegistration> = {}): SeederRegistration {
  return { domain: SEEDER_REGISTRATION_DOMAIN, userId: USER, publicKey, signedAt: AT, ...over };
}

describe('seeder registration encoding', () => {
  it('is str(domain) str(userId) bytes(publicKey) u64(signedAt), deterministic, and round-trips', () => {
    const key = new Uint8Array(32).fill(7);
    const bytes = encodeSeederRegistration(registration(key));
    const expected = new FieldWriter().string(SEEDER_REGISTRATION_DOMAIN, 'd').string(USER, 'u').bytes(key, 'k').u64(AT, 't').finish();
    assert.deepEqual(bytes, expected);
    assert.deepEqual(bytes, encodeSeederRegistration(registration(key)));
    assert.equal(new TextDecoder().decode(bytes.subarray(4, 4 + SEEDER_REGISTRATION_DOMAIN.length)), 'wetube-seeder-registration-v1');
    assert.equal(bytes.length, 4 + 29 + 4 + 36 + 4 + 32 + 8);
    assert.deepEqual(decodeSeederRegistration(bytes), registration(key));
  });

  it('refuses a key that is not 32 bytes, a negative time, trailing bytes and truncation', () => {
    assert.throws(() => encodeSeederRegistration(registration(new Uint8Array(31))), /publicKey must be 32 bytes/);
    assert.throws(
      () => encodeSeederRegistration(registration(new Uint8Array(32), { signedAt: -1 })),
      /signedAt must be a non-negative safe integer/,
    );
    const bytes = encodeSeederRegistration(registration(new Uint8Array(32)));
    assert.throws(() => decodeSeederRegistration(new Uint8Array([...bytes, 0])), /trailing/);
    assert.throws(() => decodeSeederRegistration(bytes.subarray(0, bytes.length - 1)), /truncated/);
    const shortKey = new FieldWriter()
      .string(SEEDER_REGISTRATION_DOMAIN, 'd')
      .string(USER, 'u')
      .bytes(new Uint8Array(8), 'k')
      .u64(AT, 't')
      .finish();
    assert.throws(() => decodeSeederRegistration(shortKey), /publicKey must be 32 bytes/);
  });
});

describe('signSeederRegistration / verifySeederRegistration', () => {
  it('verifies with the registered key; any changed field (account, key, time, domain) does not verify', async () => {
    const seeder = NodeEd25519Signer.generate();
    const reg = registration(seeder.publicKey);
    const sig = await signSeederRegistration(reg, seeder);
    assert.equal(sig.length, 64);
    assert.equal(await verifySeederRegistration(reg, sig, verifier), true);
    assert.equal(
      await verifySeederRegistration({ ...reg, userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, sig, verifier),
      false,
      'another account',
    );
    assert.equal(await verifySeederRegistration({ ...reg, signedAt: AT + 1 }, sig, verifier), false, 'another time');
    assert.equal(
      await verifySeederRegistration({ ...reg, publicKey: NodeEd25519Signer.generate().publicKey }, sig, verifier),
      false,
      'another key',
    );
    assert.equal(
      await verifySeederRegistration({ ...reg, domain: 'wetube-seeder-registration-v0' }, sig, verifier),
      false,
      'another domain',
    );
    assert.equal(await verifySeederRegistration(reg, sig.subarray(1), verifier), false, 'short signature');
    assert.equal(
      await verifySeederRegistration({ ...reg, publicKey: new Uint8Array(3) }, sig, verifier),
      false,
      'malformed key: false, no throw',
    );
  });

  it('a key signs only its own registration, only in its domain', async () => {
    const seeder = NodeEd25519Signer.generate();
    await assert.rejects(
      signSeederRegistration(registration(NodeEd25519Signer.generate().publicKey), seeder),
      /signed with the key it registers/,
    );
    await assert.rejects(signSeederRegistration(registration(seeder.publicKey, { domain: RECEIPT_DOMAIN }), seeder), /domain must be/);
  });

  it('a signature made for another purpose (a receipt) never verifies as a registration', async () => {
    const seeder = NodeEd25519Signer.generate();
    const receipt = {
      domain: RECEIPT_DOMAIN,
      sessionId: USER,
      peerId: 'p',
      seq: 1,
      lastSegmentCid: 'c',
      cumulativeSegments: 1,
      cumulativeBytes: 1,
    };
    const sig = await signReceipt(receipt, seeder);
    assert.equal(await verifySeederRegistration(registration(seeder.publicKey), sig, verifier), false);
  });

  it('WebCrypto and node:crypto agree (a browser could register too)', async () => {
    const web = await WebCryptoEd25519Signer.generate();
    const reg = registration(web.publicKey);
    assert.equal(await verifySeederRegistration(reg, await signSeederRegistration(reg, web), verifier), true);
    const node = NodeEd25519Signer.generate();
    const reg2 = registration(node.publicKey);
    assert.equal(await verifySeederRegistration(reg2, await signSeederRegistration(reg2, node), new WebCryptoEd25519Verifier()), true);
  });
});
