/**
 * The page's P2P counters as `window.__wetubeP2P` shows them, and its segment log
 * (`window.__wetubeP2PLog`): the one definition the page (./p2p-stats), the e2e tests and the
 * benches read them with. Types only, so Node code may import it.
 */

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
