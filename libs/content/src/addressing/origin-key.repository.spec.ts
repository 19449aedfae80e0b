import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@wetube/platform';
import { AddressingConfigError, addressingOptionsFromEnv } from './addressing.options';
import { OriginKeyRepository } from './origin-key.repository';

describe('OriginKeyRepository', () => {
  let dir: string;
  let config: AppConfig;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-origin-key-'));
    config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: dir });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('generates the key once in <DATA_DIR>/origin-key.pem (0600) and keeps it across restarts', async () => {
    const a = new OriginKeyRepository(config, {});
    const raw = a.publicKeyRaw();
    assert.equal(raw.length, 32);
    const file = join(dir, 'origin-key.pem');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const b = new OriginKeyRepository(config, {});
    assert.deepEqual(b.publicKeyRaw(), raw);
    assert.equal(b.keyId(), a.keyId());
  });

  it('signs with ed25519: the signature verifies with the raw public key', () => {
    const repo = new OriginKeyRepository(config, {});
    const msg = Buffer.from('hello');
    const sig = repo.sign(msg);
    assert.equal(sig.length, 64);
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: repo.publicKeyRaw().toString('base64url') }, format: 'jwk' });
    assert.equal(verify(null, msg, pub, sig), true);
    assert.equal(verify(null, Buffer.from('hellp'), pub, sig), false);
  });

  it('keyId is the RFC 7638 thumbprint of the public JWK', () => {
    const repo = new OriginKeyRepository(config, {});
    const jwk = repo.publicJwk();
    assert.deepEqual(Object.keys(jwk).sort(), ['crv', 'kty', 'x']);
    const expected = createHash('sha256')
      .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
      .digest('base64url');
    assert.equal(repo.keyId(), expected);
  });

  it('uses ORIGIN_SIGNING_KEY (PEM, also with literal \\n) instead of the file', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const x = publicKey.export({ format: 'jwk' }).x!;
    const oneLine = pem.trim().replace(/\n/g, '\\n');
    for (const value of [pem, oneLine]) {
      const repo = new OriginKeyRepository(config, addressingOptionsFromEnv({ ORIGIN_SIGNING_KEY: value }));
      assert.equal(repo.publicKeyRaw().toString('base64url'), x);
    }
  });

  it('refuses an ORIGIN_SIGNING_KEY that is not an ed25519 private key, naming the variable', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    for (const value of ['nonsense', rsa]) {
      const repo = new OriginKeyRepository(config, { originSigningKeyPem: value });
      assert.throws(
        () => repo.publicKeyRaw(),
        (err: unknown) => err instanceof AddressingConfigError && /ORIGIN_SIGNING_KEY/.test(err.message),
      );
    }
  });

  it('refuses a key file that is not an ed25519 key', async () => {
    const other = await mkdtemp(join(tmpdir(), 'wetube-origin-key-bad-'));
    try {
      await writeFile(join(other, 'origin-key.pem'), 'garbage', { mode: 0o600 });
      const repo = new OriginKeyRepository(AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: other }), {});
      assert.throws(() => repo.sign(Buffer.from('x')), /origin-key\.pem: not a PEM private key/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('KUBO_API_URL must be an http(s) URL', () => {
    assert.deepEqual(addressingOptionsFromEnv({}), {});
    assert.equal(addressingOptionsFromEnv({ KUBO_API_URL: 'http://127.0.0.1:5001/' }).kuboApiUrl, 'http://127.0.0.1:5001');
    assert.throws(() => addressingOptionsFromEnv({ KUBO_API_URL: 'localhost:5001x' }), /KUBO_API_URL/);
    assert.throws(() => addressingOptionsFromEnv({ KUBO_API_URL: 'ftp://x' }), /KUBO_API_URL/);
  });
});
