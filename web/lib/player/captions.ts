/**
 * The player's captions, the pure part: a cue's WebVTT text as the plain words to show (rendered by
 * React as text, never as HTML), and which track a remembered language choice picks. Browser-safe.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

/** WebVTT cue text → plain text: tags (`<i>`, `<v Roger>`, `<00:01.000>`) dropped, character references decoded. */
export function cuePlainText(vtt: string): string {
  return vtt.replace(/<[^>\n]*>/g, '').replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

export interface CaptionTrackOption {
  /** hls.js's subtitle track index. */
  index: number;
  label: string;
  /** BCP 47 */
  language: string;
}

/** What the viewer chose last time in this browser: a language, or 'off'. */
export type CaptionChoice = string;
export const CAPTIONS_OFF = 'off';
export const CAPTION_CHOICE_KEY = 'wetube.captions';

/**
 * The track a remembered choice picks: the same language tag, else the first track of the same
 * primary language (a viewer who chose `pt-BR` gets `pt` on a video that has only that); -1 for
 * 'off', no choice, or no such language.
 */
export function pickCaptionTrack(tracks: CaptionTrackOption[], choice: CaptionChoice | null): number {
  if (!choice || choice === CAPTIONS_OFF) return -1;
  const want = choice.toLowerCase();
  const exact = tracks.find((t) => t.language.toLowerCase() === want);
  if (exact) return exact.index;
  const primary = want.split('-')[0];
  return tracks.find((t) => t.language.toLowerCase().split('-')[0] === primary)?.index ?? -1;
}
