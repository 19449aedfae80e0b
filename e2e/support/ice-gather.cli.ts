/**
 * `node ice-gather.cli.js '<RTCConfiguration JSON>'`: gathers ICE candidates with node-datachannel
 * through webrtc-polyfill, as the seeder node does, and prints one JSON line `{candidates, errors, ms}`.
 * Gathering counts as done at the `icegatheringstatechange` event to `complete` (webrtc-polyfill's
 * `iceGatheringState` already reads `complete` before the last candidates' events are dispatched).
 */
interface PolyfillPc extends EventTarget {
  iceGatheringState: string;
  onicecandidate: ((e: { candidate: { candidate: string } | null }) => void) | null;
  createDataChannel(label: string): unknown;
  createOffer(): Promise<unknown>;
  setLocalDescription(d: unknown): Promise<void>;
  close(): void;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
  const specifier = 'webrtc-polyfill';
  const { RTCPeerConnection } = (await import(specifier)) as { RTCPeerConnection: new (c: unknown) => PolyfillPc };
  const t0 = Date.now();
  const pc = new RTCPeerConnection(config);
  const candidates: string[] = [];
  pc.onicecandidate = (e) => {
    if (e.candidate) candidates.push(e.candidate.candidate);
  };
  const complete = new Promise<void>((resolve) => {
    const t = setTimeout(resolve, 8000);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') {
        clearTimeout(t);
        resolve();
      }
    });
  });
  pc.createDataChannel('probe');
  await pc.setLocalDescription(await pc.createOffer());
  await complete;
  await new Promise((r) => setTimeout(r, 100));
  console.log(JSON.stringify({ candidates, errors: [], ms: Date.now() - t0 }));
  pc.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
