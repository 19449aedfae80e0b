import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import {
  buildManifest,
  canonicalJson,
  canonicalManifestBytes,
  ManifestError,
  ManifestFile,
  signManifest,
  SignedManifest,
  verifyManifest,
} from './manifest';

function testKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { raw, signer: { keyId: () => 'test-key', sign: (b: Uint8Array) => sign(null, b, privateKey) } };
}

const sha = (c: string) => c.repeat(64);
const FILES: ManifestFile[] = [
  { path: 'poster.jpg', cid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku', sha256: sha('a'), bytes: 1234 },
  { path: '720p/seg_00001.m4s', cid: 'bafybeich6cqd6yabw3cku6edwmz4rvwe275nx2l6ootvc2bpbt5bdvarua', sha256: sha('b'), bytes: 262145 },
  { path: 'master.m3u8', cid: 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4', sha256: sha('c'), bytes: 12 },
  { path: '720p/seg_00000.m4s', cid: 'bafkreigkgwdvr5wspzwpiutssn4xpj2i7wedshnwphhnu7ohx4pqaxxipe', sha256: sha('d'), bytes: 1 },
];

describe('manifest', () => {
  it('builds version 1 with files sorted by path', () => {
    const m = buildManifest({ videoId: 'v1', files: FILES, createdAt: '2025-01-02T03:04:05Z' });
    assert.equal(m.version, 1);
    assert.equal(m.videoId, 'v1');
    assert.equal(m.createdAt, '2025-01-02T03:04:05.000Z');
    assert.deepEqual(
      m.files.map((f) => f.path),
      ['720p/seg_00000.m4s', '720p/seg_00001.m4s', 'master.m3u8', 'poster.jpg'],
    );
    assert.ok(!Number.isNaN(Date.parse(buildManifest({ videoId: 'v1', files: [] }).createdAt)));
  });

  it('refuses entries it could not serve', () => {
    const ok = FILES[0];
    for (const bad of [
      { ...ok, path: '../x' },
      { ...ok, path: '/abs' },
      { ...ok, path: 'a//b' },
      { ...ok, path: 'a\\b' },
      { ...ok, sha256: 'A'.repeat(64) },
      { ...ok, sha256: 'abc' },
      { ...ok, bytes: -1 },
      { ...ok, bytes: 1.5 },
      { ...ok, cid: 'QmNotV1' },
    ]) {
      assert.throws(() => buildManifest({ videoId: 'v', files: [bad] }), ManifestError, JSON.stringify(bad));
    }
    assert.throws(() => buildManifest({ videoId: 'v', files: [ok, ok] }), /duplicate path/);
  });

  it('canonical bytes: sorted keys, no whitespace, the same whatever the key order', () => {
    const m = buildManifest({ videoId: 'v1', files: FILES.slice(0, 1), createdAt: '2025-01-02T03:04:05Z' });
    const text = canonicalManifestBytes(m).toString('utf8');
    assert.equal(
      text,
      '{"createdAt":"2025-01-02T03:04:05.000Z","files":[{"bytes":1234,"cid":"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku","path":"poster.jpg","sha256":"' +
        sha('a') +
        '"}],"version":1,"videoId":"v1"}',
    );
    const shuffled = JSON.parse(
      JSON.stringify({
        videoId: m.videoId,
        files: m.files.map((f) => ({ sha256: f.sha256, bytes: f.bytes, path: f.path, cid: f.cid })),
        version: 1,
        createdAt: m.createdAt,
      }),
    );
    assert.deepEqual(canonicalManifestBytes(shuffled), canonicalManifestBytes(m));
    assert.equal(canonicalJson({ b: [1, { d: null, c: 'é"\n' }], a: true }), '{"a":true,"b":[1,{"c":"é\\"\\n","d":null}]}');
    // The signature is not part of what is signed.
    const { raw: _raw, signer } = testKey();
    assert.deepEqual(canonicalManifestBytes(signManifest(m, signer)), canonicalManifestBytes(m));
  });

  it('signs and verifies; a JSON round trip keeps it valid', () => {
    const { raw, signer } = testKey();
    const signed = signManifest(buildManifest({ videoId: 'v1', files: FILES }), signer);
    assert.equal(signed.signature.alg, 'Ed25519');
    assert.equal(signed.signature.keyId, 'test-key');
    assert.match(signed.signature.value, /^[A-Za-z0-9_-]{86}$/);
    assert.equal(verifyManifest(signed, raw), true);
    assert.equal(verifyManifest(JSON.parse(JSON.stringify(signed)) as SignedManifest, raw), true);
    // Re-signing a signed manifest signs its content, not the old signature.
    assert.equal(verifyManifest(signManifest(signed, signer), raw), true);
  });

  it('fails verification when anything was changed, or with another key', () => {
    const { raw, signer } = testKey();
    const signed = signManifest(buildManifest({ videoId: 'v1', files: FILES }), signer);
    const copy = (): SignedManifest => structuredClone(signed);
    const tampered: [string, (m: SignedManifest) => void][] = [
      ['cid', (m) => (m.files[1].cid = FILES[0].cid)],
      ['sha256', (m) => (m.files[1].sha256 = sha('e'))],
      ['size', (m) => (m.files[1].bytes += 1)],
      ['path', (m) => (m.files[1].path = '720p/seg_00009.m4s')],
      ['dropped file', (m) => m.files.pop()],
      ['videoId', (m) => (m.videoId = 'v2')],
      ['extra field', (m) => Object.assign(m, { extra: 1 })],
      [
        'signature',
        (m) => {
          const b = Buffer.from(m.signature.value, 'base64url');
          b[0] ^= 1;
          m.signature.value = b.toString('base64url');
        },
      ],
      ['signature truncated', (m) => (m.signature.value = m.signature.value.slice(0, 40))],
      ['alg', (m) => ((m.signature as { alg: string }).alg = 'RS256')],
      ['no signature', (m) => delete (m as Partial<SignedManifest>).signature],
    ];
    for (const [what, change] of tampered) {
      const m = copy();
      change(m);
      assert.equal(verifyManifest(m, raw), false, what);
    }
    assert.equal(verifyManifest(signed, testKey().raw), false, 'other key');
    assert.equal(verifyManifest(signed, raw.subarray(0, 31)), false, 'short key');
    assert.equal(verifyManifest(signed, raw), true, 'the original is untouched');
  });
});
