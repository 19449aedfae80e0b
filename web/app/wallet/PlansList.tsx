'use client';

import { useRef, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { formatClc, toMinor } from '@/lib/money';
import { BUY_PLAN_MUTATION, newIdempotencyKey, type Entitlement, type Plan, type Wallet } from '@/lib/payments';

type Outcome =
  { planId: string; tone: 'ok'; text: string } | { planId: string; tone: 'error'; text: string; code: string | null; retry: boolean };

/** The ad-free plan catalog. One idempotency key per Buy click; "Try again" after a failed request resends that same key. */
export function PlansList({
  plans,
  balance,
  onBought,
}: {
  plans: Plan[];
  balance: string;
  onBought: (wallet: Wallet | null, entitlement?: Entitlement) => void;
}) {
  const attempt = useRef<{ planId: string; key: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function send(plan: Plan, key: string) {
    setBusy(plan.id);
    setOutcome(null);
    try {
      const { buyPlan } = await gql(BUY_PLAN_MUTATION, { input: { planId: plan.id, idempotencyKey: key } });
      attempt.current = null; // the server answered: this click is settled either way
      if (buyPlan.userErrors.length > 0) {
        const first = buyPlan.userErrors[0];
        let text = buyPlan.userErrors.map((e) => e.message).join(' ');
        if (first.code === 'INSUFFICIENT_FUNDS') {
          const short = toMinor(plan.price) - toMinor(balance);
          text = `Not enough Cloudcoin: ${plan.name} costs ${formatClc(plan.price)} and your balance is ${formatClc(balance)}${short > 0n ? ` (${formatClc(short)} short)` : ''}.`;
        }
        setOutcome({ planId: plan.id, tone: 'error', text, code: first.code, retry: false });
        return;
      }
      const until = buyPlan.entitlement?.expiresAt ?? buyPlan.wallet?.adFreeUntil ?? null;
      setOutcome({ planId: plan.id, tone: 'ok', text: `Bought ${plan.name}.${until ? ` Ad-free until ${formatDateTime(until)}.` : ''}` });
      onBought(buyPlan.wallet, buyPlan.entitlement ?? undefined);
    } catch (e) {
      // Unknown whether the purchase went through: keep the key so a retry cannot charge twice.
      setOutcome({ planId: plan.id, tone: 'error', text: errorMessage(e), code: null, retry: true });
    } finally {
      setBusy(null);
    }
  }

  function onBuy(plan: Plan) {
    const key = newIdempotencyKey();
    attempt.current = { planId: plan.id, key };
    void send(plan, key);
  }

  function onRetry(plan: Plan) {
    const a = attempt.current;
    if (a && a.planId === plan.id) void send(plan, a.key);
    else onBuy(plan);
  }

  return (
    <div className="panel wallet__plans">
      <h2 className="section-title">Ad-free plans</h2>
      {plans.length === 0 ? (
        <p className="muted">No plans on sale right now.</p>
      ) : (
        <ul className="plans">
          {plans.map((plan) => {
            const o = outcome?.planId === plan.id ? outcome : null;
            return (
              <li key={plan.id} className="plan" data-testid={`plan-${plan.id}`}>
                <div className="plan__info">
                  <strong>{plan.name}</strong>
                  <span className="muted small">
                    {plan.periodDays} day{plan.periodDays === 1 ? '' : 's'} without ads
                  </span>
                </div>
                <span className="plan__price">{formatClc(plan.price)}</span>
                <button
                  type="button"
                  className="btn btn--primary btn--small"
                  onClick={() => onBuy(plan)}
                  disabled={busy !== null}
                  aria-label={`Buy ${plan.name} for ${formatClc(plan.price)}`}
                  data-testid={`buy-plan-${plan.id}`}
                >
                  {busy === plan.id ? 'Buying…' : 'Buy'}
                </button>
                {o && (
                  <div className="plan__outcome" role={o.tone === 'error' ? 'alert' : 'status'} data-testid="buy-plan-result">
                    {o.tone === 'ok' ? (
                      <p className="saved">{o.text}</p>
                    ) : (
                      <p className="field__error field__error--big" data-code={o.code ?? undefined}>
                        {o.text}{' '}
                        {o.retry && (
                          <button type="button" className="btn btn--small" onClick={() => onRetry(plan)} disabled={busy !== null}>
                            Try again
                          </button>
                        )}
                      </p>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
