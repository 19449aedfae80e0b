import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { buildNatLab, destroyNatLab, natLabUnavailable, type NatKind, type NatLabSpec } from './nat-lab';
import { checkNatLab } from './nat-lab-check';

/** Set in the re-run inside the lab's public namespace: the lab (JSON NatLabSpec). */
export const NAT_LAB_ENV = 'WETUBE_NAT_LAB';

/** Inside the lab's public namespace: the lab the outer run made, else null. */
export function natLabFromEnv(): NatLabSpec | null {
  const raw = process.env[NAT_LAB_ENV];
  return raw ? (JSON.parse(raw) as NatLabSpec) : null;
}

let labs: NatLabSpec[] = [];
let hooked = false;
/** However this process ends (a failed test, an exception, a signal), the lab's namespaces and processes go. */
function destroyOnExit(spec: NatLabSpec): void {
  labs.push(spec);
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const l of labs) destroyNatLab(l);
    labs = [];
  });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.once(sig, () => process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGHUP' ? 1 : 15)));
}

/** Builds a lab (after checking what it needs), checks it, and destroys it with this process at the latest. */
export async function withNatLab<T>(
  nats: NatKind[],
  opts: { turn?: boolean; chromium?: boolean },
  body: (lab: NatLabSpec) => Promise<T>,
): Promise<T> {
  const missing = natLabUnavailable(opts);
  if (missing) throw new Error(`cannot build the NAT lab: this machine lacks ${missing}`);
  const lab = buildNatLab(nats);
  destroyOnExit(lab);
  try {
    await checkNatLab(lab);
    return await body(lab);
  } finally {
    destroyNatLab(lab);
    labs = labs.filter((l) => l !== lab);
  }
}

/** Runs `node <args…>` inside the lab's public namespace, with the lab in NAT_LAB_ENV; resolves with its exit code. */
export function runNodeInPublicNs(lab: NatLabSpec, args: string[], timeoutMs: number): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, [NAT_LAB_ENV]: JSON.stringify(lab) };
  delete env.NODE_TEST_CONTEXT; // a child that inherits it skips its tests
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', lab.pub, process.execPath, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const t = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the run inside the NAT lab did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(t);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * Outside the lab: one test that builds the lab (homes behind `nats`), checks it, re-runs `file` in
 * its public namespace and passes when that run does; the lab is destroyed afterwards whatever
 * happened. Returns true when the caller is already inside and should declare its real tests.
 * A machine that cannot build the lab fails in seconds, naming what is missing.
 */
export function runsInsideNatLab(title: string, file: string, nats: NatKind[], totalMs: number, opts: { turn?: boolean } = {}): boolean {
  if (natLabFromEnv()) return true;
  describe(`${title} (in a NAT lab of network namespaces)`, () => {
    it(
      `runs inside a public namespace with ${nats.length} homes behind ${nats.join(' and ')} NATs`,
      { timeout: totalMs + 30_000 },
      async () => {
        await withNatLab(nats, opts, async (lab) => {
          assert.equal(
            await runNodeInPublicNs(lab, ['--test', '--test-reporter=spec', file], totalMs + 10_000),
            0,
            'the test inside the NAT lab failed (see its output above)',
          );
        });
      },
    );
  });
  return false;
}
