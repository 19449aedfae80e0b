import type { Visibility } from '@/lib/video-fragments';

/** What the creator sets on the upload page besides the file; sent as tus Upload-Metadata. */
export interface UploadDetails {
  title: string;
  description: string;
  /** Comma separated, as typed. */
  tags: string;
  visibility: Visibility;
  /** "" for none. */
  category: string;
}

export type UploadDetailField = keyof UploadDetails;

/** The API's default (a new upload is public unless the creator picks otherwise). */
export const DEFAULT_VISIBILITY: Visibility = 'PUBLIC';

export const blankDetails = (): UploadDetails => ({ title: '', description: '', tags: '', visibility: DEFAULT_VISIBILITY, category: '' });

/** The tus metadata for these details: empty values left out (the server then keeps its defaults). */
export function detailsMetadata(d: UploadDetails): Record<string, string> {
  const out: Record<string, string> = { title: d.title, visibility: d.visibility };
  if (d.description.trim()) out.description = d.description;
  if (d.tags.trim()) out.tags = d.tags;
  if (d.category) out.category = d.category;
  return out;
}
