'use client';

import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../format';
import { formatClc } from '../money';
import { p2pStats, peerSharePercent, type P2PCounters } from './p2p-stats';

/**
 * Under the player: a small "peers" indicator (peers connected, share of the video from them); a
 * click opens the details: the live P2P figures and the "Share my bandwidth" toggle. Every figure
 * stays in the DOM when closed (tests and benches read their text).
 */
export function P2PStatus({ share, onShareChange }: { share: boolean; onShareChange: (on: boolean) => void }) {
  const [c, setC] = useState<P2PCounters>({ ...p2pStats });
  const detailsRef = useRef<HTMLDetailsElement | null>(null);
  useEffect(() => {
    const t = window.setInterval(() => setC({ ...p2pStats }), 500);
    return () => window.clearInterval(t);
  }, []);
  const pct = peerSharePercent(c).toFixed(0);
  const peersText = `${c.peers} ${c.peers === 1 ? 'peer' : 'peers'}`;
  const summary = !share ? 'Sharing off' : c.state === 'error' ? 'Peers unavailable' : `${peersText} · ${pct} % from peers`;
  return (
    <div className="p2p small" data-testid="p2p-status" data-state={c.state} title={c.error ?? undefined}>
      <details className="p2p__details" ref={detailsRef} data-testid="p2p-details">
        <summary className="p2p__summary" data-testid="p2p-indicator" title="Peer-to-peer sharing: details">
          <span className="p2p__glyph" aria-hidden="true">
            ⇄
          </span>{' '}
          <span data-testid="p2p-summary">{summary}</span>
          <span className="sr-only"> (peer-to-peer details)</span>
        </summary>
        <div className="p2p__panel" data-testid="p2p-panel">
          <span>
            Peers: <strong data-testid="p2p-peers">{c.peers}</strong>
          </span>
          <PeerPaths c={c} onOpen={() => detailsRef.current && (detailsRef.current.open = true)} />
          <span>
            From peers: <strong data-testid="p2p-share">{pct}%</strong>
          </span>
          <span>
            Shared: <strong data-testid="p2p-uploaded">{formatBytes(c.bytesUploaded)}</strong>
          </span>
          {c.receiptsAccepted > 0 && (
            <span title="Signed receipts from the viewers this page served: what it can be paid for.">
              Receipted: <strong data-testid="p2p-receipted">{formatBytes(c.receiptedBytes)}</strong>
            </span>
          )}
          {(c.receiptsRedeemed > 0 || c.redeemRefused > 0) && (
            <span
              title={
                `Paid by WeTube for the receipts this page redeemed (${c.redeemedSegments} segments); pending until the review window ends.` +
                (c.redeemRefused > 0 ? ` ${c.redeemRefused} receipts were refused (last: ${c.lastRedeemRefusal}).` : '')
              }
            >
              Earned: <strong data-testid="p2p-earned">{formatClc(c.redeemedAmount)}</strong>
            </span>
          )}
          {c.droppedPeers > 0 && (
            <span title="Peers that sent data failing its hash check were disconnected; the data came from elsewhere.">
              Dropped bad peers: <strong data-testid="p2p-dropped">{c.droppedPeers}</strong>
            </span>
          )}
          {c.error && <span className="p2p__error">{c.error}</span>}
          <label className="p2p__toggle">
            <input type="checkbox" data-testid="p2p-toggle" checked={share} onChange={(e) => onShareChange(e.target.checked)} />
            Share my bandwidth
          </label>
        </div>
      </details>
    </div>
  );
}

const PATH_LABEL: Record<string, string> = {
  host: 'direct (same network)',
  srflx: 'direct (through NAT)',
  prflx: 'direct (through NAT)',
  relay: 'relayed (TURN)',
};

/**
 * Per peer, whether its wire is direct or goes through the platform's TURN relay (from the selected
 * ICE candidate pair), and the bytes received each way: relayed bytes pay the peer but are relay
 * traffic, not origin offload.
 */
function PeerPaths({ c, onOpen }: { c: P2PCounters; onOpen: () => void }) {
  const entries = Object.entries(c.paths);
  if (entries.length === 0 && c.bytesFromRelayedPeers === 0 && c.bytesFromDirectPeers === 0) return null;
  const relayed = entries.filter(([, p]) => p === 'relay').length;
  const direct = entries.length - relayed;
  const summary = relayed > 0 && direct > 0 ? 'direct + relayed' : relayed > 0 ? 'relayed' : direct > 0 ? 'direct' : 'no peer now';
  return (
    // Opened (by the viewer, or a test's screenshot): the outer details open with it.
    <details className="p2p__paths" data-testid="p2p-paths" onToggle={(e) => e.currentTarget.open && onOpen()}>
      <summary>
        Path: <strong data-testid="p2p-path">{summary}</strong>
      </summary>
      <ul>
        {entries.map(([peer, path]) => (
          <li key={peer} data-testid="p2p-peer" data-path={path}>
            <code>{peer.slice(0, 8)}</code> {PATH_LABEL[path] ?? path}
          </li>
        ))}
      </ul>
      <span title="Bytes received over direct wires and over wires through the TURN relay">
        Direct <strong data-testid="p2p-direct-bytes">{formatBytes(c.bytesFromDirectPeers)}</strong> · relayed{' '}
        <strong data-testid="p2p-relayed-bytes">{formatBytes(c.bytesFromRelayedPeers)}</strong>
      </span>
    </details>
  );
}
