'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { ACCOUNT_LABEL, kindLabel } from '@/lib/ledger-kinds';
import { formatClc, toMinor } from '@/lib/money';
import { TRANSACTIONS_QUERY, type LedgerTransaction } from '@/lib/payments';
import { LoadStatus } from '@/components/LoadStatus';

const PAGE = 20;

/** Ledger history, newest first, with "Load more". Starts over from the first page whenever `version` changes. */
export function TransactionHistory({ version }: { version: number }) {
  const [rows, setRows] = useState<LedgerTransaction[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const lastAfter = useRef<string | null>(null);

  const load = useCallback(async (after: string | null) => {
    const id = ++request.current;
    lastAfter.current = after;
    setLoading(true);
    setError(null);
    try {
      const { transactions } = await gql(TRANSACTIONS_QUERY, { first: PAGE, after });
      if (id !== request.current) return; // a newer request (a reload after a payment) wins
      const nodes = transactions.edges.map((e) => e.node);
      setRows((prev) => {
        if (!after || !prev) return nodes;
        const seen = new Set(prev.map((r) => r.id));
        return [...prev, ...nodes.filter((r) => !seen.has(r.id))];
      });
      setCursor(transactions.pageInfo.endCursor);
      setHasNext(transactions.pageInfo.hasNextPage);
    } catch (e) {
      if (id === request.current) setError(errorMessage(e));
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [version, load]);

  return (
    <div className="panel wallet__history">
      <h2 className="section-title">History</h2>
      <LoadStatus what="your transactions" error={error} loading={rows === null} onRetry={() => void load(lastAfter.current)} />
      {rows && rows.length === 0 && <p className="muted">No transactions yet.</p>}
      {rows && rows.length > 0 && (
        <table className="tx-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col" className="tx-table__amount">
                Amount
              </th>
              <th scope="col">Memo</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tx) => {
              const negative = toMinor(tx.amount) < 0n;
              return (
                <tr key={tx.id} data-testid="tx-row" data-kind={tx.kind} data-account={tx.account} data-amount={tx.amount}>
                  <td className="tx-table__date">
                    <time dateTime={tx.createdAt}>{formatDateTime(tx.createdAt)}</time>
                  </td>
                  <td>
                    {kindLabel(tx)}
                    {tx.account !== 'WALLET' && <span className="badge tx-table__account">{ACCOUNT_LABEL[tx.account] ?? tx.account}</span>}
                  </td>
                  <td className={`tx-table__amount ${negative ? 'tx-table__amount--out' : 'tx-table__amount--in'}`}>
                    {formatClc(tx.amount, { signed: true })}
                  </td>
                  <td className="tx-table__memo">{tx.memo ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows && hasNext && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading} data-testid="tx-load-more">
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
