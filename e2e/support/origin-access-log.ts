import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Line {
  time: string;
  method: string;
  path: string;
  status: number;
  bytes: number | null;
}

/**
 * Content bytes (init segments and media segments of `videoId`) the origin logged as sent between
 * `from` and `to` (ms since epoch), from its access log in `<dataDir>/logs/origin-access.log`.
 */
export async function originContentBytes(
  dataDir: string,
  videoId: string,
  from: number,
  to: number,
): Promise<{ bytes: number; requests: number }> {
  const text = await readFile(join(dataDir, 'logs', 'origin-access.log'), 'utf8').catch(() => '');
  const content = new RegExp(`^/hls/${videoId}/[^/]+/(init\\.mp4|seg_\\d+\\.m4s)$`);
  let bytes = 0;
  let requests = 0;
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    const l = JSON.parse(raw) as Line;
    const t = Date.parse(l.time);
    if (t < from || t > to || l.method !== 'GET' || !content.test(l.path)) continue;
    requests++;
    bytes += l.bytes ?? 0;
  }
  return { bytes, requests };
}
