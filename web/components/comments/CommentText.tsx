import { Fragment } from 'react';

/** http(s) links in a comment; anything else stays text. */
const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/gi;

/**
 * A comment's text as React text nodes (never HTML: `<script>` shows as typed), line breaks kept by
 * CSS (`white-space: pre-wrap`), and plain http(s) URLs as links that open in a new tab without
 * passing the page along (rel noopener noreferrer nofollow ugc).
 */
export function CommentText({ text, className }: { text: string; className?: string }) {
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    let href: string | undefined;
    try {
      const u = new URL(m[0]);
      if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href;
    } catch {
      href = undefined;
    }
    parts.push({ text: m[0], href });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return (
    <p className={className} data-testid="comment-body">
      {parts.map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </p>
  );
}
