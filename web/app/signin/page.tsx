import type { Metadata } from 'next';
import { AuthForm } from '@/components/AuthForm';
import { safeNext } from '@/lib/format';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  return <AuthForm mode="signin" next={safeNext(sp.next)} />;
}
