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
  /** An audio file uploaded as a podcast episode (tus `podcast=true`: loudness normalized by default). */
  podcast: boolean;
}

export type UploadDetailField = keyof UploadDetails;

/** The API's default (a new upload is public unless the creator picks otherwise). */
export const DEFAULT_VISIBILITY: Visibility = 'PUBLIC';

export const blankDetails = (): UploadDetails => ({
  title: '',
  description: '',
  tags: '',
  visibility: DEFAULT_VISIBILITY,
  category: '',
  podcast: false,
});

const AUDIO_EXTENSION = /\.(mp3|m4a|aac|flac|wav|ogg|oga|opus|wma|aiff?)$/i;

/** Whether the chosen file looks like audio (its type, else its extension): the podcast checkbox shows for it. */
export function isAudioFile(file: Pick<File, 'name' | 'type'> | null): boolean {
  if (!file) return false;
  if (file.type) return file.type.startsWith('audio/');
  return AUDIO_EXTENSION.test(file.name);
}

/** The tus metadata for these details: empty values left out (the server then keeps its defaults). */
export function detailsMetadata(d: UploadDetails, file: Pick<File, 'name' | 'type'> | null = null): Record<string, string> {
  const out: Record<string, string> = { title: d.title, visibility: d.visibility };
  if (d.description.trim()) out.description = d.description;
  if (d.tags.trim()) out.tags = d.tags;
  if (d.category) out.category = d.category;
  if (d.podcast && isAudioFile(file)) out.podcast = 'true';
  return out;
}
