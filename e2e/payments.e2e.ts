import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, type Platform } from './platform.harness';
import { runsInsideNetns, startNetnsPlatform } from './support/netns-platform';
import { counters, newViewer, play, type Viewer } from './support/p2p-viewer';
import { startSeeder, type SeederProcess } from './support/seeder-process';

const TOTAL_MS = 300_000;
const PRICE = 1000n; // PEER_PRICE_PER_SEGMENT (the default)
const ADMIN_EMAIL = 'admin@payments-e2e.test';

declare const window: any;

if (runsInsideNetns('Cloudcoin pays a seeder for what an ad-free viewer signed for', __filename, TOTAL_MS)) {
  describe(
    'an ad-free viewer and a seeder node: the seeder is paid exactly for the segments the viewer signed for',
    { timeout: TOTAL_MS },
    () => {
      let platform: Platform;
      let browser: Browser;
      let seeder: SeederProcess | null = null;
      let api = '';
      let webUrl = '';
      let videoId = '';
      let viewer: Viewer;
      let seederToken = '';
      let adminToken = '';

      const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> => {
        const res = await fetch(`${api}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return res.json();
      };
      const register = async (email: string, displayName: string): Promise<string> => {
        const res = await fetch(`${api}/api/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'a long enough passphrase', displayName }),
        });
        assert.equal(res.status, 201);
        return ((await res.json()) as { token: string }).token;
      };
      const shot = (name: string) => viewer.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

      before(async () => {
        ({ platform, browser, api, webUrl } = await startNetnsPlatform({ ADMIN_EMAILS: ADMIN_EMAIL }));
        const r = await gql('{ videos(first: 1) { edges { node { id } } } }');
        videoId = r.data.videos.edges[0].node.id;
        viewer = await newViewer(browser, 'adfree-viewer');
      });

      after(async () => {
        await seeder?.stop();
        await browser?.close();
        await platform?.stop();
      });

      it('a seeder node registered to an account seeds the video', async () => {
        adminToken = await register(ADMIN_EMAIL, 'Admin');
        seederToken = await register('seeder-earner@example.com', 'Seeder Earner');
        seeder = await startSeeder(api, { token: seederToken, name: 'earning-seeder' });
        await seeder.waitFor((x) => x.swarms > 0 && x.complete === x.swarms, 60_000);
        for (let i = 0; i < 40 && !/registered as seeder/.test(seeder.output()); i++) await new Promise((r) => setTimeout(r, 250));
        assert.match(seeder.output(), /registered as seeder earning-seeder/);
      });

      it('a viewer registers, gets coins from an admin and buys an ad-free plan on the wallet page', async () => {
        const email = `adfree.${Date.now()}@example.com`;
        await viewer.page.goto(`${webUrl}/register`);
        await viewer.page.fill('input[name=displayName]', 'Ad-free Viewer');
        await viewer.page.fill('input[name=email]', email);
        await viewer.page.fill('input[name=password]', 'a long enough password');
        await viewer.page.click('button[type=submit]');
        await viewer.page.getByText('Ad-free Viewer').first().waitFor({ timeout: 15_000 });
        const mint = await gql(
          `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`,
          { input: { toEmail: email, amount: '50000000', idempotencyKey: 'e2e-mint-1' } },
          adminToken,
        );
        assert.deepEqual(mint.data.mint.userErrors, []);

        await viewer.page.goto(`${webUrl}/wallet`);
        const balance = viewer.page.getByTestId('wallet-balance');
        await balance.waitFor({ timeout: 15_000 });
        await viewer.page.waitForFunction(
          () => (globalThis as any).document.querySelector('[data-testid=wallet-balance]')?.getAttribute('data-minor') === '50000000',
          undefined,
          { timeout: 10_000 },
        );
        await shot('wallet-before-plan');
        await viewer.page.getByTestId('buy-plan-week').click();
        await viewer.page.locator('[data-testid=adfree-status][data-active=true]').waitFor({ timeout: 10_000 });
        await viewer.page.waitForFunction(
          () => (globalThis as any).document.querySelector('[data-testid=wallet-balance]')?.getAttribute('data-minor') === '45000000',
          undefined,
          { timeout: 10_000 },
        );
        // The history reloads after the purchase.
        await viewer.page.getByTestId('tx-row').filter({ hasText: /plan/i }).first().waitFor({ timeout: 10_000 });
        const rows = await viewer.page.getByTestId('tx-row').allInnerTexts();
        assert.ok(
          rows.some((t) => /plan/i.test(t) && /-5 CLC/.test(t.replace(/\u2212/g, '-'))),
          `the history shows the plan purchase: ${JSON.stringify(rows)}`,
        );
        await shot('wallet');
      });

      it('the viewer watches partly from the seeder; at exit the seeder redeems and its account is paid exactly for the signed segments', async () => {
        await play(viewer, `${webUrl}/watch/${videoId}`, 'end');
        const c = await counters(viewer);
        assert.ok(c.bytesFromPeers > 0, `the viewer got verified bytes from the seeder: ${JSON.stringify(c)}`);
        assert.ok(c.bytesFromOrigin > 0, 'and some from the origin (partly from the seeder)');
        const session = await viewer.page.evaluate(() => window.__wetubeP2P.adFree);
        assert.equal(session, true, 'the session of a plan holder is ad-free');
        const mine = await gql('{ mySeeders { publicKey } }', {}, seederToken);
        const seederPeerId = mine.data.mySeeders[0].publicKey as string;
        const signed = await viewer.page.evaluate((peer) => window.__wetubeP2P.signedSegments?.[peer] ?? 0, seederPeerId);
        assert.ok(signed > 0, 'the viewer signed receipts for the seeder');
        await shot('watch-adfree');

        // The seeder redeems every 30 s and once at exit.
        await seeder!.stop();
        seeder = null;
        const wallet = (await gql('{ wallet { balance pending } seedingEarnings(days: 1) { amount segments } }', {}, seederToken)).data;
        assert.equal(
          BigInt(wallet.wallet.pending),
          BigInt(signed) * PRICE,
          `paid for exactly the ${signed} segments the viewer signed for`,
        );
        assert.equal(BigInt(wallet.wallet.balance), 0n, 'pending until the review window ends');
        assert.equal(BigInt(wallet.seedingEarnings[0].amount), BigInt(signed) * PRICE, 'and it shows in the seeding earnings of today');
        assert.equal(wallet.seedingEarnings[0].segments, signed, 'for that many segments');

        // The viewer's wallet: the plan purchase and the session's budget held from it.
        await viewer.page.goto(`${webUrl}/wallet`);
        await viewer.page.getByTestId('tx-row').first().waitFor({ timeout: 10_000 });
        const rows = await viewer.page.getByTestId('tx-row').allInnerTexts();
        assert.ok(
          rows.some((t) => /plan/i.test(t)),
          `the plan purchase is in the history: ${JSON.stringify(rows)}`,
        );
        await shot('wallet-after-watching');

        // The seeder's owner signs in on the web and sees the earnings, pending, with today's bar.
        const owner = await newViewer(browser, 'seeder-owner');
        await owner.page.goto(`${webUrl}/signin`);
        await owner.page.fill('input[name=email]', 'seeder-earner@example.com');
        await owner.page.fill('input[name=password]', 'a long enough passphrase');
        await owner.page.click('button[type=submit]');
        await owner.page.getByText('Seeder Earner').first().waitFor({ timeout: 15_000 });
        await owner.page.goto(`${webUrl}/wallet`);
        await owner.page.waitForFunction(
          (minor) => (globalThis as any).document.querySelector('[data-testid=wallet-pending]')?.getAttribute('data-minor') === minor,
          (BigInt(signed) * PRICE).toString(),
          { timeout: 10_000 },
        );
        await owner.page.getByTestId('earnings-chart').waitFor();
        await owner.page
          .getByTestId('tx-row')
          .filter({ hasText: /seeding reward/i })
          .first()
          .waitFor({ timeout: 10_000 });
        await owner.page.screenshot({ path: join(ARTIFACTS, 'wallet-seeder-earnings.png'), fullPage: true });
        assert.deepEqual(owner.errors, []);
        await owner.context.close();
      });
    },
  );
}
