'use client';

import { useState, type FormEvent } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { parseMidrolls } from '@/lib/midrolls';
import { graphql } from '@/lib/gql';
import type { StudioVideo, StudioVideoPatch } from './studio-video';
import type { MidrollsValue } from './MidrollsField';
import { audioTagsInput, fieldOf, formOf, midrollsOf, parseTags, type FormField, type VideoForm } from './video-form';

const UPDATE = graphql(`
  mutation UpdateVideo($input: UpdateVideoInput!) {
    updateVideo(input: $input) {
      video {
        id
        title
        description
        tags
        visibility
        category
        midrolls
        midrollsAreDefault
        kind
        audio {
          artist
          album
          genre
          trackNumber
          year
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AUDIO_TAGS = graphql(`
  query StudioAudioTags($id: ID!) {
    video(id: $id) {
      id
      kind
      audio {
        artist
        album
        genre
        trackNumber
        year
      }
    }
  }
`);

/**
 * The studio's edit form of one video: the fields as typed, the mid-rolls, and saving them
 * (`updateVideo`; mid-rolls only for a READY video). The server's errors go under the field their
 * path names, the rest above Save.
 */
export function useVideoEditForm(video: StudioVideo, onChange: (v: StudioVideoPatch) => void) {
  const [form, setForm] = useState<VideoForm>(() => formOf(video));
  const [midrolls, setMidrolls] = useState<MidrollsValue>(() => midrollsOf(video));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  function set<K extends keyof VideoForm>(k: K, v: VideoForm[K]) {
    setForm((f) => ({ ...f, [k]: v }));
    setSaved(false);
    if (errors[k as FormField]) setErrors((e) => ({ ...e, [k]: undefined }));
  }

  function changeMidrolls(v: MidrollsValue) {
    setMidrolls(v);
    setSaved(false);
    if (errors.midrolls) setErrors((e) => ({ ...e, midrolls: undefined }));
  }

  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setFormError(null);
    setSaved(false);
    const points = midrolls.useDefault ? null : parseMidrolls(midrolls.text);
    if (points && !points.ok) {
      setErrors({ midrolls: points.error });
      setSaving(false);
      return;
    }
    try {
      const data = await gql(UPDATE, {
        input: {
          id: video.id,
          title: form.title.trim(),
          description: form.description,
          tags: parseTags(form.tags),
          visibility: form.visibility,
          category: form.category,
          ...(form.audio ? { audioTags: audioTagsInput(form.audio) } : {}),
          ...(video.status !== 'READY' ? {} : points ? { midrolls: points.value } : { defaultMidrolls: true }),
        },
      });
      const { video: updated, userErrors } = data.updateVideo;
      if (userErrors.length > 0) {
        const byField: Partial<Record<FormField, string>> = {};
        const general: string[] = [];
        for (const ue of userErrors) {
          const f = fieldOf(ue);
          if (f && !byField[f]) byField[f] = ue.message;
          else general.push(ue.message);
        }
        setErrors(byField);
        if (general.length) setFormError(general.join(' '));
      } else if (updated) {
        onChange(updated);
        setForm(formOf(updated));
        setMidrolls(midrollsOf(updated));
        setSaved(true);
      }
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const [audioLoading, setAudioLoading] = useState(false);
  /**
   * An audio item's tags, loaded when its form is first opened (the studio's list query does not
   * carry them: it stays under the query cost limit). Until then no tag is sent, so nothing is cleared.
   */
  async function loadAudio() {
    if (video.kind !== 'AUDIO' || form.audio || audioLoading) return;
    setAudioLoading(true);
    try {
      const data = await gql(AUDIO_TAGS, { id: video.id });
      const v = data.video;
      if (v) setForm((f) => ({ ...f, audio: formOf({ ...video, kind: v.kind, audio: v.audio }).audio }));
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setAudioLoading(false);
    }
  }

  function setAudio(k: keyof NonNullable<VideoForm['audio']>, v: string) {
    setForm((f) => (f.audio ? { ...f, audio: { ...f.audio, [k]: v } } : f));
    setSaved(false);
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  }

  return { form, set, setAudio, loadAudio, midrolls, changeMidrolls, errors, formError, saved, saving, onSave };
}
