/**
 * The seeder's one GraphQL transport to the api (Node): a POST of `{ query, variables }` with the
 * caller's headers and a timeout. Every way the api can fail to answer throws an Error whose
 * message names the URL; GraphQL errors throw a GraphqlError with their `extensions.code`s.
 */

/** The api answered with GraphQL errors (e.g. UNAUTHENTICATED), as opposed to not answering. */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = 'GraphqlError';
  }
}

export interface GraphqlPostOptions {
  headers?: Record<string, string>;
  /** Aborts the call (a timeout, a shutdown); the transport's own error says it could not reach the api. */
  signal: AbortSignal;
  fetchImpl?: typeof fetch;
  /** An HTTP 5xx throws `POST <url>: HTTP <status>` before its body is read as GraphQL. */
  rejectServerErrors?: boolean;
}

/** POSTs the document to `<apiUrl>/graphql`; resolves with `data` (possibly missing: the caller checks its shape). */
export async function postGraphql<TData>(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown>,
  opts: GraphqlPostOptions,
): Promise<{ data: TData | null | undefined; status: number; url: string }> {
  const url = `${apiUrl}/graphql`;
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetchImpl ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      body: JSON.stringify({ query, variables }),
      signal: opts.signal,
    });
    text = await res.text();
  } catch (err) {
    throw new Error(`cannot reach ${url}: ${(err as Error).message}`);
  }
  if (opts.rejectServerErrors && res.status >= 500) throw new Error(`POST ${url}: HTTP ${res.status}`);
  let body: { data?: TData | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`POST ${url}: HTTP ${res.status}, not GraphQL: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    throw new GraphqlError(
      `GraphQL: ${body.errors.map((e) => e.message).join('; ')}`,
      body.errors.map((e) => e.extensions?.code ?? ''),
    );
  }
  return { data: body.data, status: res.status, url };
}
