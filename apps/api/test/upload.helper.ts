import { readFile } from 'node:fs/promises';
import * as tus from 'tus-js-client';
import { ApiClient } from './api.client';

export interface UploadOptions {
  title?: string;
  filename?: string;
  /** More tus Upload-Metadata (description, tags, visibility, category). */
  metadata?: Record<string, string>;
  chunkSize?: number;
  /** Called after each chunk; return false to stop the upload there (an interrupted upload). */
  onChunk?: (sent: number, total: number) => boolean | void;
}

export interface UploadOutcome {
  videoId: string | null;
  url: string | null;
  /** Set when the server refused the upload. */
  error?: { status: number; body: string };
}

/** Uploads a file through the api's tus endpoint, as the web page does. */
export async function tusUpload(
  client: ApiClient,
  path: string,
  opts: UploadOptions & { resumeUrl?: string } = {},
): Promise<UploadOutcome> {
  const data = await readFile(path);
  return new Promise((resolve) => {
    let videoId: string | null = null;
    let stopped = false;
    const upload = new tus.Upload(data, {
      // When resuming, no endpoint: a refused resume must fail, not quietly start a new upload.
      ...(opts.resumeUrl ? { uploadUrl: opts.resumeUrl } : { endpoint: `${client.url}/api/uploads/` }),
      headers: client.token ? { Authorization: `Bearer ${client.token}` } : {},
      metadata: { filename: opts.filename ?? 'clip.mp4', ...(opts.title ? { title: opts.title } : {}), ...opts.metadata },
      chunkSize: opts.chunkSize ?? 4 * 1024 * 1024,
      retryDelays: [],
      onAfterResponse: (_req, res) => {
        const id = res.getHeader('Wetube-Video-Id');
        if (id) videoId = id;
      },
      onChunkComplete: (_size, sent, total) => {
        if (opts.onChunk?.(sent, total) === false && sent < total) {
          stopped = true;
          void upload.abort().then(() => resolve({ videoId: null, url: upload.url }));
        }
      },
      onError: (err) => {
        const res = (err as tus.DetailedError).originalResponse;
        resolve({ videoId: null, url: upload.url, error: { status: res?.getStatus() ?? 0, body: res?.getBody() ?? err.message } });
      },
      onSuccess: () => {
        if (!stopped) resolve({ videoId, url: upload.url });
      },
    });
    upload.start();
  });
}

/** Polls the owner's view of a video until its status is one of `statuses`. */
export async function waitForStatus(client: ApiClient, id: string, statuses: string[], timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: any = null;
  while (Date.now() < deadline) {
    const r = await client.gql(
      `query($id: ID!) { video(id: $id) { id title status progress failureReason durationSec width height masterUrl posterUrl storyboardUrl visibility renditions { name width height bandwidth codecs } } }`,
      { id },
    );
    last = r.data?.video;
    if (last && statuses.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`video ${id} did not reach ${statuses.join('/')} in time; last: ${JSON.stringify(last)}`);
}
