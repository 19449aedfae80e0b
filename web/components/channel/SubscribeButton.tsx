'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { SUBSCRIBE, UNSUBSCRIBE } from '@/lib/channels';
import { useSession } from '@/lib/session';
import styles from './channel.module.css';

export interface SubscribeState {
  subscribed: boolean;
  subscriberCount: number;
}

/** Subscribe / Subscribed (click to unsubscribe); signed out: a link to sign in; the owner sees none. */
export function SubscribeButton({
  handle,
  isOwner,
  state,
  onChange,
}: {
  handle: string;
  isOwner: boolean;
  state: SubscribeState;
  onChange: (s: SubscribeState) => void;
}) {
  const { me } = useSession();
  const pathname = usePathname() ?? '/';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (isOwner) return null;
  if (me === null) {
    return (
      <Link href={`/signin?next=${encodeURIComponent(pathname)}`} className="btn btn--primary" data-testid="subscribe-signin">
        Subscribe
      </Link>
    );
  }

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      if (state.subscribed) {
        const r = await gql(UNSUBSCRIBE, { handle });
        const c = r.unsubscribe.channel;
        if (r.unsubscribe.userErrors.length) setError(r.unsubscribe.userErrors[0].message);
        else if (c) onChange({ subscribed: c.viewerIsSubscribed, subscriberCount: c.subscriberCount });
      } else {
        const r = await gql(SUBSCRIBE, { handle });
        const c = r.subscribe.channel;
        if (r.subscribe.userErrors.length) setError(r.subscribe.userErrors[0].message);
        else if (c) onChange({ subscribed: c.viewerIsSubscribed, subscriberCount: c.subscriberCount });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className={styles.subscribe}>
      <button
        type="button"
        className={state.subscribed ? 'btn' : 'btn btn--primary'}
        aria-pressed={state.subscribed}
        disabled={busy || me === undefined}
        onClick={() => void toggle()}
        data-testid="subscribe-button"
        title={state.subscribed ? 'Unsubscribe' : undefined}
      >
        {state.subscribed ? 'Subscribed' : 'Subscribe'}
      </button>
      {error && (
        <span role="alert" className="field__error">
          {error}
        </span>
      )}
    </span>
  );
}
