'use client';

import type { P2PCounters, SegmentSource } from './p2p-counters';

export type { P2PCounters, SegmentSource } from './p2p-counters';

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
