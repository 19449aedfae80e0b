'use client';

/** Live P2P counters of this page, mirrored on `window.__wetubeP2P` for tests and debugging. */
export interface P2PCounters {
  /** Content bytes (segments) handed to the player that came from peers and passed the hash check. */
  bytesFromPeers: number;
  /** Content bytes (segments) handed to the player that came from the origin over HTTP. */
  bytesFromOrigin: number;
  /** Bytes this page uploaded to other viewers. */
  bytesUploaded: number;
  /** Connected peers (WebRTC wires, all renditions). */
  peers: number;
  /**
   * Bytes that arrived over wires with a direct path (host, srflx or prflx candidates: origin
   * offload) and over wires through the TURN relay (they pay the peer but cost relay bandwidth).
   */
  bytesFromDirectPeers: number;
  bytesFromRelayedPeers: number;
  /** Per connected peer (BitTorrent peer id, 16 hex): the path its wire took. */
  paths: Record<string, 'host' | 'srflx' | 'prflx' | 'relay'>;
  /** Segments refused because their sha256 did not match the manifest. */
  rejectedSegments: number;
  /** Pieces from peers that failed their SHA-1 check (WebTorrent asks again elsewhere). */
  rejectedPieces: number;
  /** Peers disconnected (and refused from then on) for sending bad data. */
  droppedPeers: number;
  /** Receipts this page signed for peers that served it (one per peer per verified segment). */
  receiptsSent: number;
  /** Receipts from viewers this page served, accepted by its ReceiptBook / refused (last reason). */
  receiptsAccepted: number;
  receiptsRefused: number;
  lastRefusal: string | null;
  /** Bytes covered by accepted receipts (what this page could be paid for). */
  receiptedBytes: number;
  /** Per peer (platform peer id): the cumulative segments of the newest receipt this page sent it. */
  signedSegments: Record<string, number>;
  /** This session is ad-free (the viewer's plan holds); null before the session starts. */
  adFree: boolean | null;
  /** Signed in: receipts the api paid (redeemReceipts answered PAID), the segments and amount they paid. */
  receiptsRedeemed: number;
  redeemedSegments: number;
  /** Minor units (1 CLC = 1 000 000) as a decimal string, like the api's `Amount`. */
  redeemedAmount: string;
  /** Receipts the api refused for good (last code), and why the last round failed (null once one works). */
  redeemRefused: number;
  lastRedeemRefusal: string | null;
  lastRedeemError: string | null;
  /** Why P2P is off, when it is ('disabled', an error message…); null while it runs. */
  state: 'idle' | 'starting' | 'running' | 'off' | 'error';
  error: string | null;
}

/** Where each of the last segments came from (for debugging and the e2e report). */
export interface SegmentSource {
  key: string;
  from: 'peers' | 'origin';
  bytes: number;
  /** Why it came from where it did (the fetch policy's reason: 'buffer low (1.2 s)', 'peers deliver in time', …). */
  why?: string;
}

declare global {
  interface Window {
    __wetubeP2P?: P2PCounters;
    __wetubeP2PLog?: SegmentSource[];
  }
}

const LOG_LIMIT = 200;
export const p2pLog: SegmentSource[] = [];

export function logSegment(entry: SegmentSource): void {
  if (entry.from === 'peers') p2pStats.bytesFromPeers += entry.bytes;
  else p2pStats.bytesFromOrigin += entry.bytes;
  p2pLog.push(entry);
  if (p2pLog.length > LOG_LIMIT) p2pLog.shift();
}

export function newCounters(): P2PCounters {
  return {
    bytesFromPeers: 0,
    bytesFromOrigin: 0,
    bytesUploaded: 0,
    peers: 0,
    bytesFromDirectPeers: 0,
    bytesFromRelayedPeers: 0,
    paths: {},
    rejectedSegments: 0,
    rejectedPieces: 0,
    droppedPeers: 0,
    receiptsSent: 0,
    signedSegments: {},
    adFree: null,
    receiptsAccepted: 0,
    receiptsRefused: 0,
    lastRefusal: null,
    receiptedBytes: 0,
    receiptsRedeemed: 0,
    redeemedSegments: 0,
    redeemedAmount: '0',
    redeemRefused: 0,
    lastRedeemRefusal: null,
    lastRedeemError: null,
    state: 'idle',
    error: null,
  };
}

/** The page's counters (one player per page). */
export const p2pStats: P2PCounters = newCounters();

export function resetP2PStats(): void {
  Object.assign(p2pStats, newCounters());
  p2pLog.length = 0;
  if (typeof window !== 'undefined') {
    window.__wetubeP2P = p2pStats;
    window.__wetubeP2PLog = p2pLog;
  }
}

/** Share of content bytes that came from peers, 0..100. */
export function peerSharePercent(c: P2PCounters): number {
  const total = c.bytesFromPeers + c.bytesFromOrigin;
  return total > 0 ? (c.bytesFromPeers / total) * 100 : 0;
}
