import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../platform.harness';

/** What one RTCPeerConnection gathered: candidate lines and `icecandidateerror`s (Chromium only). */
export interface Gathered {
  candidates: string[];
  errors: { code: number; text: string; url: string }[];
  ms: number;
}

export type GatherConfig = {
  iceServers: { urls: string | string[]; username?: string | null; credential?: string | null }[];
  iceTransportPolicy?: 'all' | 'relay';
};

/** The `typ` of each candidate line (host, srflx, prflx, relay) with its address, e.g. `relay 203.0.113.1`. */
export const kinds = (g: Gathered): string[] =>
  g.candidates.map((c) => {
    const f = c.replace(/^a=/, '').split(' ');
    return `${f[7]} ${f[4]}`;
  });

/** Gathers in a Chromium page (one data channel, offer, setLocalDescription) until gathering completes (≤ 8 s). */
export function gatherInPage(page: Page, config: GatherConfig): Promise<Gathered> {
  return page.evaluate(async (cfg) => {
    const g = globalThis as any;
    const t0 = Date.now();
    const pc = new g.RTCPeerConnection(cfg);
    const candidates: string[] = [];
    const errors: { code: number; text: string; url: string }[] = [];
    pc.onicecandidate = (e: any) => e.candidate && candidates.push(e.candidate.candidate);
    pc.onicecandidateerror = (e: any) => errors.push({ code: e.errorCode, text: e.errorText, url: e.url });
    pc.createDataChannel('probe');
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 8000);
      pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && (clearTimeout(t), resolve());
    });
    pc.close();
    return { candidates, errors, ms: Date.now() - t0 };
  }, config);
}

/**
 * Gathers with node-datachannel through webrtc-polyfill (the seeder's WebRTC stack) in a process
 * inside namespace `ns`: e2e/support/ice-gather.cli.ts.
 */
export function gatherInNode(ns: string, config: GatherConfig): Promise<Gathered> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, join(__dirname, 'ice-gather.cli.js'), JSON.stringify(config)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(t);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`ice-gather.cli in ${ns} exited with ${code}: ${out} ${err}`));
      resolve(JSON.parse(line) as Gathered);
    });
  });
}
