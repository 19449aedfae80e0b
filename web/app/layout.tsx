import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SessionProvider } from '@/lib/session';
import { Header } from '@/components/Header';
import { ListenProvider } from '@/components/listen/ListenProvider';
import './globals.css';

// The API URL is runtime configuration: read it per request, never at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'WeTube', template: '%s · WeTube' },
  description: 'Watch and share videos on WeTube.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#ffffff',
};

function apiUrlFromEnv(): string {
  const raw = process.env.WETUBE_API_URL?.trim();
  return (raw && raw.length > 0 ? raw : 'http://localhost:4000').replace(/\/+$/, '');
}

export default function RootLayout({ children }: { children: ReactNode }) {
  const apiUrl = apiUrlFromEnv();
  const boot = `window.__WETUBE__=${JSON.stringify({ apiUrl }).replace(/</g, '\\u003c')};`;
  return (
    <html lang="en">
      <head>
        <script id="wetube-config" dangerouslySetInnerHTML={{ __html: boot }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SessionProvider apiUrl={apiUrl}>
          {/* Listening (audio items) goes on from page to page: the provider keeps the <audio> element. */}
          <ListenProvider>
            <Header />
            <main id="main" className="main">
              {children}
            </main>
          </ListenProvider>
        </SessionProvider>
      </body>
    </html>
  );
}
