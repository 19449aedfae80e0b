/** The longest comment, in characters (after trimming). */
export const COMMENT_MAX_CHARS = 10_000;

export type BodyCheck = { ok: true; body: string } | { ok: false; code: 'BODY_EMPTY' | 'BODY_TOO_LONG'; message: string };

/**
 * A comment's text as stored: plain text (never HTML; the web renders it as text), line breaks as
 * `\n` (at most two blank lines in a row), control characters other than newlines and tabs
 * removed, trimmed; 1–10,000 characters (code points) after that.
 */
export function cleanCommentBody(raw: string): BodyCheck {
  const body = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
  if (body.length === 0) return { ok: false, code: 'BODY_EMPTY', message: 'Write something first: the comment is empty.' };
  const chars = [...body].length;
  if (chars > COMMENT_MAX_CHARS) {
    return {
      ok: false,
      code: 'BODY_TOO_LONG',
      message: `A comment can be at most ${COMMENT_MAX_CHARS.toLocaleString('en-US')} characters; this one has ${chars.toLocaleString('en-US')}.`,
    };
  }
  return { ok: true, body };
}
