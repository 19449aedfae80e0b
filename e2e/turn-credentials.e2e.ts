import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { turnCredential } from '@wetube/swarm';
import { startCoturn, type Coturn } from '@wetube/testing';
import { polyfillIceServers } from '../apps/seeder/src/webtorrent.repository';
import { launchChromiumInHome } from './support/home-browser';
import { gatherInNode, gatherInPage, kinds, type Gathered, type GatherConfig } from './support/ice-gather';
import { natLabFromEnv, runsInsideNatLab } from './support/nat-lab-run';
import type { NatLabSpec } from './support/nat-lab';

const TOTAL_MS = 120_000;

/**
 * The platform's TURN credentials (libs/swarm ice: coturn use-auth-secret) against the real coturn,
 * in the NAT lab: a Chromium in a home behind a cone NAT and node-datachannel (the seeder's stack) in a
 * home behind a symmetric NAT ask coturn in the public namespace for a relay.
 */
if (runsInsideNatLab('TURN credentials against the real coturn', __filename, ['cone', 'symmetric'], TOTAL_MS)) {
  describe(
    'coturn (use-auth-secret) grants a relay for a fresh credential and refuses expired, altered and other-session ones',
    { timeout: TOTAL_MS },
    () => {
      const lab = natLabFromEnv() as NatLabSpec;
      const [cone, symmetric] = lab.homes;
      let turn: Coturn;
      const stunUrl = `stun:${lab.pubIp}:3478`;
      const turnUrl = `turn:${lab.pubIp}:3478?transport=udp`;
      let browser: Browser;
      let page: Page;
      const now = () => Math.floor(Date.now() / 1000);
      const relayOnly = (server: GatherConfig['iceServers'][number]) => ({ iceServers: [server], iceTransportPolicy: 'relay' as const });
      const turnServer = (cred: { username: string; credential: string }) => ({ urls: [turnUrl], ...cred });
      const relays = (g: Gathered) => kinds(g).filter((k) => k.startsWith('relay '));

      before(async () => {
        // This process runs in the lab's public namespace: coturn serves the lab and nothing else.
        turn = await startCoturn({ ip: lab.pubIp, port: 3478, secret: randomBytes(24).toString('base64url') });
        browser = await launchChromiumInHome(cone.ns);
        page = await browser.newPage();
      });

      after(async () => {
        await browser?.close();
        await turn?.stop();
      });

      it("STUN through the home router: Chromium sees its router's public address (srflx) and hides its host address behind an mDNS name", async () => {
        const g = await gatherInPage(page, { iceServers: [{ urls: stunUrl }] });
        const k = kinds(g);
        assert.ok(k.includes(`srflx ${cone.publicIp}`), `a server-reflexive candidate at the router's ${cone.publicIp}: ${k.join(', ')}`);
        const hosts = k.filter((x) => x.startsWith('host '));
        assert.ok(
          hosts.length > 0 && hosts.every((x) => x.endsWith('.local')),
          `host candidates are mDNS names, not ${cone.privateIp}: ${hosts.join(', ')}`,
        );
      });

      it("a fresh credential from turnCredential() gets a relay candidate on coturn's address", async () => {
        const g = await gatherInPage(page, relayOnly(turnServer(turnCredential(turn.secret, 'session-a', now() + 600))));
        assert.deepEqual(g.errors, [], 'no candidate error');
        assert.equal(relays(g).length, 1, `one relay candidate: ${g.candidates.join(' | ')}`);
        assert.equal(relays(g)[0], `relay ${lab.pubIp}`);
      });

      const refused: [string, () => { username: string; credential: string }][] = [
        ['expired (a valid HMAC of a past expiry)', () => turnCredential(turn.secret, 'session-a', now() - 5)],
        [
          'altered (one character of the credential changed)',
          () => {
            const c = turnCredential(turn.secret, 'session-a', now() + 600);
            return { ...c, credential: (c.credential[0] === 'A' ? 'B' : 'A') + c.credential.slice(1) };
          },
        ],
        [
          "another session's (session-b's credential under session-a's username)",
          () => {
            const exp = now() + 600;
            return {
              username: turnCredential(turn.secret, 'session-a', exp).username,
              credential: turnCredential(turn.secret, 'session-b', exp).credential,
            };
          },
        ],
        [
          'stretched (a later expiry in the username, the old credential)',
          () => {
            const c = turnCredential(turn.secret, 'session-a', now() + 600);
            return { username: `${now() + 86_400}:session-a`, credential: c.credential };
          },
        ],
        ['made with another secret', () => turnCredential(`${turn.secret}x`, 'session-a', now() + 600)],
      ];
      for (const [what, make] of refused) {
        it(`coturn refuses a credential that is ${what}: 401 and no relay`, async () => {
          const g = await gatherInPage(page, relayOnly(turnServer(make())));
          assert.deepEqual(relays(g), [], `no relay candidate: ${g.candidates.join(' | ')}`);
          assert.ok(
            g.errors.some((e) => e.code === 401),
            `an icecandidateerror 401 from coturn: ${JSON.stringify(g.errors)}`,
          );
        });
      }

      it('coturn logged the refusals', async () => {
        const log = await turn.log();
        assert.ok(
          (log.match(/check_stun_auth/g) ?? []).length >= refused.length,
          `coturn's log names each refused credential:\n${log.slice(-2000)}`,
        );
      });

      it("node-datachannel (the seeder's stack, behind a symmetric NAT) gets a relay with the same credentials percent-encoded as the seeder does (polyfillIceServers)", async () => {
        const cred = turnCredential(turn.secret, 'seeder-node', now() + 600);
        const encoded = await gatherInNode(symmetric.ns, relayOnly(polyfillIceServers([turnServer(cred)])[0]));
        assert.deepEqual(relays(encoded), [`relay ${lab.pubIp}`], `a relay candidate: ${encoded.candidates.join(' | ')}`);
        const stun = await gatherInNode(symmetric.ns, { iceServers: [{ urls: [stunUrl] }] });
        assert.ok(
          kinds(stun).includes(`srflx ${symmetric.publicIp}`),
          `and a srflx candidate through STUN: ${stun.candidates.join(' | ')}`,
        );
        // webrtc-polyfill 1.2.2 puts them unencoded into `turn:user:pass@host`; libdatachannel cuts the
        // username at its ':' and coturn refuses it. If this starts passing, the polyfill encodes them itself
        // and the seeder's polyfillIceServers must go (it would encode twice).
        const raw = await gatherInNode(symmetric.ns, relayOnly(turnServer(cred)));
        assert.deepEqual(relays(raw), [], 'credentials as browsers take them get no relay from node-datachannel');
        const expired = await gatherInNode(
          symmetric.ns,
          relayOnly(polyfillIceServers([turnServer(turnCredential(turn.secret, 'seeder-node', now() - 5))])[0]),
        );
        assert.deepEqual(relays(expired), [], 'an expired credential gets none either');
      });
    },
  );
}
