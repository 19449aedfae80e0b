/**
 * A headless viewer for the P2P benches: a Node object that does what a watch page does for one
 * video, without rendering it. It starts a playback session with its own Ed25519 key (origin-certified,
 * as the page's), loads the swarms and the origin-signed manifest (signature checked), plays the top
 * video rendition and the audio on a simulated playback clock (headless-peer-playback.ts: stalls
 * counted as the page's bench init script counts them), and fetches each segment as the page's
 * fragment loader does: a prefetched one from memory, else the shared fetch policy
 * (web/lib/p2p/fetch-policy.ts) decides on request and every 100 ms while it waits whether it waits
 * for peers (headless-peer-swarm.ts: webtorrent 3.0.21 in Node) or goes to the origin over HTTP, and
 * each segment got over HTTP is seeded. P2P off: every segment over HTTP, as the page with sharing off.
 */
import { NodeEd25519Signer, NodeEd25519Verifier, ReceiptIssuer, fromBase64Url, toBase64Url } from '@wetube/swarm';
import { manifestSigningInput, type SignedManifest } from '../../libs/content/src/addressing/manifest-format';
import { decide, type Decision, type TransferState } from '../../web/lib/p2p/fetch-policy';
import { TransferRates } from '../../web/lib/p2p/transfer-rates';
import { HeadlessSwarm, type SwarmCounters } from './headless-peer-swarm';
import { PlaybackSim, type SegmentRef } from './headless-peer-playback';

const POLL_MS = 100;
/** hls.js's default forward buffer goal. */
const MAX_BUFFER_S = 30;
/** As the page's controller: the next 3 of a rendition are prefetched from peers; at most 8 kept. */
const PREFETCH_AHEAD = 3;
const MAX_READY = 8;
/** As the page: waiting while P2P starts, at most this long after the viewer opened. */
const START_GRACE_MS = 8000;
/** As SwarmClient.peersMayCome: with no wire this long after the client runs, peers are taken as unreachable. */
const CONNECT_GRACE_MS = 8000;

export interface HeadlessPeerOptions {
  name: string;
  apiUrl: string;
  videoId: string;
  p2p: boolean;
  /** Called once playback reached the end (or failed); the peer then stays in the swarm until stop(). */
  onEnded?: () => void;
}

interface PlaybackSessionInfo {
  sessionId: string;
  certificate: string;
  trackerUrls: string[];
  iceServers: { urls: string[]; username: string | null; credential: string | null }[];
}

export interface SegmentLogEntry {
  key: string;
  from: 'peers' | 'origin';
  why: string;
}

export interface HeadlessPeerResult {
  name: string;
  p2p: boolean;
  ended: boolean;
  error: string | null;
  firstFrameMs: number | null;
  wallMs: number;
  stalls: number;
  stalledMs: number;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  swarm: SwarmCounters | null;
  log: SegmentLogEntry[];
}

async function gql<T>(apiUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(`GraphQL: ${body.errors?.map((e) => e.message).join('; ') ?? res.status}`);
  return body.data;
}

/** GET with retries (as hls.js retries a failed fragment: a busy origin refuses a connection now and then). */
async function getBytes(url: string, tries = 4): Promise<Uint8Array> {
  for (let i = 1; ; i++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 250 * 2 ** i));
    }
  }
}

/** The segments of a media playlist with their durations (EXTINF). */
function parseMediaPlaylist(text: string, rendition: string): SegmentRef[] {
  const out: SegmentRef[] = [];
  let d: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const inf = /^#EXTINF:([\d.]+)/.exec(line);
    if (inf) d = Number(inf[1]);
    else if (d !== null && line && !line.startsWith('#')) {
      out.push({ key: `${rendition}/${line.split('?')[0]}`, durationS: d });
      d = null;
    }
  }
  return out;
}

export class HeadlessPeer {
  private readonly rates = new TransferRates();
  private swarm: HeadlessSwarm | null = null;
  private swarmState: 'starting' | 'running' | 'error' = 'starting';
  private swarmRunningAt = 0;
  private readonly ready = new Map<string, Uint8Array>();
  private readonly inflight = new Map<string, Promise<Uint8Array>>();
  private readonly log: SegmentLogEntry[] = [];
  private bytesFromPeers = 0;
  private bytesFromOrigin = 0;
  private stopped = false;
  private sim: PlaybackSim | null = null;
  private readonly openedAt = performance.now();

