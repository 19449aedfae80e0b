import type { Metadata } from 'next';
import { AuthForm } from '@/components/AuthForm';
import { safeNext } from '@/lib/format';

export const metadata: Metadata = { title: 'Register' };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  return <AuthForm mode="register" next={safeNext(sp.next)} />;
}
