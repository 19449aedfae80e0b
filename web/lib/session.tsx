'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, gql, rest, setApiUrl } from './api';
import { graphql } from './gql';
import type { MeQuery } from './gql/graphql';

const ME_QUERY = graphql(`
  query Me {
    me {
      id
      displayName
      email
      roles
    }
  }
`);

/** The signed-in user. */
export type Me = NonNullable<MeQuery['me']>;

interface SessionState {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  /** Set when the API could not be reached / answered with an error. */
  error: string | null;
  apiUrl: string;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  // Make the runtime API URL available to non-React helpers before any effect runs.
  setApiUrl(apiUrl);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      const data = await gql(ME_QUERY);
      setMe(data.me);
      setError(null);
      return data.me;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
        setMe(null);
        setError(null);
        return null;
      }
      setMe(null);
      setError(e instanceof Error ? e.message : String(e));
      return null;
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await rest('/api/auth/logout', { method: 'POST' });
    } finally {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ me, error, apiUrl, refresh, signOut }), [me, error, apiUrl, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}
