'use client';

import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage, getApiUrl, gql, UNREACHABLE_MESSAGE } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { StudioCaptionsQuery } from '@/lib/gql/graphql';

const CAPTIONS = graphql(`
  query StudioCaptions($id: ID!) {
    video(id: $id) {
      id
      captions {
        language
        label
        url
        cueCount
        sourceFormat
        updatedAt
      }
    }
  }
`);

const DELETE_CAPTION = graphql(`
  mutation DeleteCaption($videoId: ID!, $language: String!) {
    deleteCaption(videoId: $videoId, language: $language) {
      deletedLanguage
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type StudioCaption = NonNullable<StudioCaptionsQuery['video']>['captions'][number];

/** The studio's caption upload form's fields that the server can refuse. */
export type CaptionField = 'file' | 'language' | 'label';

/** Sends the file as the raw body of `POST /api/videos/:id/captions/:language` (cookie auth). */
async function uploadCaption(videoId: string, language: string, label: string, file: File): Promise<void> {
  const query = label.trim() ? `?label=${encodeURIComponent(label.trim())}` : '';
  let res: Response;
  try {
    res = await fetch(`${getApiUrl()}/api/videos/${encodeURIComponent(videoId)}/captions/${encodeURIComponent(language.trim())}${query}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'text/plain' },
      body: file,
    });
  } catch {
    throw new ApiError(UNREACHABLE_MESSAGE, 'NETWORK');
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { message?: unknown; code?: unknown; field?: unknown };
  const message = typeof body.message === 'string' ? body.message : `The upload failed (HTTP ${res.status}).`;
  throw new ApiError(
    message,
    typeof body.code === 'string' ? body.code : 'HTTP_ERROR',
    res.status,
    typeof body.field === 'string' ? body.field : undefined,
  );
}

/**
 * A video's caption tracks in the studio: loaded when the panel opens, uploaded (add or replace a
 * language) and deleted; the server's refusal is kept with the field it names.
 */
export function useCaptionTracks(videoId: string, open: boolean) {
  const [tracks, setTracks] = useState<StudioCaption[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field: CaptionField | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const data = await gql(CAPTIONS, { id: videoId });
    setTracks(data.video?.captions ?? []);
  }, [videoId]);

  useEffect(() => {
    if (!open || tracks !== null) return;
    reload().catch((err) => setError({ message: errorMessage(err), field: null }));
  }, [open, tracks, reload]);

  async function upload(file: File | null, language: string, label: string): Promise<boolean> {
    setError(null);
    setDone(null);
    if (!file) {
      setError({ message: 'Choose a WebVTT (.vtt) or SRT (.srt) file.', field: 'file' });
      return false;
    }
    if (!language.trim()) {
      setError({ message: 'Enter the language of the captions, e.g. en or pt-BR.', field: 'language' });
      return false;
    }
    setBusy('upload');
    try {
      await uploadCaption(videoId, language, label, file);
      await reload();
      setDone(`Captions uploaded (${language.trim()}).`);
      return true;
    } catch (err) {
      const field = err instanceof ApiError && ['file', 'language', 'label'].includes(err.field ?? '') ? (err.field as CaptionField) : null;
      setError({ message: errorMessage(err), field });
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function remove(language: string): Promise<void> {
    setError(null);
    setDone(null);
    setBusy(language);
    try {
      const data = await gql(DELETE_CAPTION, { videoId, language });
      const problems = data.deleteCaption.userErrors;
      if (problems.length > 0) setError({ message: problems.map((u) => u.message).join(' '), field: null });
      else {
        await reload();
        setDone(`Captions deleted (${language}).`);
      }
    } catch (err) {
      setError({ message: errorMessage(err), field: null });
    } finally {
      setBusy(null);
    }
  }

  return { tracks, busy, error, done, upload, remove };
}
