'use client';

import { useEffect, useState } from 'react';
import { formatBytes, p2pStats, peerSharePercent, type P2PCounters } from './p2p-stats';
import { formatClc } from './receipt-redeemer';

/** Live P2P figures under the player, and the "Share my bandwidth" toggle. */
export function P2PStatus({ share, onShareChange }: { share: boolean; onShareChange: (on: boolean) => void }) {
  const [c, setC] = useState<P2PCounters>({ ...p2pStats });
  useEffect(() => {
    const t = window.setInterval(() => setC({ ...p2pStats }), 500);
    return () => window.clearInterval(t);
  }, []);
  return (
    <div className="p2p muted small" data-testid="p2p-status" data-state={c.state} title={c.error ?? undefined}>
      <span>
        Peers: <strong data-testid="p2p-peers">{c.peers}</strong>
      </span>
      <span>
        From peers: <strong data-testid="p2p-share">{peerSharePercent(c).toFixed(0)}%</strong>
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
          Earned: <strong data-testid="p2p-earned">{formatClc(c.redeemedAmount)} CLC</strong>
        </span>
      )}
      {c.droppedPeers > 0 && (
        <span title="Peers that sent data failing its hash check were disconnected; the data came from elsewhere.">
          Dropped bad peers: <strong data-testid="p2p-dropped">{c.droppedPeers}</strong>
        </span>
      )}
      <label className="p2p__toggle">
        <input type="checkbox" data-testid="p2p-toggle" checked={share} onChange={(e) => onShareChange(e.target.checked)} />
        Share my bandwidth
      </label>
    </div>
  );
}
