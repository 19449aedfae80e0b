'use client';

import { useEffect, useState } from 'react';
import { errorMessage, rest } from '@/lib/api';

export interface UploadConfig {
  maxUploadBytes: number;
  maxDurationSec: number;
}

/** The server's upload limits (GET /api/config), or why they could not be loaded. */
export function useUploadConfig(): { config: UploadConfig | null; configError: string | null } {
  const [config, setConfig] = useState<UploadConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    rest<UploadConfig>('/api/config')
      .then((c) => {
        if (!cancelled) setConfig(c);
      })
      .catch((e) => {
        if (!cancelled) setConfigError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return { config, configError };
}
