import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { iceServersFor } from '@wetube/swarm';
import { type Coturn, coturnUnavailable, freeServicePort, startCoturn } from '@wetube/testing';
import { IceServersKeeper } from '../src/ice.keeper';
import { polyfillIceServers, type RtcIceServer } from '../src/webtorrent.repository';

const SECRET = 'seeder ice test secret';

/** ICE candidates node-datachannel (webrtc-polyfill, as the seeder uses it) gathers with these servers, relay only. */
async function relayCandidates(iceServers: RtcIceServer[]): Promise<string[]> {
  /** What this probe uses of the polyfill's RTCPeerConnection. */
  interface ProbeConnection {
    onicecandidate: (e: { candidate?: { candidate: string } | null }) => void;
    createDataChannel(label: string): unknown;
    createOffer(): Promise<unknown>;
    setLocalDescription(offer: unknown): Promise<void>;
    close(): void;
  }
  const { RTCPeerConnection } = (await import('webrtc-polyfill')) as unknown as { RTCPeerConnection: new (c: object) => ProbeConnection };
  const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  const found: string[] = [];
  pc.onicecandidate = (e: { candidate?: { candidate: string } | null }) => e.candidate && found.push(e.candidate.candidate);
  pc.createDataChannel('probe');
  await pc.setLocalDescription(await pc.createOffer());
  for (let i = 0; i < 40 && !found.some((c) => / typ relay /.test(c)); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  pc.close();
  return found.filter((c) => / typ relay /.test(c));
}

describe("the seeder's ICE servers", () => {
  it('renews them before the TURN credential expires, and keeps seeding (host candidates) while the api cannot be reached', async () => {
    const applied: unknown[] = [];
    const logs: string[] = [];
    let calls = 0;
    const keeper = new IceServersKeeper(
      {
        iceServers: async () => {
          calls++;
          if (calls === 1) throw new Error('cannot reach http://api.test/graphql');
          return {
            iceServers: [{ urls: ['stun:turn.test:3478'], username: null, credential: null }],
            expiresAt: new Date(Date.now() + 3600_000),
          };
        },
      },
      (s) => applied.push(s),
      (m) => logs.push(m),
    );
    assert.deepEqual(await keeper.start(), [], 'no servers yet: host candidates only');
    assert.match(logs[0], /cannot get the platform's STUN\/TURN servers \(cannot reach/);
    keeper.stop();
    const ok = new IceServersKeeper(
      {
        iceServers: async () => ({
          iceServers: [{ urls: ['stun:turn.test:3478'], username: null, credential: null }],
          expiresAt: new Date(Date.now() + 3600_000),
        }),
      },
      (s) => applied.push(s),
      (m) => logs.push(m),
    );
    assert.deepEqual(await ok.start(), [{ urls: ['stun:turn.test:3478'], username: null, credential: null }]);
    ok.stop();
    assert.equal(applied.length, 1);
  });

  describe('against the real coturn (TURN allocations by node-datachannel, as the seeder makes them)', () => {
    let turn: Coturn;
    let port: number;
    before(async () => {
      const why = coturnUnavailable();
      if (why) assert.fail(why);
      port = await freeServicePort();
      turn = await startCoturn({ ip: '127.0.0.1', port, secret: SECRET, extraArgs: ['--allow-loopback-peers'] });
    });
    after(async () => turn?.stop());

    const settings = () => ({ stunUrls: [], turnUrls: [`turn:127.0.0.1:${port}?transport=udp`], turnSecret: SECRET, turnTtlSec: 600 });

    it('a fresh credential gets a relay; the same credential as webrtc-polyfill would write it raw (username split at its colon) is refused', async () => {
      const servers = iceServersFor(settings(), 'node-1', null);
      assert.equal((await relayCandidates(polyfillIceServers(servers))).length >= 1, true, 'relay candidate with the encoded credential');
      assert.deepEqual(await relayCandidates(servers), [], 'raw: libdatachannel splits `expiry:user` and coturn refuses it');
    });

    it("an expired, an altered or another secret's credential gets no relay (coturn refuses it)", async () => {
      const expired = iceServersFor(settings(), 'node-1', new Date(Date.now() - 60_000));
      assert.deepEqual(await relayCandidates(polyfillIceServers(expired)), []);
      const [good] = iceServersFor(settings(), 'node-1', null);
      const altered = [{ ...good, username: good.username!.replace('node-1', 'node-2') }];
      assert.deepEqual(await relayCandidates(polyfillIceServers(altered)), []);
      const other = iceServersFor({ ...settings(), turnSecret: 'another secret entirely' }, 'node-1', null);
      assert.deepEqual(await relayCandidates(polyfillIceServers(other)), []);
      assert.match(await turn.log(), /401|check_stun_auth|Cannot find credentials|incorrect/i, "coturn's log shows the refusals");
    });
  });
});
