import { MAX_REDEEM_BATCH, REDEEM_RECEIPTS_MUTATION, type RedeemReceiptsPayload } from '@wetube/swarm';
import { postGraphql } from './graphql.client';

export { MAX_REDEEM_BATCH, REDEEM_RECEIPTS_MUTATION, type ReceiptRedemption, type RedeemReceiptsPayload } from '@wetube/swarm';

/** The api call the redeemer needs (a fake in tests). */
export interface RedeemApi {
  /** Sends ≤ 500 receipt messages (base64url of `encodeReceiptMessage`). Throws when the api does not answer with a payload. */
  redeemReceipts(receipts: string[], signal?: AbortSignal): Promise<RedeemReceiptsPayload>;
}

const TIMEOUT_MS = 30_000;
const STATUSES = new Set(['PAID', 'NOTHING_NEW', 'REFUSED']);
const AMOUNT = /^-?\d+$/;

type Fetch = typeof fetch;

/**
 * `redeemReceipts` over HTTP with the seeder's bearer token. Every way the api can fail to answer
 * (unreachable, timeout, HTTP 5xx, not GraphQL, GraphQL errors such as UNAUTHENTICATED, a payload of
 * the wrong shape) throws: the caller keeps the receipts and tries again later.
 */
export class RedeemClient implements RedeemApi {
  constructor(
    readonly apiUrl: string,
    private readonly token: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  async redeemReceipts(receipts: string[], signal?: AbortSignal): Promise<RedeemReceiptsPayload> {
    if (receipts.length > MAX_REDEEM_BATCH) throw new Error(`at most ${MAX_REDEEM_BATCH} receipts per call (got ${receipts.length})`);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const r = await postGraphql<{ redeemReceipts?: unknown }>(
      this.apiUrl,
      REDEEM_RECEIPTS_MUTATION,
      { input: { receipts } },
      {
        headers: { authorization: `Bearer ${this.token}` },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        fetchImpl: this.fetchImpl,
        rejectServerErrors: true,
      },
    );
    const payload = r.data?.redeemReceipts;
    if (!isPayload(payload)) throw new Error(`POST ${r.url}: HTTP ${r.status}, redeemReceipts answered without a well-formed payload`);
    return payload;
  }
}

function isPayload(p: unknown): p is RedeemReceiptsPayload {
  if (!p || typeof p !== 'object') return false;
  const o = p as Record<string, unknown>;
  if (!Array.isArray(o.results) || !Array.isArray(o.userErrors) || typeof o.totalPaid !== 'string' || !AMOUNT.test(o.totalPaid))
    return false;
  return o.results.every((r: unknown) => {
    const x = r as Record<string, unknown> | null;
    return (
      !!x &&
      Number.isInteger(x.index) &&
      STATUSES.has(x.status as string) &&
      Number.isInteger(x.segments) &&
      typeof x.amount === 'string' &&
      AMOUNT.test(x.amount) &&
      (x.sessionId === null || typeof x.sessionId === 'string') &&
      (x.code === null || x.code === undefined || typeof x.code === 'string')
    );
  });
}
