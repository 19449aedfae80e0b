'use client';

/**
 * Which network path each WebRTC wire took, from the selected ICE candidate pair of its
 * RTCPeerConnection (getStats): `host` (same network), `srflx`/`prflx` (directly through NATs, found
 * with STUN or by the checks themselves), or `relay` (through the platform's TURN server). Bytes
 * that arrive over relayed wires are counted apart: they still pay the peer that sent them, but
 * they cost the operator relay bandwidth, so they are not origin offload.
 */
import { p2pStats } from './p2p-stats';

import { pathOf, type PathType } from './path-kind';

export { pathOf, type PathType };

interface StatsReport {
  forEach(fn: (s: Record<string, unknown>) => void): void;
  get(id: string): Record<string, unknown> | undefined;
}
/** The slice of WebTorrent's Peer used here: its simple-peer connection holds the RTCPeerConnection. */
export interface RtcPeerLike {
  type?: string;
  wire?: object | null;
  conn?: { _pc?: { getStats(): Promise<StatsReport>; connectionState?: string } | null } | null;
}
interface WireLike {
  peerId?: string;
  on(ev: 'download', fn: (bytes: number) => void): void;
}

const RECHECK_MS = 1000;

/** The path of a connection's selected candidate pair, or null while there is none. */
export function selectedPath(report: StatsReport): { path: PathType; local: string; remote: string } | null {
  let pair: Record<string, unknown> | undefined;
  report.forEach((s) => {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pair = report.get(s.selectedCandidatePairId) ?? pair;
  });
  if (!pair) {
    report.forEach((s) => {
      if (s.type === 'candidate-pair' && (s.selected === true || (s.nominated === true && s.state === 'succeeded'))) pair ??= s;
    });
  }
  if (!pair) return null;
  const local = String(report.get(String(pair.localCandidateId))?.candidateType ?? '');
  const remote = String(report.get(String(pair.remoteCandidateId))?.candidateType ?? '');
  return { path: pathOf(local, remote), local, remote };
}

/** Transport bytes received since the last look, per kind of candidate pair (relay or direct), updating `seen`. */
export function pairDeltas(report: StatsReport, seen: Map<string, number>): { relay: number; direct: number } {
  const d = { relay: 0, direct: 0 };
  report.forEach((s) => {
    if (s.type !== 'candidate-pair') return;
    const id = String(s.id);
    const bytes = Number(s.bytesReceived ?? 0);
    const delta = bytes - (seen.get(id) ?? 0);
    seen.set(id, bytes);
    if (delta <= 0) return;
    const local = String(report.get(String(s.localCandidateId))?.candidateType ?? '');
    const remote = String(report.get(String(s.remoteCandidateId))?.candidateType ?? '');
    if (pathOf(local, remote) === 'relay') d.relay += delta;
    else d.direct += delta;
  });
  return d;
}

interface WireState {
  path: PathType | null;
  /** Payload bytes not counted yet (no path known), and counted since the last look by the path then selected. */
  pending: number;
  since: { relay: number; direct: number };
  /** bytesReceived per candidate pair at the last look. */
  pairBytes: Map<string, number>;
  checkedAt: number;
  key: string;
}

/**
 * Tracks the path of every WebRTC wire of the page's torrents and counts bytes per kind of path.
 * Payload bytes are counted at once by the pair selected at the last look, and at each look (every
 * RECHECK_MS while bytes flow) re-split by what the candidate pairs themselves received since the
 * look before: Chromium often selects the relay pair first and moves to the direct pair a moment
 * later, and a 5 s old look counted seconds of direct bytes as relayed (NAT lab: 2.0 of 4.9 MB
 * "relayed" while getStats showed every byte over the srflx pair).
 */
export class WirePaths {
  private readonly known = new WeakMap<object, WireState>();

  /** Call for each new wire of a torrent whose peers (WebTorrent's `_peers`) can be searched for it. */
  watch(wire: WireLike, peers: () => Iterable<RtcPeerLike> | null | undefined): void {
    const state: WireState = { path: null, pending: 0, since: { relay: 0, direct: 0 }, pairBytes: new Map(), checkedAt: 0, key: '' };
    this.known.set(wire, state);
    const check = async () => {
      state.checkedAt = performance.now();
      const peer = [...(peers() ?? [])].find((p) => p.wire === wire);
      const pc = peer?.conn?._pc;
      if (!pc) return;
      const snap = { relay: state.since.relay, direct: state.since.direct, pending: state.pending };
      const report = await pc.getStats();
      const found = selectedPath(report);
      const moved = pairDeltas(report, state.pairBytes);
      const n = snap.relay + snap.direct + snap.pending;
      if (n > 0 && (moved.relay + moved.direct > 0 || found)) {
        state.since.relay -= snap.relay;
        state.since.direct -= snap.direct;
        state.pending -= snap.pending;
        const relayed =
          moved.relay + moved.direct > 0 ? Math.round((n * moved.relay) / (moved.relay + moved.direct)) : found!.path === 'relay' ? n : 0;
        p2pStats.bytesFromRelayedPeers += relayed - snap.relay;
        p2pStats.bytesFromDirectPeers += n - relayed - snap.direct;
      }
      if (!found) return;
      // peerId is hex; its first 16 characters are the client's prefix (`-WW0300-` for every WebTorrent
      // peer), so the key is taken from the random part after it.
      state.key = (wire.peerId ?? '').slice(16, 32) || 'peer';
      state.path = found.path;
      p2pStats.paths[state.key] = found.path;
    };
    wire.on('download', (n: number) => {
      if (state.path === 'relay') {
        p2pStats.bytesFromRelayedPeers += n;
        state.since.relay += n;
      } else if (state.path) {
        p2pStats.bytesFromDirectPeers += n;
        state.since.direct += n;
      } else state.pending += n;
      if (performance.now() - state.checkedAt > (state.path ? RECHECK_MS : 250)) void check().catch(() => undefined);
    });
    // The pair is usually selected by the time the wire exists; look once now and once a little later.
    void check().catch(() => undefined);
    setTimeout(() => void check().catch(() => undefined), 1500);
  }

  /** Forget a closed wire's path in the page's list. */
  closed(wire: object): void {
    const s = this.known.get(wire);
    if (s?.key) delete p2pStats.paths[s.key];
  }
}

/** RTCIceServer[] from the session's ICE servers (nulls dropped). */
export function rtcIceServers(servers: { urls: string[]; username: string | null; credential: string | null }[]): RTCIceServer[] {
  return servers.map((s) => ({
    urls: s.urls,
    ...(s.username ? { username: s.username } : {}),
    ...(s.credential ? { credential: s.credential } : {}),
  }));
}
