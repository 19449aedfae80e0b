import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Ed25519VerifyPool, type VerifyItem } from './ed25519-verify-pool';
import { NodeEd25519Signer } from './node-ed25519';

describe('Ed25519VerifyPool: signatures checked on worker threads', () => {
  const pool = new Ed25519VerifyPool(2);
  after(() => pool.close());

  const items = (n: number): { items: VerifyItem[]; expected: boolean[] } => {
    const keys = [NodeEd25519Signer.generate(), NodeEd25519Signer.generate(), NodeEd25519Signer.generate()];
    const out: VerifyItem[] = [];
    const expected: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const key = keys[i % keys.length];
      const message = new TextEncoder().encode(`message ${i}`);
      const signature = key.signSync(message);
      const kind = i % 5;
      if (kind === 1) signature[3] ^= 1; // forged
      const publicKey = kind === 2 ? keys[(i + 1) % keys.length].publicKey : key.publicKey; // someone else's key
      out.push({ message, signature: kind === 3 ? signature.subarray(0, 63) : signature, publicKey });
      expected.push(kind === 0 || kind === 4);
    }
    return { items: out, expected };
  };

  it('answers in input order, valid or not, for a batch split across workers', async () => {
    const { items: batch, expected } = items(403);
    assert.deepEqual(await pool.verifyMany(batch), expected);
  });

  it('checks a small batch inline, with the same answers', async () => {
    const { items: batch, expected } = items(7);
    assert.deepEqual(await pool.verifyMany(batch), expected);
    assert.deepEqual(await pool.verifyMany([]), []);
  });

  it('answers concurrent calls each with their own results', async () => {
    const a = items(100);
    const b = items(60);
    const [ra, rb] = await Promise.all([pool.verifyMany(a.items), pool.verifyMany(b.items)]);
    assert.deepEqual(ra, a.expected);
    assert.deepEqual(rb, b.expected);
  });
});
