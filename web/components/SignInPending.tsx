/**
 * What a signed-in page (one that calls useRequireAuth) shows while nobody is signed in yet: "Loading…"
 * while the session is asked for, then "Redirecting to sign in…" (or why the session could not be checked).
 * Use: `const { me, error } = useRequireAuth(); … if (!me) return <SignInPending me={me} error={error} />;`
 */
export function SignInPending({ me, error }: { me: null | undefined; error: string | null }) {
  if (me === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  return (
    <div className="alert alert--error" role="alert">
      {error ? `Cannot check your session: ${error}` : 'Redirecting to sign in…'}
    </div>
  );
}
