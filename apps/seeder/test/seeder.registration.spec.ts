/**
 * A seeder registers its key with the account of its --token: unit checks of the registration
 * outcomes (fake api), then the seeder against the real api (SQLite; PostgreSQL too when
 * DATABASE_URL is set), in process and as the real command line.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  encodeReceiptMessage,
  NodeEd25519Signer,
  NodeEd25519Verifier,
  RECEIPT_DOMAIN,
  type Receipt,
  SEEDER_REGISTRATION_DOMAIN,
  SEEDER_REGISTRATION_MAX_AGE_MS,
  SESSION_CERT_DOMAIN,
  fromBase64Url,
  signReceipt,
  signSessionCert,
  toBase64Url,
  verifySeederRegistration,
} from '@wetube/swarm';
import { ApiClient } from '../../api/test/api.client';
import { databaseMatrix, startApi, type TestApi } from '../../api/test/api.harness';
import { GraphqlError, type RegisterSeederInput } from '../src/api.client';
import type { RedeemApi } from '../src/redeem.client';
import { registerSeeder, type SeederAccountApi } from '../src/seeder.registration';
import { SeederService } from '../src/seeder.service';
import { type ReceiptsFile, SeederStore } from '../src/seeder.store';

const MINE = '{ mySeeders { id name publicKey createdAt lastSeenAt } }';
const ACCOUNT = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', displayName: 'Alice' };

describe('seeder registration outcomes', () => {
  const key = NodeEd25519Signer.generate();
  const fake = (over: Partial<SeederAccountApi>): SeederAccountApi => ({
    me: async () => ACCOUNT,
    registerSeeder: async (input) => ({
      seeder: { id: 's-1', name: input.name ?? '', publicKey: input.publicKey, createdAt: input.signedAt, lastSeenAt: input.signedAt },
      userErrors: [],
    }),
    ...over,
  });

  it("signs the registration for the token's account with the seeder key", async () => {
    let sent: RegisterSeederInput | undefined;
    const outcome = await registerSeeder(
      fake({ registerSeeder: async (input) => ((sent = input), fake({}).registerSeeder(input)) }),
      key,
      'attic box',
      () => 1_750_000_000_123,
    );
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.account, ACCOUNT);
    assert.equal(sent!.name, 'attic box');
    assert.equal(sent!.signedAt, '2025-06-15T15:06:40.123Z');
    assert.equal(sent!.publicKey, Buffer.from(key.publicKey).toString('base64url'));
    const reg = { domain: SEEDER_REGISTRATION_DOMAIN, userId: ACCOUNT.id, publicKey: key.publicKey, signedAt: 1_750_000_000_123 };
    assert.equal(await verifySeederRegistration(reg, fromBase64Url(sent!.signature), new NodeEd25519Verifier()), true);
  });

  it('names the reason of every failure; only an unreachable api is worth retrying', async () => {
    const refused = await registerSeeder(
      fake({
        registerSeeder: async () => ({
          seeder: null,
          userErrors: [
            {
              field: ['input', 'publicKey'],
              code: 'SEEDER_KEY_TAKEN',
              message: 'This seeder key is already registered with another account.',
            },
          ],
        }),
      }),
      key,
      'n',
    );
    assert.deepEqual(refused, {
      ok: false,
      retry: false,
      reason: 'This seeder key is already registered with another account. (SEEDER_KEY_TAKEN)',
    });
    const badToken = await registerSeeder(fake({ me: async () => null }), key, 'n');
    assert.ok(!badToken.ok && !badToken.retry && /does not accept this --token/.test(badToken.reason));
    const expired = await registerSeeder(
      fake({ registerSeeder: async () => Promise.reject(new GraphqlError('GraphQL: Sign in to do this.', ['UNAUTHENTICATED'])) }),
      key,
      'n',
    );
    assert.ok(!expired.ok && !expired.retry && /does not accept this --token/.test(expired.reason));
    const down = await registerSeeder(
      fake({ me: async () => Promise.reject(new Error('cannot reach http://x/graphql: fetch failed')) }),
      key,
      'n',
    );
    assert.deepEqual(down, { ok: false, retry: true, reason: 'cannot reach http://x/graphql: fetch failed' });
  });
});

for (const db of databaseMatrix()) {
  describe(`a seeder with --token registers its key with the account (${db})`, { timeout: 60_000 }, () => {
    let api: TestApi;
    let owner: ApiClient;
    let other: ApiClient;
    const dirs: string[] = [];
    const running: SeederService[] = [];

    before(async () => {
      api = await startApi(db);
      owner = new ApiClient(api.url);
      other = new ApiClient(api.url);
      await owner.signUp('Seeder Owner');
      await other.signUp('Someone Else', 'advertiser');
    });
    after(async () => {
      for (const s of running) await s.stop().catch(() => undefined);
      await api?.close();
      for (const d of dirs) await rm(d, { recursive: true, force: true });
    });

    const newDir = async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wetube-seeder-reg-'));
      dirs.push(dir);
      return dir;
    };
    /** A seeder on `dir` that seeds nothing (no video ids), started; with its log lines. */
    const startSeeder = async (dir: string, opts: { token?: string; name?: string; apiUrl?: string } = {}) => {
      const logs: string[] = [];
      const seeder = new SeederService({
        apiUrl: opts.apiUrl ?? api.url,
        selection: { kind: 'ids', ids: [] },
        maxDiskBytes: 1e6,
        dir,
        token: opts.token,
        name: opts.name,
        port: 0,
        webrtc: false,
        refreshMs: 0,
        originPublicKey: new Uint8Array(32),
        log: (m) => logs.push(m),
      });
      running.push(seeder);
      await seeder.start();
      return { seeder, logs };
    };

    it('registers at start: logged with the account name, listed in mySeeders; a restart refreshes the same node', async () => {
      const dir = await newDir();
      const first = await startSeeder(dir, { token: owner.token!, name: 'attic box' });
      assert.ok(first.logs.includes('registered as seeder attic box of Seeder Owner'), first.logs.join('\n'));
      assert.equal(first.seeder.registration?.seeder.publicKey, first.seeder.publicKeyBase64url);
      const [node] = (await owner.gql(MINE)).data.mySeeders;
      assert.equal(node.publicKey, first.seeder.publicKeyBase64url, 'the seeder key is the one registered');
      assert.equal(node.name, 'attic box');
      await first.seeder.stop();

      const again = await startSeeder(dir, { token: owner.token!, name: 'attic box, moved' });
      assert.equal(again.seeder.publicKeyBase64url, node.publicKey, 'same folder, same key');
      assert.ok(again.logs.includes('registered as seeder attic box, moved of Seeder Owner'), again.logs.join('\n'));
      const mine = (await owner.gql(MINE)).data.mySeeders;
      assert.equal(mine.length, 1, 'one node per key');
      assert.equal(mine[0].id, node.id);
      assert.equal(mine[0].name, 'attic box, moved');
      assert.ok(Date.parse(mine[0].lastSeenAt) >= Date.parse(node.lastSeenAt));
      await again.seeder.stop();

      // The same key under another account's token: refused with the reason, and the seeder still seeds.
      const stolen = await startSeeder(dir, { token: other.token! });
      const line = stolen.logs.find((l) => l.startsWith('error: seeder registration failed'));
      assert.match(
        line ?? '',
        /already registered with another account.*\(SEEDER_KEY_TAKEN\); seeding anyway, unregistered \(receipts are kept either way\)$/,
        stolen.logs.join('\n'),
      );
      assert.equal(stolen.seeder.registration, null);
      assert.ok(stolen.seeder.port > 0, 'still listening for peers');
      assert.deepEqual((await other.gql(MINE)).data.mySeeders, []);
      await stolen.seeder.stop();
    });

    it('a token the api does not accept, or an api that is down: an error line naming the reason, and seeding goes on', async () => {
      const forged = await startSeeder(await newDir(), { token: `${owner.token}x` });
      assert.ok(
        forged.logs.includes(
          'error: seeder registration failed: the api does not accept this --token (expired, or made by another api); sign in again for a new one; seeding anyway, unregistered (receipts are kept either way)',
        ),
        forged.logs.join('\n'),
      );
      assert.ok(forged.seeder.port > 0);
      await forged.seeder.stop();
      const down = await startSeeder(await newDir(), { token: owner.token!, apiUrl: 'http://127.0.0.1:9' });
      assert.match(
        down.logs.find((l) => l.startsWith('error: seeder registration failed')) ?? '',
        /cannot reach http:\/\/127\.0\.0\.1:9\/graphql/,
        down.logs.join('\n'),
      );
      assert.ok(down.seeder.port > 0);
      await down.seeder.stop();
    });

    it('without --token: says once that it seeds anonymously and how to register', async () => {
      const anon = await startSeeder(await newDir());
      const lines = anon.logs.filter((l) => /anonymously/.test(l));
      assert.equal(lines.length, 1, anon.logs.join('\n'));
      assert.match(
        lines[0],
        /^no --token: seeding anonymously \(receipts are still kept under this key, but not redeemed.*start it with --token <bearer> \[--name <text>\]/,
      );
      assert.equal(anon.seeder.registration, null);
      assert.equal(anon.seeder.status().earned, undefined);
      await anon.seeder.stop();
      assert.equal(anon.logs.filter((l) => /^redeem/.test(l)).length, 0, anon.logs.join('\n'));
    });

    it('with --token: redeems the kept receipts every round and at exit, and shows the earnings', async () => {
      // A receipt kept by an earlier run of this seeder (its key made first, so the receipt can name it).
      const dir = await newDir();
      const store = new SeederStore(dir);
      await store.init();
      const { signer } = await store.loadOrCreateKey();
      const peerId = toBase64Url(signer.publicKey);
      const origin = NodeEd25519Signer.generate();
      const session = NodeEd25519Signer.generate();
      const cert = await signSessionCert(
        {
          domain: SESSION_CERT_DOMAIN,
          sessionId: 'sess-1',
          videoId: 'v-1',
          sessionPublicKey: session.publicKey,
          viewerId: 'u-1',
          expiresAt: Date.now() + 3_600_000,
        },
        origin,
      );
      const receipt: Receipt = {
        domain: RECEIPT_DOMAIN,
        sessionId: 'sess-1',
        peerId,
        seq: 3,
        lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
        cumulativeSegments: 3,
        cumulativeBytes: 300_000,
      };
      const message = toBase64Url(encodeReceiptMessage({ cert, receipt, signature: await signReceipt(receipt, session) }));
      await store.writeReceipts({
        version: 1,
        peerId,
        receipts: [
          {
            sessionId: 'sess-1',
            videoId: 'v-1',
            seq: 3,
            cumulativeSegments: 3,
            cumulativeBytes: 300_000,
            expiresAt: cert.cert.expiresAt,
            acceptedAt: Date.now(),
            message,
          },
        ],
      });

      const calls: string[][] = [];
      const redeemApi: RedeemApi = {
        async redeemReceipts(receipts) {
          calls.push(receipts);
          return {
            results: receipts.map((_, index) => ({
              index,
              sessionId: 'sess-1',
              peerId,
              status: 'PAID' as const,
              code: null,
              message: null,
              retryable: false,
              segments: 3,
              amount: '1500',
            })),
            totalPaid: '1500',
            userErrors: [],
          };
        },
      };
      const logs: string[] = [];
      const seeder = new SeederService({
        apiUrl: api.url,
        selection: { kind: 'ids', ids: [] },
        maxDiskBytes: 1e6,
        dir,
        token: owner.token!,
        name: 'earner',
        webrtc: false,
        refreshMs: 0,
        originPublicKey: origin.publicKey,
        redeemEveryMs: 50,
        redeemApi,
        log: (m) => logs.push(m),
      });
      running.push(seeder);
      await seeder.start();
      assert.ok(logs.includes('redeeming kept receipts every 50 ms, and at exit'), logs.join('\n'));
      // The call is recorded when it is made; the earnings once its answer is in (a loaded machine shows the gap).
      for (let i = 0; i < 250 && (calls.length === 0 || seeder.status().earned === '0'); i++) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(calls, [[message]], 'the exact message kept in receipts.json');
      assert.equal(seeder.status().earned, '1500');
      assert.equal(seeder.status().earnedSegments, 3);
      assert.ok(logs.includes('redeem: sent 1 receipts; paid 3 segments, 0.001500 CLC (1 receipts)'), logs.join('\n'));
      await seeder.stop();
      assert.equal(calls.length, 1, 'nothing new at exit: not sent again');
      assert.ok(logs.includes('redeem at exit: nothing new to redeem'), logs.join('\n'));
      const file = JSON.parse(await readFile(store.receiptsPath, 'utf8')) as ReceiptsFile;
      assert.equal(file.receipts[0].redeemedSeq, 3);
    });

    it('the command line: `seeder --token <t> --name <n>` registers and logs it', async () => {
      const dir = await newDir();
      const main = join(__dirname, '..', 'src', 'main.js');
      const child = spawn(
        process.execPath,
        [main, '--api', api.url, '--token', other.token!, '--name', 'cli box', '--dir', dir, '--no-webrtc', '--status', '3600'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      const registered = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no registration line in 20 s:\n${output}`)), 20_000);
        const onData = (d: Buffer) => {
          output += d.toString();
          if (output.includes('registered as seeder cli box of Someone Else')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`seeder exited (${code}):\n${output}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        await registered;
        const mine = (await other.gql(MINE)).data.mySeeders;
        assert.deepEqual(
          mine.map((s: { name: string }) => s.name),
          ['cli box'],
        );
        assert.ok(output.includes(`seeder identity (ed25519 public key, base64url): ${mine[0].publicKey}`), output);
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    });

    it('a registration signed too long ago is refused (the api checks signedAt against its clock)', async () => {
      const logs: string[] = [];
      const seeder = new SeederService({
        apiUrl: api.url,
        selection: { kind: 'ids', ids: [] },
        maxDiskBytes: 1e6,
        dir: await newDir(),
        token: owner.token!,
        name: 'slow clock',
        webrtc: false,
        refreshMs: 0,
        originPublicKey: new Uint8Array(32),
        log: (m) => logs.push(m),
        now: () => Date.now() - SEEDER_REGISTRATION_MAX_AGE_MS - 60_000,
      });
      running.push(seeder);
      await seeder.start();
      assert.match(
        logs.find((l) => l.startsWith('error: seeder registration failed')) ?? '',
        /signed 11 minutes ago.*\(SIGNED_AT_TOO_OLD\)/,
        logs.join('\n'),
      );
      await seeder.stop();
    });
  });
}
