/**
 * Pictures sent to the API as the request body (channel avatar and banner, covers, thumbnails,
 * album and show artwork), with upload progress; the server's refusal comes back as its message.
 */
import { getApiUrl } from './api';

/** The most bytes a cover, thumbnail or artwork may have (the API's COVER_MAX_BYTES). */
export const COVER_MAX_BYTES = 10_000_000;

/** POSTs the picture to `path` (e.g. `/api/videos/<id>/cover`); resolves to the JSON answer. */
export function sendPicture<T = Record<string, unknown>>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${getApiUrl()}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new Error(messageOf(body) || `Upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('Cannot reach the WeTube API right now. Please try again in a moment.'));
    xhr.send(file);
  });
}

/** DELETEs the uploaded picture at `path`; resolves to the JSON answer. */
export async function removePicture<T = Record<string, unknown>>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${getApiUrl()}${path}`, { method: 'DELETE', credentials: 'include' });
  } catch {
    throw new Error('Cannot reach the WeTube API right now. Please try again in a moment.');
  }
  const body = parse(await res.text());
  if (!res.ok) throw new Error(messageOf(body) || `Could not remove it (HTTP ${res.status}).`);
  return body as T;
}

function parse(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function messageOf(body: Record<string, unknown>): string | undefined {
  const m = body.message;
  return Array.isArray(m) ? String(m[0]) : typeof m === 'string' ? m : undefined;
}
