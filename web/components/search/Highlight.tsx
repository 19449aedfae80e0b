import { highlightParts, type MatchTerms, type TextPart } from '@/lib/search/highlight';

/**
 * Text with the matched words in <mark>: the parts are rendered as text (React escapes them), so a
 * title or description can never inject markup.
 */
export function Highlight({ text, terms, parts }: { text?: string; terms?: MatchTerms; parts?: TextPart[] }) {
  const list = parts ?? (text !== undefined && terms ? highlightParts(text, terms) : [{ text: text ?? '', match: false }]);
  return (
    <>
      {list.map((p, i) =>
        p.match ? (
          <mark key={i} className="hl">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
