'use client';

/**
 * One viewer's P2P side for one video: session → manifest + swarms → WebTorrent client, plus a few
 * prefetched, verified segments kept in memory for the fragment loader. Any failure turns P2P off;
 * the player keeps playing over HTTP.
 */
import { parseSignedSessionCert, ReceiptIssuer, toBase64Url, WebCryptoEd25519Signer } from '@wetube/receipts';
import type { Decision, TransferState } from './fetch-policy';
import { loadContentIndex } from './manifest';
import { p2pStats, resetP2PStats } from './p2p-stats';
import { PeerPayments } from './peer-payments';
import { ReceiptInbox } from './receipt-inbox';
import { ReceiptRedeemer } from './receipt-redeemer';
import { startPlaybackSession, type PlaybackSession } from './session';
import { SessionHeartbeat } from './session-heartbeat';
import { SwarmClient } from './swarm-client';
import { TransferRates } from './transfer-rates';

const PREFETCH_AHEAD = 3;
const MAX_READY = 8;
const POLL_MS = 100;
const START_GRACE_MS = 8000;
const PREFETCH_TIMEOUT_MS = 30_000;

/**
 * Receipts for this session: signed with the session key for the peers that serve this page; the
 * ones other viewers send it are checked against the origin key.
 */
async function paymentsFor(
  session: PlaybackSession,
  originPublicKey: Uint8Array,
  rates: TransferRates,
): Promise<{ payments: PeerPayments; inbox: ReceiptInbox }> {
  const localPeerId = toBase64Url(session.publicKey);
  const issuer = new ReceiptIssuer(session.sessionId, session.certificate, await WebCryptoEd25519Signer.fromKeyPair(session.keyPair));
  const inbox = new ReceiptInbox(localPeerId, originPublicKey);
  return { payments: new PeerPayments(localPeerId, issuer, inbox, (n) => rates.peerBytes(n)), inbox };
}

declare global {
  interface Window {
    /** Runs a redemption round now (tests; the page redeems every 30 s on its own). */
    __wetubeRedeemNow?: () => Promise<void>;
  }
}

export interface P2PControllerOptions {
  /** The signed-in user's id; null when signed out, undefined while not known yet. */
  viewerId?: () => string | null | undefined;
  /** Seconds of the video played so far (reported in the session heartbeat). */
  watchedSeconds?: () => number;
  /** Of those, the seconds played visible or audible (pay-as-you-listen support pays for these). */
  attendedSeconds?: () => number;
}

/** A segment from peers and how the wait for it went (for the per-segment log). */
export interface FromPeers {
  bytes: Uint8Array;
  why: string;
}

/** Asked every poll while a segment waits for peers: go on waiting, or give up (the origin takes it). */
export type WaitJudge = (t: TransferState) => Decision;

export class P2PController {
  private swarm: SwarmClient | null = null;
  private redeemer: ReceiptRedeemer | null = null;
  private heartbeat: SessionHeartbeat | null = null;
  private readonly onPageHide = () => this.redeemer?.flushNow();
  private readonly ready = new Map<string, Uint8Array>();
  private readonly inflight = new Map<string, Promise<Uint8Array>>();
  private stopped = false;
  /** HTTP bytes that arrived before the client was up: seeded once it is. */
  private pendingSeed: { url: string; bytes: Uint8Array }[] = [];

  private readonly createdAt = performance.now();
  /** Origin and peer rates and segment sizes, measured as segments arrive (the fetch policy's input). */
  readonly rates = new TransferRates();

  /** Counts as starting from construction: the page calls start() once the first frame is up. */
  constructor(
    private readonly videoId: string,
    private readonly options: P2PControllerOptions = {},
  ) {
    resetP2PStats();
    p2pStats.state = 'starting';
  }

