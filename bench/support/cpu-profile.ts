/**
 * A CPU profile of part of a bench run (this process only), through the inspector: `start()` before
 * the measured part, `stop(file)` after; writes a .cpuprofile (open in Chrome DevTools) and returns
 * the functions with the most self time.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export class CpuProfile {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  }

  /** Writes the profile to `file`; returns the top `n` by self time: "12.3 %  name  file:line". */
  async stop(file: string, n = 25): Promise<string[]> {
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples?: number[] } };
    this.session.disconnect();
    await writeFile(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, number>();
    let total = 0;
    for (const id of profile.samples ?? []) {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + 1);
      total++;
    }
    return [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${k}`);
  }
}
