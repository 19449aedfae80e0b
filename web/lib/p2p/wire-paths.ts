'use client';

/**
 * Which network path each WebRTC wire took, from the selected ICE candidate pair of its
 * RTCPeerConnection (getStats): `host` (same network), `srflx`/`prflx` (directly through NATs, found
 * with STUN or by the checks themselves), or `relay` (through the platform's TURN server). Bytes
 * that arrive over relayed wires are counted apart: they still pay the peer that sent them, but
 * they cost the operator relay bandwidth, so they are not origin offload.
 */
import { p2pStats } from './p2p-stats';

export type PathType = 'host' | 'srflx' | 'prflx' | 'relay';

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

const RECHECK_MS = 5000;

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

/** relay when either end is a relay; else the reflexive kind when either end is one; else host. */
export function pathOf(local: string, remote: string): PathType {
  const types = [local, remote];
  if (types.includes('relay')) return 'relay';
  if (types.includes('srflx')) return 'srflx';
  if (types.includes('prflx')) return 'prflx';
  return 'host';
}

/** Tracks the path of every WebRTC wire of the page's torrents and counts bytes per kind of path. */
export class WirePaths {
  private readonly known = new WeakMap<object, { path: PathType | null; pending: number; checkedAt: number; key: string }>();

  /** Call for each new wire of a torrent whose peers (WebTorrent's `_peers`) can be searched for it. */
  watch(wire: WireLike, peers: () => Iterable<RtcPeerLike> | null | undefined): void {
    const state = { path: null as PathType | null, pending: 0, checkedAt: 0, key: '' };
    this.known.set(wire, state);
    const check = async () => {
      state.checkedAt = performance.now();
      const peer = [...(peers() ?? [])].find((p) => p.wire === wire);
      const pc = peer?.conn?._pc;
      if (!pc) return;
      const found = selectedPath(await pc.getStats());
      if (!found) return;
      state.key = (wire.peerId ?? '').slice(0, 16) || 'peer';
      state.path = found.path;
      p2pStats.paths[state.key] = found.path;
      if (state.pending > 0) this.count(found.path, state.pending);
      state.pending = 0;
    };
    wire.on('download', (n: number) => {
      if (state.path) this.count(state.path, n);
      else state.pending += n;
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

  private count(path: PathType, n: number): void {
    if (path === 'relay') p2pStats.bytesFromRelayedPeers += n;
    else p2pStats.bytesFromDirectPeers += n;
  }
}

/** RTCIceServer[] from the session's ICE servers (nulls dropped). */
export function rtcIceServers(servers: { urls: string[]; username: string | null; credential: string | null }[]): RTCIceServer[] {
  return servers.map((s) => ({ urls: s.urls, ...(s.username ? { username: s.username } : {}), ...(s.credential ? { credential: s.credential } : {}) }));
}
