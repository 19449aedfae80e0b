'use client';

/** Runtime API base URL, handed over by the root layout (server) to the browser. */
declare global {
  interface Window {
    __WETUBE__?: { apiUrl: string };
    __wetubeHls?: unknown;
  }
}

const DEFAULT_API = 'http://localhost:4000';
let configured: string | null = null;

export function setApiUrl(url: string): void {
  configured = url.replace(/\/+$/, '');
}

export function getApiUrl(): string {
  if (configured) return configured;
  if (typeof window !== 'undefined' && window.__WETUBE__?.apiUrl) {
    return window.__WETUBE__.apiUrl.replace(/\/+$/, '');
  }
  return DEFAULT_API;
}

export class ApiError extends Error {
  constructor(
    message: string,
    public readonly code: string = 'ERROR',
    public readonly status?: number,
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE_MESSAGE = 'Cannot reach the WeTube API right now. Please try again in a moment.';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Small typed GraphQL helper: plain fetch, cookie auth. Throws ApiError (code = extensions.code). */
export async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${getApiUrl()}/graphql`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(UNREACHABLE_MESSAGE, 'NETWORK');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The API answered with an unexpected response (HTTP ${res.status}).`, 'BAD_RESPONSE', res.status);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? 'ERROR', res.status);
  }
  if (!body.data) throw new ApiError('The API returned no data.', 'BAD_RESPONSE', res.status);
  return body.data;
}

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length > 0) return firstString(v[0]);
  return undefined;
}

/** JSON REST call to /api/*; throws ApiError with the API's {message, field}. */
export async function rest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${getApiUrl()}${path}`, {
      method: init.method ?? 'GET',
      credentials: 'include',
      headers: init.body !== undefined ? { 'content-type': 'application/json' } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(UNREACHABLE_MESSAGE, 'NETWORK');
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const obj = (json ?? {}) as Record<string, unknown>;
    const message = firstString(obj.message) ?? `Request failed (HTTP ${res.status}).`;
    const field = firstString(obj.field);
    throw new ApiError(message, res.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR', res.status, field);
  }
  return json as T;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
