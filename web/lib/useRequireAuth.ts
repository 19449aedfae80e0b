'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useSession } from './session';

/** Redirects to /signin?next=<this page> once we know nobody is signed in. */
export function useRequireAuth() {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname() ?? '/';
  const { me, error } = session;
  useEffect(() => {
    // Only redirect when the API answered "not signed in", not when it is unreachable.
    if (me === null && !error) router.replace(`/signin?next=${encodeURIComponent(pathname)}`);
  }, [me, error, pathname, router]);
  return session;
}
