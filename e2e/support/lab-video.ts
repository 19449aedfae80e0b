import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClip } from '@wetube/testing';
import { ApiClient } from '../../apps/api/test/api.client';
import { tusUpload, waitForStatus } from '../../apps/api/test/upload.helper';

/**
 * A creator uploads a test clip (tus, as the upload page does) and waits for it to be READY; returns
 * its id. The P2P share a viewer can reach is bounded by the segments it must fetch over HTTP before
 * its peers are up (the 4 s HTTP window and the wire's set-up): the 20 s sample leaves peers ~60 % at
 * best, a longer clip shows what the NAT paths carry. 640x360 transcodes to one rung (fast).
 */
export async function uploadTestVideo(
  api: string,
  o: { durationSec: number; width?: number; height?: number; title?: string },
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wetube-clip-'));
  try {
    const path = await generateClip({
      path: join(dir, 'clip.mp4'),
      durationSec: o.durationSec,
      width: o.width ?? 640,
      height: o.height ?? 360,
    });
    const client = new ApiClient(api);
    await client.signUp('Lab Creator');
    const up = await tusUpload(client, path, { title: o.title ?? `NAT lab clip ${o.durationSec} s` });
    if (!up.videoId) throw new Error(`the upload failed: ${JSON.stringify(up.error)}`);
    await waitForStatus(client, up.videoId, ['READY'], 180_000);
    return up.videoId;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
