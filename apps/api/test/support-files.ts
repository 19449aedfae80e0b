import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './api.client';

/** A scratch folder for source files of one test file. */
export async function scratchDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `wetube-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Entries of a folder ([] when it does not exist). */
export async function list(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

export function storage(dataDir: string) {
  const root = join(dataDir, 'storage');
  return {
    root,
    uploads: join(root, 'uploads'),
    originals: join(root, 'originals'),
    tmp: join(root, 'tmp'),
    videos: join(root, 'videos'),
    videoDir: (id: string) => join(root, 'videos', id),
    original: (id: string) => join(root, 'originals', id),
  };
}

/** Polls `check` until it returns true (or throws with `what` after `timeoutMs`). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for: ${what}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Ids of the public listing (first 100). */
export async function publicVideoIds(client: ApiClient): Promise<string[]> {
  const r = await client.gql<{ videos: { edges: { node: { id: string } }[] } }>(`{ videos(first: 100) { edges { node { id } } } }`);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.videos.edges.map((e) => e.node.id);
}

/** The owner's view of one of their videos. */
export async function myVideo(client: ApiClient, id: string): Promise<any> {
  const r = await client.gql(`query($id: ID!) { video(id: $id) { id status progress failureReason masterUrl } }`, { id });
  return r.data?.video ?? null;
}
