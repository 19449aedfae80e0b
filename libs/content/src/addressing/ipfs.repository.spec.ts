import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { open, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@wetube/platform';
import kuboCids from '../../test-fixtures/kubo-cids.json';
import { IpfsCidMismatchError, InvalidCidError, IpfsRepository } from './ipfs.repository';

type Case = { size: number; cid: string } | { text: string; cid: string };
const CASES = kuboCids.cases as Case[];
const HELLO = CASES.find((c): c is { text: string; cid: string } => 'text' in c)!;

/** Byte i of the generated contents is (i * 31 + 7) mod 251 (the fixture's rule). */
function pattern(size: number, from = 0): Buffer {
  const b = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) b[i] = ((from + i) * 31 + 7) % 251;
  return b;
}

/** Writes the generated contents of `size` bytes without holding them whole (period 251). */
async function writePattern(path: string, size: number): Promise<void> {
  const block = pattern(251 * 4177); // ~1 MiB, a whole number of periods
  const fh = await open(path, 'w');
  try {
    for (let done = 0; done < size; done += block.length) {
      await fh.write(block, 0, Math.min(block.length, size - done));
    }
  } finally {
    await fh.close();
  }
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

function configFor(dataDir: string): AppConfig {
  return AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
}

describe('IpfsRepository (embedded Helia)', () => {
  let dir: string;
  let config: AppConfig;
  let repo: IpfsRepository;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-ipfs-'));
    config = configFor(join(dir, 'data'));
    repo = new IpfsRepository(config, {});
  });
  after(async () => {
    await repo.onModuleDestroy();
    await rm(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    const name = 'size' in c ? `${c.size} bytes` : JSON.stringify(c.text);
    it(`addFile gives Kubo's CID for ${name}`, async (t) => {
      const path = join(dir, `case-${'size' in c ? c.size : 'text'}`);
      if ('size' in c) await writePattern(path, c.size);
      else await writeFile(path, c.text);
      const started = performance.now();
      const cid = await repo.addFile(path);
      const ms = performance.now() - started;
      t.diagnostic(`addFile ${name}: ${ms.toFixed(0)} ms`);
      assert.equal(cid, c.cid);
      if ('size' in c && c.size >= 50_000_000) {
        // Also through the on-chunk tap (one read for sha256 + CID); blocks are already there now.
        let seen = 0;
        assert.equal(await repo.addFile(path, { onChunk: (chunk) => (seen += chunk.byteLength) }), c.cid);
        assert.equal(seen, c.size);
        assert.ok(ms < 15_000, `50 MB took ${ms.toFixed(0)} ms`);
      }
      await rm(path);
    });
  }

  it('addBytes gives the same CIDs as addFile', async () => {
    assert.equal(await repo.addBytes(Buffer.from(HELLO.text)), HELLO.cid);
    const big = CASES.find((c) => 'size' in c && c.size === 1048577)!;
    assert.equal(await repo.addBytes(pattern(1048577)), big.cid);
  });

  it('keeps blocks on disk: a new instance on the same folder has and cats them', async () => {
    const multi = CASES.find((c) => 'size' in c && c.size === 1048577)!; // 5 leaves + root
    const bytes = pattern(1048577);
    const first = new IpfsRepository(config, {});
    const cid = await first.addBytes(bytes);
    assert.equal(cid, multi.cid);
    await first.onModuleDestroy();

    const second = new IpfsRepository(config, {});
    try {
      assert.equal(await second.has(cid), true);
      assert.deepEqual(await collect(second.cat(cid)), bytes);
      assert.deepEqual(await collect(second.cat(cid, { offset: 262140, length: 10 })), bytes.subarray(262140, 262150));
    } finally {
      await second.onModuleDestroy();
    }
  });

  it('has() is false for a CID not added here or a non-CID; cat() of a missing CID fails at once (offline)', async () => {
    const empty = new IpfsRepository(configFor(join(dir, 'empty')), {});
    try {
      assert.equal(await empty.has(HELLO.cid), false);
      assert.equal(await empty.has('not a cid'), false);
      await assert.rejects(collect(empty.cat('not a cid')), InvalidCidError);
      const started = performance.now();
      await assert.rejects(collect(empty.cat(HELLO.cid)));
      assert.ok(performance.now() - started < 5000, 'cat of a missing block must not wait on the network');
    } finally {
      await empty.onModuleDestroy();
    }
  });

  it('addFile of a missing file fails', async () => {
    await assert.rejects(repo.addFile(join(dir, 'nope')), /ENOENT/);
  });
});

describe('IpfsRepository with Kubo (fake Kubo RPC API: parameters and the CID check)', () => {
  let dir: string;
  let server: Server;
  let answerCid = '';
  const requests: { path: string; params: URLSearchParams; bodyBytes: number }[] = [];
  let url = '';
  const hello = HELLO;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-ipfs-kubo-'));
    server = createServer(async (req: IncomingMessage, res) => {
      let bodyBytes = 0;
      for await (const chunk of req) bodyBytes += (chunk as Buffer).length;
      const u = new URL(req.url ?? '/', 'http://x');
      requests.push({ path: u.pathname, params: u.searchParams, bodyBytes });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Name: 'f', Hash: answerCid, Size: '12' }) + '\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections(); // the client keeps connections alive
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  it("adds and pins with Kubo's parameters and accepts the same CID", async () => {
    const repo = new IpfsRepository(configFor(join(dir, 'a')), { kuboApiUrl: url });
    try {
      const path = join(dir, 'hello.txt');
      await writeFile(path, hello.text);
      answerCid = hello.cid;
      requests.length = 0;
      assert.equal(await repo.addFile(path), hello.cid);
      assert.equal(await repo.addBytes(Buffer.from(hello.text)), hello.cid);
      assert.equal(requests.length, 2);
      for (const r of requests) {
        assert.equal(r.path, '/api/v0/add');
        assert.equal(r.params.get('cid-version'), '1');
        assert.equal(r.params.get('raw-leaves'), 'true');
        assert.equal(r.params.get('chunker'), 'size-262144');
        assert.equal(r.params.get('pin'), 'true');
        assert.equal(r.params.get('trickle'), 'false');
        assert.ok(r.bodyBytes > hello.text.length, 'the content was sent');
      }
    } finally {
      await repo.onModuleDestroy();
    }
  });

  it('fails loudly when Kubo gives a different CID', async () => {
    const repo = new IpfsRepository(configFor(join(dir, 'b')), { kuboApiUrl: url });
    try {
      answerCid = 'bafkreigkgwdvr5wspzwpiutssn4xpj2i7wedshnwphhnu7ohx4pqaxxipe';
      await assert.rejects(repo.addBytes(Buffer.from(hello.text)), (err: unknown) => {
        assert.ok(err instanceof IpfsCidMismatchError);
        assert.equal(err.embeddedCid, hello.cid);
        assert.equal(err.kuboCid, answerCid);
        assert.match(err.message, /CID mismatch/);
        return true;
      });
    } finally {
      await repo.onModuleDestroy();
    }
  });

  it('fails when the Kubo daemon cannot be reached', async () => {
    const repo = new IpfsRepository(configFor(join(dir, 'c')), { kuboApiUrl: 'http://127.0.0.1:1' });
    try {
      await assert.rejects(repo.addBytes(Buffer.from(hello.text)), /KUBO_API_URL/);
    } finally {
      await repo.onModuleDestroy();
    }
  });
});

describe('IpfsRepository with a real Kubo daemon', () => {
  it('gives the same CIDs as Kubo and pins them there', async (t) => {
    const kuboApiUrl = process.env.KUBO_API_URL;
    if (!kuboApiUrl) {
      t.skip('needs KUBO_API_URL');
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'wetube-ipfs-real-kubo-'));
    const repo = new IpfsRepository(configFor(join(dir, 'data')), { kuboApiUrl });
    try {
      for (const c of CASES) {
        if ('size' in c && c.size > 2_000_000) continue; // the big one is covered by the embedded test
        const path = join(dir, 'f');
        if ('size' in c) await writePattern(path, c.size);
        else await writeFile(path, c.text);
        assert.equal(await repo.addFile(path), c.cid); // throws IpfsCidMismatchError if Kubo disagrees
      }
      const { create } = await import('kubo-rpc-client');
      const kubo = create({ url: kuboApiUrl });
      const pinned: string[] = [];
      for await (const p of kubo.pin.ls({ paths: [HELLO.cid], type: 'recursive' })) pinned.push(p.cid.toString());
      assert.deepEqual(pinned, [HELLO.cid]);
    } finally {
      await repo.onModuleDestroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
