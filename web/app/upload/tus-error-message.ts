import type * as tus from 'tus-js-client';

/** What to tell the uploader about a failed tus request (the server's message when it gave one). */
export function tusErrorMessage(err: Error): string {
  const res = (err as tus.DetailedError).originalResponse;
  if (res) {
    const status = res.getStatus();
    let serverMessage = '';
    try {
      const body = res.getBody();
      const parsed = body ? (JSON.parse(body) as { message?: unknown; error?: unknown }) : null;
      if (parsed && typeof parsed.message === 'string') serverMessage = parsed.message;
      else if (parsed && typeof parsed.error === 'string') serverMessage = parsed.error;
    } catch {
      serverMessage = res.getBody()?.slice(0, 200) ?? '';
    }
    if (status === 401) return 'Your session has expired. Please sign in again.';
    if (status === 403) return serverMessage || 'Your account is not allowed to upload videos.';
    if (status === 413) return serverMessage || 'This file is larger than the upload limit.';
    if (serverMessage) return serverMessage;
    return `The upload failed (HTTP ${status}).`;
  }
  if (/network|xhr|failed to fetch/i.test(err.message)) {
    return 'The connection to the server was lost. Press Resume to continue where it stopped.';
  }
  return err.message;
}

/** The field a refused tus request names (the server checks the upload's details on creation), if any. */
export function tusErrorField(err: Error): string | null {
  const res = (err as tus.DetailedError).originalResponse;
  if (!res || res.getStatus() !== 400) return null;
  try {
    const parsed = JSON.parse(res.getBody() ?? '') as { field?: unknown };
    return typeof parsed.field === 'string' ? parsed.field : null;
  } catch {
    return null;
  }
}