  constructor(private readonly opts: HeadlessPeerOptions) {}

  async run(timeoutMs: number): Promise<HeadlessPeerResult> {
    let error: string | null = null;
    try {
      await Promise.race([
        this.play(),
        new Promise((_, rej) => setTimeout(() => rej(new Error(`did not reach the end in ${timeoutMs / 1000} s`)), timeoutMs)),
      ]);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    this.sim?.stop();
    this.opts.onEnded?.();
    // Stay in the swarm (seeding) until the bench says stop, as the page stays open.
    if (!error) await this.released;
    this.stopped = true;
    const swarm = this.swarm;
    await swarm?.destroy();
    const sim = this.sim;
    return {
      name: this.opts.name,
      p2p: this.opts.p2p,
      ended: sim?.endedAt != null,
      error,
      firstFrameMs: sim?.firstFrameAt != null ? sim.firstFrameAt - this.openedAt : null,
      wallMs: performance.now() - this.openedAt,
      stalls: sim?.stalls.count ?? 0,
      stalledMs: sim?.stalls.stalledMs ?? 0,
      bytesFromPeers: this.bytesFromPeers,
      bytesFromOrigin: this.bytesFromOrigin,
      swarm: swarm ? swarm.snapshot() : null,
      log: this.log,
    };
  }

  private release: () => void = () => undefined;
  private readonly released = new Promise<void>((r) => (this.release = r));

  /** Leaves: stops early if still playing; a peer that played to the end stays in the swarm until then. */
  stop(): void {
    this.stopped = true;
    this.release();
  }

  private async play(): Promise<void> {
    const { apiUrl, videoId } = this.opts;
    const signer = NodeEd25519Signer.generate();
    const start = gql<{ playbackSession: { session: PlaybackSessionInfo | null; userErrors: { code: string }[] } }>(
      apiUrl,
      `mutation S($input: StartPlaybackInput!) { playbackSession(input: $input) { session { sessionId certificate trackerUrls iceServers { urls username credential } } userErrors { code } } }`,
      { input: { videoId, sessionPublicKey: toBase64Url(signer.publicKey) } },
    );
    const info = gql<{
      video: {
        manifestUrl: string;
        swarms: { rendition: string; torrentUrl: string }[];
        renditions: { name: string; height: number | null }[];
      };
    }>(apiUrl, `query V($id: ID!) { video(id: $id) { manifestUrl swarms { rendition torrentUrl } renditions { name height } } }`, {
      id: videoId,
    });
    const { video } = await info;
    // The top video rendition and the audio (what the page's player ends up playing here).
    const videoR = [...video.renditions].filter((r) => (r.height ?? 0) > 0).sort((a, b) => (b.height ?? 0) - (a.height ?? 0))[0]?.name;
    const plays = [videoR, video.swarms.find((s) => /audio/i.test(s.rendition))?.rendition].filter((x): x is string => !!x);
    const tracks = await Promise.all(
      plays.map(async (r) =>
        parseMediaPlaylist(Buffer.from(await getBytes(`${apiUrl}/hls/${videoId}/${r}/playlist.m3u8`)).toString('utf8'), r),
      ),
    );
    if (tracks.some((t) => t.length === 0)) throw new Error(`no segments in ${plays.join(', ')}`);
    const sim = (this.sim = new PlaybackSim(tracks));
    if (this.opts.p2p) {
      const session = (await start).playbackSession.session;
      if (!session) throw new Error(`playbackSession refused: ${(await start).playbackSession.userErrors.map((e) => e.code).join(', ')}`);
      void this.startSwarm(
        session,
        signer,
        video.manifestUrl,
        video.swarms.filter((s) => plays.includes(s.rendition)),
        sim,
      );
    } else await start; // sharing off: the page still starts its session (heartbeat, ads)
    await Promise.all(tracks.map((t, i) => this.loadTrack(i, plays[i], t)));
    await sim.ended;
  }

  /** As the page: P2P starts once the first frame is up (so it does not compete with the first segments). */
  private async startSwarm(
    session: PlaybackSessionInfo,
    signer: NodeEd25519Signer,
    manifestUrl: string,
    swarms: { rendition: string; torrentUrl: string }[],
    sim: PlaybackSim,
  ): Promise<void> {
    try {
      while (sim.firstFrameAt === null && !this.stopped) await new Promise((r) => setTimeout(r, 50));
      const [manifestBytes, wellKnown, torrents] = await Promise.all([
        getBytes(manifestUrl),
        fetch(new URL('/.well-known/wetube-origin.json', manifestUrl)).then((r) => r.json() as Promise<{ publicKey: string }>),
        Promise.all(swarms.map(async (s) => [s.rendition, await getBytes(s.torrentUrl)] as const)),
      ]);
      const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as SignedManifest;
      const originPublicKey = fromBase64Url(wellKnown.publicKey);
      const signed = await new NodeEd25519Verifier().verify(
        manifestSigningInput(manifest),
        fromBase64Url(manifest.signature.value),
        originPublicKey,
      );
      if (!signed) throw new Error('manifest.json is not signed by the origin');
      const swarm = new HeadlessSwarm({
        trackers: session.trackerUrls.filter((u) => /^wss?:\/\//.test(u)),
        torrents: new Map(torrents),
        sha256: new Map(manifest.files.map((f) => [f.path, f.sha256.toLowerCase()])),
        cid: new Map(manifest.files.map((f) => [f.path, f.cid])),
        localPeerId: toBase64Url(signer.publicKey),
        originPublicKey,
        issuer: new ReceiptIssuer(session.sessionId, session.certificate, signer),
        onBlock: (n) => this.rates.peerBytes(n),
        iceServers: session.iceServers,
      });
      this.swarm = swarm;
      await swarm.start();
      if (this.stopped) return;
      this.swarmState = 'running';
      this.swarmRunningAt = performance.now();
    } catch {
      this.swarmState = 'error';
    }
  }

  /** One track's loader: the next segment while less than the buffer goal is ahead, one at a time (as hls.js). */
  private async loadTrack(track: number, rendition: string, segments: SegmentRef[]): Promise<void> {
    const sim = this.sim!;
    const init = `${rendition}/init.mp4`;
    const initBytes = await getBytes(`${this.opts.apiUrl}/hls/${this.opts.videoId}/${init}`);
    this.bytesFromOrigin += initBytes.length;
    this.log.push({ key: init, from: 'origin', why: 'init' });
    void this.seed(init, initBytes);
    for (let i = 0; i < segments.length && !this.stopped; i++) {
      while (sim.aheadS(track) >= MAX_BUFFER_S && !this.stopped) await new Promise((r) => setTimeout(r, POLL_MS));
      await this.loadSegment(segments[i], rendition);
      sim.append(track, i);
    }
  }

  private async loadSegment(seg: SegmentRef, rendition: string): Promise<void> {
    const ready = this.ready.get(seg.key);
    if (ready) {
      this.ready.delete(seg.key);
      return this.fromPeers(seg, rendition, ready, 'prefetched');
    }
    if (!this.opts.p2p) return this.http(seg, rendition, 'p2p off');
    const judge = (t: TransferState): Decision => decide(this.sim!.state(), this.rates.estimate(rendition, seg.durationS), t);
    const first = this.p2pActive()
      ? judge({ fetchingS: null, peerBytesPerS: null, originBytesPerS: this.rates.originBytesPerS() })
      : { source: 'origin' as const, why: 'p2p off' };
    if (first.source === 'origin') return this.http(seg, rendition, first.why);
    try {
      const got = await this.waitAndFetch(seg.key, judge);
      return this.fromPeers(seg, rendition, got.bytes, got.why);
    } catch (e) {
      return this.http(seg, rendition, e instanceof Error ? e.message : String(e));
    }
  }

  private p2pActive(): boolean {
    return !this.stopped && this.swarmState !== 'error';
  }

  /** As P2PController.waitAndFetch: wait until peers hold it, fetch it, give up when the policy says so. */
  private async waitAndFetch(key: string, judge: (t: TransferState) => Decision): Promise<{ bytes: Uint8Array; why: string }> {
    const since = performance.now();
    const waited = () => `${((performance.now() - since) / 1000).toFixed(1)} s`;
    for (;;) {
      const swarm = this.swarm;
      if (swarm && this.swarmState === 'running' && (this.inflight.has(key) || swarm.available(key))) {
        const mark = this.rates.peerMark(performance.now());
        let last: Decision | null = null;
        const bytes = await this.fetch(key, () => {
          const now = performance.now();
          last = judge({
            fetchingS: (now - mark.at) / 1000,
            peerBytesPerS: this.rates.peerBytesPerSSince(mark, now),
            originBytesPerS: this.rates.originBytesPerS(),
          });
          return last.source === 'origin' ? `${last.why} after ${waited()}` : null;
        });
        const got = last as Decision | null;
        return {
          bytes,
          why: `waited ${waited()} (fetch ${((performance.now() - mark.at) / 1000).toFixed(1)} s)${got ? `, ${got.why}` : ''}`,
        };
      }
      const starting = this.swarmState === 'starting' && performance.now() - this.openedAt < START_GRACE_MS;
      const mayCome =
        starting || (this.swarmState === 'running' && (swarm!.hasPeers(key) || performance.now() - this.swarmRunningAt < CONNECT_GRACE_MS));
      if (!this.p2pActive()) throw new Error(`P2P stopped after ${waited()}`);
      if (!mayCome) throw new Error(`no peer has it after ${waited()}`);
      const d = judge({ fetchingS: null, peerBytesPerS: null, originBytesPerS: this.rates.originBytesPerS() });
      if (d.source === 'origin') throw new Error(`${d.why} (no peer had it) after ${waited()}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private fetch(key: string, stopWhy: () => string | null): Promise<Uint8Array> {
    const swarm = this.swarm;
    if (!swarm) return Promise.reject(new Error('P2P is off'));
    let p = this.inflight.get(key);
    if (!p) {
      p = swarm.fetch(key);
      this.inflight.set(key, p);
      const clear = () => this.inflight.get(key) === p && this.inflight.delete(key);
      p.then(clear, clear);
    }
    const fetching = p;
    return new Promise((resolve, reject) => {
      const t = setInterval(() => {
        const why = this.stopped ? 'stopped' : stopWhy();
        if (why === null) return;
        clearInterval(t);
        reject(new Error(why));
      }, POLL_MS);
      fetching.then(
        (b) => (clearInterval(t), resolve(b)),
        (e) => (clearInterval(t), reject(e)),
      );
    });
  }

  private prefetchAfter(rendition: string, key: string): void {
    const swarm = this.swarm;
    if (!swarm || this.swarmState !== 'running') return;
    const track = this.sim!.tracks.find((t) => t.segments[0]?.key.startsWith(`${rendition}/`));
    const at = track?.segments.findIndex((s) => s.key === key) ?? -1;
    if (!track || at < 0) return;
    for (const next of track.segments.slice(at + 1, at + 1 + PREFETCH_AHEAD).map((s) => s.key)) {
      if (this.ready.has(next) || this.inflight.has(next) || !swarm.available(next)) continue;
      const started = performance.now();
      this.fetch(next, () => (performance.now() - started < 30_000 ? null : 'prefetch timed out'))
        .then((b) => {
          if (this.stopped) return;
          if (this.ready.size >= MAX_READY) this.ready.delete(this.ready.keys().next().value as string);
          this.ready.set(next, b);
        })
        .catch(() => undefined);
    }
  }

  private fromPeers(seg: SegmentRef, rendition: string, bytes: Uint8Array, why: string): void {
    this.bytesFromPeers += bytes.length;
    this.rates.segmentSample(rendition, bytes.length, seg.durationS);
    this.log.push({ key: seg.key, from: 'peers', why });
    this.prefetchAfter(rendition, seg.key);
  }

  private async http(seg: SegmentRef, rendition: string, why: string): Promise<void> {
    const t0 = performance.now();
    const bytes = await getBytes(`${this.opts.apiUrl}/hls/${this.opts.videoId}/${seg.key}`);
    this.rates.originSample(bytes.length, (performance.now() - t0) / 1000);
    this.rates.segmentSample(rendition, bytes.length, seg.durationS);
    this.bytesFromOrigin += bytes.length;
    this.log.push({ key: seg.key, from: 'origin', why });
    void this.seed(seg.key, bytes);
    this.prefetchAfter(rendition, seg.key);
  }

  /** Seeds what came over HTTP (waits for the client if it is still starting, as the page queues it). */
  private async seed(key: string, bytes: Uint8Array): Promise<void> {
    if (!this.opts.p2p) return;
    while (this.swarmState === 'starting' && !this.stopped) await new Promise((r) => setTimeout(r, 200));
    if (this.swarmState === 'running' && !this.stopped) await this.swarm?.seedFromHttp(key, bytes).catch(() => undefined);
  }
}
