/**
 * Cue text as WebVTT markup that shows the file's words as words: WebVTT's own tags are kept (a
 * browser renders them as styling, never as HTML), everything else that looks like markup — a
 * `<script>`, an `<img onerror=…>`, a stray `<` or `&` — is escaped, so it is displayed as typed.
 * Pure.
 */

/** WebVTT cue-text tags (W3C WebVTT §4.2.2). */
export const VTT_TAGS: ReadonlySet<string> = new Set(['c', 'i', 'b', 'u', 'v', 'lang', 'ruby', 'rt']);
/** What SRT files use and WebVTT has: <i>, <b>, <u>. `<font …>` is dropped; other tags are text. */
export const SRT_TAGS: ReadonlySet<string> = new Set(['i', 'b', 'u']);

const TAG = /^<(\/?)([A-Za-z]+)((?:\.[A-Za-z0-9_-]+)*)(?:[ \t]([^<>\n]*))?>/;
const TIMESTAMP_TAG = /^<(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}>/;
const ENTITY = /^&(?:amp|lt|gt|lrm|rlm|nbsp|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/;
/** SRT/ASS position codes such as `{\an8}`: not text, not WebVTT. */
const ASS_OVERRIDE = /\{\\[^{}\n]*\}/g;

export interface CueTextOptions {
  /** Tags kept as markup. */
  tags: ReadonlySet<string>;
  /** WebVTT input: keep character references (`&amp;`) and timestamp tags. SRT: plain text. */
  vtt: boolean;
}

export function cleanCueText(raw: string, options: CueTextOptions): string {
  const text = options.vtt ? raw : raw.replace(ASS_OVERRIDE, '');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '<') {
      const rest = text.slice(i, i + 300);
      const tag = TAG.exec(rest);
      if (tag && options.tags.has(tag[2].toLowerCase())) {
        // Kept as the tag it is (lower case name; classes and annotation as given, minus markup characters).
        const [, slash, name, classes, annotation] = tag;
        out += slash ? `</${name.toLowerCase()}>` : `<${name.toLowerCase()}${classes}${annotation ? ' ' + escapeText(annotation) : ''}>`;
        i += tag[0].length;
        continue;
      }
      if (tag && !options.vtt && tag[2].toLowerCase() === 'font') {
        i += tag[0].length; // SRT colour: dropped
        continue;
      }
      const stamp = options.vtt ? TIMESTAMP_TAG.exec(rest) : null;
      if (stamp) {
        out += stamp[0];
        i += stamp[0].length;
        continue;
      }
      out += '&lt;';
    } else if (ch === '>') {
      out += '&gt;';
    } else if (ch === '&') {
      const entity = options.vtt ? ENTITY.exec(text.slice(i, i + 12)) : null;
      if (entity) {
        out += entity[0];
        i += entity[0].length;
        continue;
      }
      out += '&amp;';
    } else {
      out += ch;
    }
    i++;
  }
  return out;
}

/** `&`, `<` and `>` as character references. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
