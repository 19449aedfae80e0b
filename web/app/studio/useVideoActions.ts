'use client';

import { useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { StudioVideo, StudioVideoPatch } from './studio-video';

const DELETE = graphql(`
  mutation DeleteVideo($id: ID!) {
    deleteVideo(id: $id) {
      deletedVideoId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RETRY = graphql(`
  mutation RetryVideo($id: ID!) {
    retryVideo(id: $id) {
      video {
        id
        status
        progress
        failureReason
        canRetry
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * A studio row's actions: Delete (after the browser's confirm) and Retry of a failed upload. Their
 * failures share one message under the row (`error`).
 */
export function useVideoActions(video: StudioVideo, onChange: (v: StudioVideoPatch) => void, onDeleted: (id: string) => void) {
  const [deleting, setDeleting] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onDelete() {
    if (!window.confirm(`Delete "${video.title}"? This cannot be undone.`)) return;
    setDeleting(true);
    setError(null);
    try {
      const data = await gql(DELETE, { id: video.id });
      if (data.deleteVideo.userErrors.length > 0) {
        setError(data.deleteVideo.userErrors.map((u) => u.message).join(' '));
      } else {
        onDeleted(video.id);
        return;
      }
    } catch (err) {
      setError(errorMessage(err));
    }
    setDeleting(false);
  }

  async function onRetry() {
    setRetrying(true);
    setError(null);
    try {
      const data = await gql(RETRY, { id: video.id });
      if (data.retryVideo.userErrors.length > 0) setError(data.retryVideo.userErrors.map((u) => u.message).join(' '));
      else if (data.retryVideo.video) onChange(data.retryVideo.video);
    } catch (err) {
      setError(errorMessage(err));
    }
    setRetrying(false);
  }

  return { deleting, retrying, error, onDelete, onRetry };
}
