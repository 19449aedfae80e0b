/**
 * What the fetch policy needs to know about transfers, measured as they happen (pure: callers pass
 * the clock): the origin's rate for this viewer (recent HTTP segment fetches), the bytes peers have
 * delivered (every block from every wire, so the rate of a fetch in flight is known before it ends),
 * and each rendition's bytes per media second (to size a segment before it is fetched).
 */
import type { SegmentEstimate } from './fetch-policy';

/** Weight of the newest sample in the moving averages. */
const ALPHA = 0.3;
/** HTTP fetches shorter than this say more about latency than rate: counted as this long. */
const MIN_SAMPLE_S = 0.05;

export interface PeerMark {
  at: number;
  bytes: number;
}

export class TransferRates {
  private originRate: number | null = null;
  private peerTotal = 0;
  private readonly bytesPerMediaS = new Map<string, number>();

  /** An HTTP fetch of `bytes` that took `seconds`. */
  originSample(bytes: number, seconds: number): void {
    if (!(bytes > 0) || !(seconds >= 0)) return;
    const rate = bytes / Math.max(MIN_SAMPLE_S, seconds);
    this.originRate = this.originRate === null ? rate : ALPHA * rate + (1 - ALPHA) * this.originRate;
  }

  /** Bytes/s of recent HTTP segment fetches; null before the first. */
  originBytesPerS(): number | null {
    return this.originRate;
  }

  /** A block arrived from a peer (any wire, any segment). */
  peerBytes(n: number): void {
    if (n > 0) this.peerTotal += n;
  }

  /** Where the peer byte count stands now (take it when a fetch starts). */
  peerMark(now: number): PeerMark {
    return { at: now, bytes: this.peerTotal };
  }

  /** Bytes/s peers delivered since `mark`; null when less than `minS` has passed. */
  peerBytesPerSSince(mark: PeerMark, now: number, minS = 0.1): number | null {
    const s = (now - mark.at) / 1000;
    return s >= minS ? (this.peerTotal - mark.bytes) / s : null;
  }

  /** A whole segment of `rendition` (`720p`) of `bytes` holding `durationS` of media. */
  segmentSample(rendition: string, bytes: number, durationS: number): void {
    if (!(bytes > 0) || !(durationS > 0)) return;
    const r = bytes / durationS;
    const was = this.bytesPerMediaS.get(rendition);
    this.bytesPerMediaS.set(rendition, was === undefined ? r : ALPHA * r + (1 - ALPHA) * was);
  }

  /** The expected size of a `durationS` segment of `rendition` (null before one of it was seen). */
  estimate(rendition: string, durationS: number): SegmentEstimate {
    const r = this.bytesPerMediaS.get(rendition);
    return { durationS, bytes: r === undefined ? null : r * durationS };
  }
}
