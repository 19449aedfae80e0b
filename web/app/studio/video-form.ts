import { formatOffset } from '@/lib/midrolls';
import type { UserError } from '@/lib/payments';
import type { Visibility } from '@/lib/types';
import type { StudioVideo } from './studio-video';
import type { MidrollsValue } from './MidrollsField';

/** The studio edit form's fields (also the names the server's userErrors paths use). */
export type FormField = 'title' | 'description' | 'tags' | 'visibility' | 'category' | 'midrolls';
const FORM_FIELDS: FormField[] = ['title', 'description', 'tags', 'visibility', 'category', 'midrolls'];

/** The edit form's text fields as typed. */
export interface VideoForm {
  title: string;
  description: string;
  tags: string;
  visibility: Visibility;
  category: string;
}

export const formOf = (v: Pick<StudioVideo, 'title' | 'description' | 'tags' | 'visibility' | 'category'>): VideoForm => ({
  title: v.title,
  description: v.description ?? '',
  tags: v.tags.join(', '),
  visibility: v.visibility,
  category: v.category ?? '',
});

export const midrollsOf = (v: Pick<StudioVideo, 'midrolls' | 'midrollsAreDefault'>): MidrollsValue => ({
  useDefault: v.midrollsAreDefault ?? true,
  text: v.midrollsAreDefault === false ? (v.midrolls ?? []).map(formatOffset).join(', ') : '',
});

/** The form field a server error names (the last one in its path), or null for the form as a whole. */
export function fieldOf(err: UserError): FormField | null {
  const path = err.field ?? [];
  for (let i = path.length - 1; i >= 0; i--) {
    const f = FORM_FIELDS.find((k) => k === path[i]);
    if (f) return f;
  }
  return null;
}

/** "a, b, A" → ["a", "b"]: trimmed, empty and case-insensitive duplicates dropped. */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw.split(',')) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}
