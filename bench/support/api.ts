import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient } from '../../apps/api/test/api.client';
import { startApi, TestApi } from '../../apps/api/test/api.harness';
import { tusUpload, waitForStatus } from '../../apps/api/test/upload.helper';

export { ApiClient, startApi, tusUpload, waitForStatus };
export type { TestApi };

/** Boots the real api in this process (as the api tests do): SQLite, in-process queue, random port. */
export async function bootApi(env: Record<string, string> = {}): Promise<{ api: TestApi; client: ApiClient }> {
  const api = await startApi('sqlite', env);
  const client = new ApiClient(api.url);
  await client.signUp('Bench');
  return { api, client };
}

/** Segment files of every rendition of a published video: `<rendition>/seg_XXXXX.m4s`, in order. */
export async function segmentPaths(videoDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(videoDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const files = (await readdir(join(videoDir, entry.name))).filter((f) => /^seg_\d{5}\.m4s$/.test(f)).sort();
    for (const f of files) out.push(`${entry.name}/${f}`);
  }
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { arg } from './cli';
