import type { Page } from 'playwright-core';

/**
 * The truth about which ICE path carried a page's WebRTC bytes, next to what the page itself reports:
 * an init script keeps every RTCPeerConnection the page makes (`window.__labPcs`) and samples, every
 * 250 ms, the watch page's "direct"/"relayed" text and `__wetubeP2P.paths` (wires close when both
 * ends hold everything, so the end of playback is too late to look).
 */
export function watchIcePaths(): void {
  const g = globalThis as any;
  const Native = g.RTCPeerConnection;
  g.__labPcs = [];
  g.__labEvents = [] as string[];
  g.__labSeen = { texts: [] as string[], paths: [] as string[] };
  class Tracked extends Native {
    constructor(...args: unknown[]) {
      super(...args);
      g.__labPcs.push(this);
      const n = g.__labPcs.length;
      const t0 = g.performance.now();
      const log = (what: string) => g.__labEvents.push(`pc${n} +${Math.round(g.performance.now() - t0)}ms ${what}`);
      (this as any).addEventListener('connectionstatechange', () => log(`connection ${(this as any).connectionState}`));
      (this as any).addEventListener('iceconnectionstatechange', () => log(`ice ${(this as any).iceConnectionState}`));
    }
  }
  g.RTCPeerConnection = Tracked;
  // Per connection, the newest bytesReceived of every candidate pair it ever reported, with the pair's
  // path kind: Chromium prunes pairs it stopped using from getStats, and a closed connection reports
  // nothing, so what they carried stays here.
  g.__labSample = async () => {
    for (const pc of g.__labPcs) {
      if (pc.connectionState === 'closed') continue;
      let report: any;
      try {
        report = await pc.getStats();
      } catch {
        continue;
      }
      pc.__labPairs ??= new Map();
      report.forEach((s: any) => {
        if (s.type !== 'candidate-pair' || !s.bytesReceived) return;
        const types = [report.get(s.localCandidateId)?.candidateType, report.get(s.remoteCandidateId)?.candidateType];
        const kind = types.includes('relay') ? 'relay' : types.includes('srflx') ? 'srflx' : types.includes('prflx') ? 'prflx' : 'host';
        pc.__labPairs.set(s.id, { kind, bytes: s.bytesReceived });
      });
    }
  };
  setInterval(() => void g.__labSample(), 250);
  setInterval(() => {
    const text = g.document?.querySelector('[data-testid=p2p-path]')?.textContent;
    if (text && !g.__labSeen.texts.includes(text)) g.__labSeen.texts.push(text);
    for (const p of Object.values(g.__wetubeP2P?.paths ?? {}) as string[]) if (!g.__labSeen.paths.includes(p)) g.__labSeen.paths.push(p);
  }, 250);
}

export interface PairBytes {
  /** Bytes received per path kind (host/srflx/prflx/relay: relay when either end is relayed), over every candidate pair that carried any. */
  received: Record<string, number>;
  /** The path texts ("direct", "relayed", …) and path kinds the page showed while playing. */
  seenTexts: string[];
  seenPaths: string[];
  /** Each peer connection's state changes, e.g. `pc1 +5200ms connection failed`. */
  events: string[];
}

/** Reads what watchIcePaths gathered, with each peer connection's candidate-pair byte counts from getStats. */
export function pairBytes(page: Page): Promise<PairBytes> {
  return page.evaluate(async () => {
    const g = globalThis as any;
    await g.__labSample?.();
    const received: Record<string, number> = {};
    for (const pc of g.__labPcs ?? [])
      for (const { kind, bytes } of pc.__labPairs?.values() ?? []) received[kind] = (received[kind] ?? 0) + bytes;
    return { received, seenTexts: g.__labSeen?.texts ?? [], seenPaths: g.__labSeen?.paths ?? [], events: g.__labEvents ?? [] };
  });
}
