import { accessSync, constants } from 'node:fs';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, delimiter, join } from 'node:path';

/**
 * How MediaRepository makes sure no encoder outlives the worker that started it (Linux):
 *
 * (a) ffmpeg dies with its parent: it is started through util-linux's `setpriv --pdeathsig KILL`,
 *     which sets PR_SET_DEATHSIG and then execs ffmpeg (same pid), so the kernel SIGKILLs the
 *     encoder when the node process dies, even by SIGKILL. Without `setpriv` on PATH (not Linux,
 *     a slim image) ffmpeg starts bare and only (b) applies.
 * (b) while an encoder runs, its run folder holds `.encoder-<pid>.json` (encoder pid, owner pid,
 *     host). The next start of a worker on that host ends every recorded encoder whose owner is
 *     gone (the encoder is no longer the owner's child) and that still is an ffmpeg writing into
 *     that folder (checked in /proc/<pid>/cmdline), before the dead runs' folders are removed.
 */

/** `FFMPEG_DIE_WITH_PARENT=0` turns (a) off: a test hook to prove (b) alone; on by default. */
export function dieWithParentEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(0|false|off|no)$/i.test((env.FFMPEG_DIE_WITH_PARENT ?? '').trim());
}

let setprivPath: string | null | undefined;

/** Absolute path of `setpriv` on PATH (Linux only), looked up once; null when there is none. */
export function findSetpriv(): string | null {
  if (setprivPath !== undefined) return setprivPath;
  setprivPath = null;
  if (process.platform !== 'linux') return null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, 'setpriv'), constants.X_OK);
      return (setprivPath = join(dir, 'setpriv'));
    } catch {
      /* not here */
    }
  }
  return null;
}

/** The command that runs `ffmpeg args` so it gets SIGKILL when this process dies (when possible). */
export function encoderCommand(ffmpeg: string, args: string[]): { command: string; args: string[] } {
  const setpriv = dieWithParentEnabled() ? findSetpriv() : null;
  if (!setpriv) return { command: ffmpeg, args };
  return { command: setpriv, args: ['--pdeathsig', 'KILL', '--', ffmpeg, ...args] };
}

export const ENCODER_FILE = /^\.encoder-(\d+)\.json$/;

export interface EncoderRecord {
  /** The ffmpeg process. */
  pid: number;
  /** The worker process that started it. */
  ownerPid: number;
  host: string;
  /** The run folder ffmpeg writes into. */
  runDir: string;
  startedAt: string;
}

export function encoderFile(runDir: string, pid: number): string {
  return join(runDir, `.encoder-${pid}.json`);
}

export async function writeEncoderRecord(runDir: string, pid: number): Promise<string> {
  const file = encoderFile(runDir, pid);
  const record: EncoderRecord = { pid, ownerPid: process.pid, host: hostname(), runDir, startedAt: new Date().toISOString() };
  // Written aside and renamed in, so a reader never sees half a record.
  await writeFile(`${file}.part`, JSON.stringify(record) + '\n', 'utf8');
  await rename(`${file}.part`, file);
  return file;
}

interface ProcState {
  state: string;
  ppid: number;
  argv: string[];
}

/** State, parent pid and argv of a live process from /proc; null when it is gone or a zombie. */
export async function readProc(pid: number): Promise<ProcState | null> {
  if (!Number.isInteger(pid) || pid <= 1) return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = rest[0];
    if (state === 'Z' || state === 'X') return null;
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    return { state, ppid: Number(rest[1]), argv };
  } catch {
    return null;
  }
}

/** argv is an ffmpeg (by the basename of FFMPEG_PATH or `ffmpeg`) with runDir in its arguments. */
export function isEncoderOf(argv: string[], runDir: string, ffmpeg: string): boolean {
  const names = new Set([basename(ffmpeg), 'ffmpeg']);
  const binAt = argv.findIndex((a) => names.has(basename(a)));
  if (binAt < 0) return false;
  // Only the program itself, or setpriv wrapping it (before its exec), may come before.
  if (binAt > 0 && basename(argv[0]) !== 'setpriv') return false;
  const dir = runDir.replace(/\/+$/, '');
  return argv.slice(binAt + 1).some((a) => a === dir || a.includes(`${dir}/`));
}

export interface OrphanEncoder {
  pid: number;
  ownerPid: number;
  runDir: string;
}

/**
 * Ends the encoders dead runs under `tmpRoot` (one folder per run) left running on this host:
 * a recorded encoder is killed only when it is alive, no longer the child of the worker that
 * started it (that worker died), and still an ffmpeg writing into that run's folder. Stale
 * records are deleted. Returns the encoders it ended, once they are really gone.
 */
export async function endOrphanEncoders(tmpRoot: string, ffmpeg: string, waitMs = 5000): Promise<OrphanEncoder[]> {
  const ended: OrphanEncoder[] = [];
  const runs = await readdir(tmpRoot, { withFileTypes: true }).catch(() => []);
  for (const run of runs) {
    if (!run.isDirectory()) continue;
    const runDir = join(tmpRoot, run.name);
    const files = (await readdir(runDir).catch(() => [] as string[])).filter((f) => ENCODER_FILE.test(f));
    for (const file of files) {
      let record: EncoderRecord;
      try {
        record = JSON.parse(await readFile(join(runDir, file), 'utf8')) as EncoderRecord;
      } catch {
        continue; // being written, or not ours
      }
      if (record.host !== hostname()) continue;
      const proc = await readProc(record.pid);
      if (proc && proc.ppid === record.ownerPid) continue; // its worker is alive and running it
      if (proc && isEncoderOf(proc.argv, runDir, ffmpeg)) {
        try {
          process.kill(record.pid, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
        await waitGone(record.pid, waitMs);
        ended.push({ pid: record.pid, ownerPid: record.ownerPid, runDir });
      }
      await rm(join(runDir, file), { force: true });
    }
  }
  return ended;
}

async function waitGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await readProc(pid))) await new Promise((r) => setTimeout(r, 25));
}
