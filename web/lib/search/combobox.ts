/**
 * The search box's suggestion list, as the WAI-ARIA combobox pattern (list autocomplete, manual
 * selection) moves through it: the focus stays in the box and `active` (-1: none, the box's own
 * text) names the option Enter picks. Down from the last option and Up from the first come back to
 * the box's text; Up from the text goes to the last option.
 */
export function nextActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count <= 0) return -1;
  if (key === 'ArrowDown') return active >= count - 1 ? -1 : active + 1;
  if (active === -1) return count - 1;
  return active - 1;
}

/** The longest text the box sends for suggestions (the api answers longer prefixes with an error, not titles). */
export const MAX_SUGGEST_CHARS = 200;

/** The text to ask suggestions for, or null when there is nothing worth asking (blank or too long). */
export function suggestionPrefix(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trimStart();
  if (t.trim() === '' || t.length > MAX_SUGGEST_CHARS) return null;
  return t;
}
