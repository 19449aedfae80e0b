import path from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The npm workspace root (one level up) holds node_modules and the lockfile.
  turbopack: { root: path.resolve(process.cwd(), '..') },
  outputFileTracingRoot: path.resolve(process.cwd(), '..'),
  // Channels live at /@handle (app/channel/[handle]).
  async rewrites() {
    return [{ source: '/@:handle', destination: '/channel/:handle' }];
  },
};

export default nextConfig;