  /**
   * Starts P2P; resolves when the client runs (or P2P is off). Never throws. `session`: the page's
   * playback session (started when the player mounts, so the ad server knows it before the
   * pre-roll's asset list is asked for); without one a session is started here.
   */
  async start(sessionPromise?: Promise<PlaybackSession | null>): Promise<void> {
    if (this.swarm || this.stopped) return;
    p2pStats.state = 'starting';
    try {
      const [session, index] = await Promise.all([sessionPromise ?? startPlaybackSession(this.videoId), loadContentIndex(this.videoId)]);
      if (!session) throw new Error('no playback session');
      if (this.stopped) return;
      p2pStats.adFree = session.adFree;
      this.heartbeat = new SessionHeartbeat(session.sessionId, this.options.watchedSeconds ?? (() => 0), this.options.attendedSeconds);
      this.heartbeat.start();
      const { payments, inbox } = await paymentsFor(session, index.originPublicKey, this.rates);
      const swarm = new SwarmClient(this.videoId, session, index, payments);
      this.swarm = swarm;
      this.startRedeeming(session.certificate, inbox);
      await swarm.start();
      if (this.stopped) return swarm.destroy();
      p2pStats.state = 'running';
      p2pStats.error = null;
      for (const { url, bytes } of this.pendingSeed.splice(0)) this.gotFromOrigin(url, bytes);
    } catch (e) {
      p2pStats.state = 'error';
      p2pStats.error = e instanceof Error ? e.message : String(e);
      this.swarm?.destroy();
      this.swarm = null;
      // The session goes on over HTTP: its heartbeat keeps reporting the played seconds (the view
      // count and the plan share come from them) until the page stops P2P or goes.
      this.redeemer?.stop(); // what was receipted before the failure is still sent once
      this.redeemer = null;
    }
  }

  /**
   * The receipts other viewers give this page are redeemed when the session was started signed in
   * (the certificate names the viewer) and that viewer is still the one signed in; an anonymous
   * session is never redeemed. Every 30 s, on pagehide and at stop.
   */
  private startRedeeming(certificate: string, inbox: ReceiptInbox): void {
    const sessionViewer = parseSignedSessionCert(certificate).cert.viewerId;
    if (!sessionViewer || this.stopped) return;
    this.redeemer = new ReceiptRedeemer({
      receipts: () => inbox.redeemable(),
      canRedeem: () => this.options.viewerId?.() === sessionViewer,
    });
    this.redeemer.start();
    const redeemer = this.redeemer;
    window.__wetubeRedeemNow = () => redeemer.round();
    window.addEventListener('pagehide', this.onPageHide);
  }

