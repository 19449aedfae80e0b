import { CaptionError } from './caption-cue';

const SHAPE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const MAX_TAG = 35;
export const CAPTION_MAX_LABEL = 60;

/**
 * A BCP 47 language tag in its canonical form (`pt-br` → `pt-BR`, `iw` → `he`), checked by the
 * runtime's ICU (`Intl.getCanonicalLocales`) and with a primary language ICU knows by name. Only
 * letters, digits and `-` remain, so the tag is also safe in a path and a playlist. Throws a
 * {@link CaptionError} on the `language` field.
 */
export function canonicalLanguage(raw: string): string {
  const tag = (raw ?? '').trim();
  const bad = (why: string) =>
    new CaptionError(
      'CAPTION_BAD_LANGUAGE',
      `"${tag.slice(0, 40)}" is not a language tag (${why}); use a BCP 47 tag such as en, pt-BR or zh-Hant.`,
      'language',
    );
  if (!tag)
    throw new CaptionError('CAPTION_BAD_LANGUAGE', 'The language is missing; use a BCP 47 tag such as en, pt-BR or zh-Hant.', 'language');
  if (tag.length > MAX_TAG || !SHAPE.test(tag)) throw bad('letters, digits and "-" only, starting with a 2 or 3 letter language');
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    throw bad('malformed');
  }
  if (!canonical || !/^[A-Za-z0-9-]+$/.test(canonical)) throw bad('malformed');
  const primary = canonical.split('-')[0];
  if (!new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primary)) throw bad(`unknown language "${primary}"`);
  return canonical;
}

/** The language's own name for itself ("Deutsch", "português (Brasil)"), first letter upper case; English name as a fallback. */
export function defaultCaptionLabel(language: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(language);
  } catch {
    name = undefined;
  }
  name ??= new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** The label a viewer sees in the CC menu: trimmed, 1..60 characters, no line breaks, control characters or double quotes. */
export function cleanCaptionLabel(raw: string | null | undefined, language: string): string {
  const label = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!label) return defaultCaptionLabel(language);
  if (/[\u0000-\u001f\u007f"]/.test(label)) {
    throw new CaptionError('CAPTION_BAD_LABEL', 'The label cannot contain double quotes or control characters.', 'label');
  }
  if ([...label].length > CAPTION_MAX_LABEL) {
    throw new CaptionError(
      'CAPTION_BAD_LABEL',
      `The label is ${[...label].length} characters; at most ${CAPTION_MAX_LABEL} are allowed.`,
      'label',
    );
  }
  return label;
}
