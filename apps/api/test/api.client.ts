/** A small client for tests: GraphQL and REST calls with a bearer token. */
export class ApiClient {
  token: string | null = null;

  constructor(readonly url: string) {}

  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as never;
  }

  async rest(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** Registers a fresh account and keeps its token. */
  async signUp(name = 'Tester', accountType?: string): Promise<{ id: string; email: string }> {
    const email = `${name.toLowerCase().replace(/\W/g, '')}.${Math.random().toString(36).slice(2, 8)}@example.com`;
    const r = await this.rest('POST', '/api/auth/register', { email, password: 'correct horse battery', displayName: name, accountType });
    if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.token = r.body.token;
    return { id: r.body.user.id, email };
  }
}