  /** Stops sharing and fetching from peers; the loader falls back to HTTP for everything. */
  stop(): void {
    this.stopped = true;
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.onPageHide);
      delete window.__wetubeRedeemNow;
    }
    this.heartbeat?.end();
    this.heartbeat = null;
    this.redeemer?.stop(); // sends what changed once more (keepalive)
    this.redeemer = null;
    this.swarm?.destroy();
    this.swarm = null;
    this.ready.clear();
    this.inflight.clear();
    this.pendingSeed = [];
    if (p2pStats.state !== 'error') p2pStats.state = 'off';
  }

  /** True for this video's own files on the origin (an ad's segments, played in the same page, are not). */
  ownsUrl(url: string): boolean {
    const m = /\/hls\/([^/?#]+)\//.exec(url);
    return !!m && decodeURIComponent(m[1]) === this.videoId;
  }

  keyOf(url: string): string | null {
    return this.swarm?.keyOf(url) ?? null;
  }

  /** A prefetched, verified segment (handed over once). */
  take(key: string): Uint8Array | null {
    const b = this.ready.get(key);
    if (b) this.ready.delete(key);
    return b ?? null;
  }

  /** True when peers (or the store) can give this segment now. */
  canFetch(key: string): boolean {
    return this.inflight.has(key) || !!this.swarm?.available(key);
  }

  /** The segment from peers, verified; rejects on any problem, or (with its reason) once `stopWhy` gives one. */
  fetch(key: string, stopWhy: () => string | null): Promise<Uint8Array> {
    const swarm = this.swarm;
    if (!swarm) return Promise.reject(new Error('P2P is off'));
    let p = this.inflight.get(key);
    if (!p) {
      p = swarm.fetch(key);
      this.inflight.set(key, p);
      const clear = () => this.inflight.get(key) === p && this.inflight.delete(key);
      p.then(clear, clear);
    }
    return new Promise((resolve, reject) => {
      const t = setInterval(() => {
        const why = stopWhy();
        if (why === null) return;
        clearInterval(t);
        reject(new Error(why));
      }, POLL_MS);
      p.then(
        (b) => {
          clearInterval(t);
          resolve(b);
        },
        (e) => {
          clearInterval(t);
          reject(e);
        },
      );
    });
  }

  /** True while P2P is starting or running (worth waiting a little for peers). */
  active(): boolean {
    return !this.stopped && (p2pStats.state === 'starting' || p2pStats.state === 'running');
  }

  /**
   * Waits until peers can give the segment, then fetches it from them; rejects (the message says
   * why) as soon as `judge` sends it to the origin (see fetch-policy.ts), P2P stops, or no peer can
   * be expected.
   */
  async waitAndFetch(url: string, judge: WaitJudge): Promise<FromPeers> {
    const since = performance.now();
    const waited = () => `${((performance.now() - since) / 1000).toFixed(1)} s`;
    const transfer = (mark: ReturnType<TransferRates['peerMark']> | null): TransferState => {
      const now = performance.now();
      return {
        fetchingS: mark ? (now - mark.at) / 1000 : null,
        peerBytesPerS: mark ? this.rates.peerBytesPerSSince(mark, now) : null,
        originBytesPerS: this.rates.originBytesPerS(),
      };
    };
    for (;;) {
      const key = this.swarm?.keyOf(url) ?? null;
      if (key && this.canFetch(key)) {
        const mark = this.rates.peerMark(performance.now());
        let last: Decision | null = null;
        const bytes = await this.fetch(key, () => {
          if (!this.active()) return `P2P stopped after ${waited()}`;
          last = judge(transfer(mark));
          return last.source === 'origin' ? `${last.why} after ${waited()}` : null;
        });
        const fetchS = (performance.now() - mark.at) / 1000;
        const got = last as Decision | null;
        return { bytes, why: `waited ${waited()} (fetch ${fetchS.toFixed(1)} s)${got ? `, ${got.why}` : ''}` };
      }
      // Still starting: worth waiting for a while (a start that hangs must not thin the buffer for good).
      const starting = p2pStats.state === 'starting' && performance.now() - this.createdAt < START_GRACE_MS;
      const mayCome = starting || (key !== null && !!this.swarm?.peersMayCome(key));
      if (!this.active()) throw new Error(`P2P stopped after ${waited()}`);
      if (!mayCome) throw new Error(`no peer has it after ${waited()}`);
      const d = judge(transfer(null));
      if (d.source === 'origin') throw new Error(`${d.why} (no peer had it) after ${waited()}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Fetches the next few segments of the same rendition from peers, in the background. */
  prefetchAfter(key: string): void {
    const swarm = this.swarm;
    if (!swarm) return;
    for (const next of swarm.nextKeys(key, PREFETCH_AHEAD)) {
      if (this.ready.has(next) || this.inflight.has(next) || !swarm.available(next)) continue;
      const started = performance.now();
      this.fetch(next, () => (performance.now() - started < PREFETCH_TIMEOUT_MS ? null : 'prefetch timed out'))
        .then((b) => {
          if (this.stopped) return;
          if (this.ready.size >= MAX_READY) this.ready.delete(this.ready.keys().next().value as string);
          this.ready.set(next, b);
        })
        .catch(() => undefined);
    }
  }

  /** Bytes the page got over HTTP from this origin URL: seeded to others (queued until the client is up). */
  gotFromOrigin(url: string, bytes: Uint8Array): void {
    if (this.stopped) return;
    const key = this.swarm?.keyOf(url);
    if (p2pStats.state !== 'running' || !key) {
      if (p2pStats.state !== 'error' && this.pendingSeed.length < 64) this.pendingSeed.push({ url, bytes });
      return;
    }
    void this.swarm!.seedFromHttp(key, bytes).catch(() => undefined);
  }
}
