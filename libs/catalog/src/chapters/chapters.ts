/**
 * Chapters from a description's timestamp lines, as YouTube reads them ("0:00 Intro", "1:02:03 – Q&A"):
 * one line per chapter, the time at the start of the line (after an optional bullet or bracket), the
 * title after it. The list counts only when it is a real table of contents: it starts at 0:00, has at
 * least three chapters, each at least 10 s long, in increasing order; otherwise there are none (a
 * description that merely mentions a time gets no chapters). Pure, no I/O.
 */

export interface Chapter {
  /** Where the chapter starts, in seconds. */
  startSec: number;
  title: string;
}

/** Fewer timestamp lines than this are not a table of contents. */
export const MIN_CHAPTERS = 3;
/** A chapter shorter than this (s) makes the list invalid, as on YouTube. */
export const MIN_CHAPTER_SEC = 10;
/** Longest title kept (characters); longer ones are cut. */
export const MAX_CHAPTER_TITLE = 100;

// "[00:00]", "(0:00)", "- 1:02:03", "• 12:34": the time, then a separator, then the title.
const LINE = /^\s*(?:[-–—•*·>]\s*)?[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2})[\])]?\s*(?:[-–—:|.)]\s*)?(.*)$/u;

/** "1:02:03" → 3723; null for minutes or seconds over 59. */
export function parseTimestamp(text: string): number | null {
  const parts = text.split(':').map(Number);
  if (parts.some((p) => !Number.isInteger(p) || p < 0)) return null;
  const [h, m, s] = parts.length === 3 ? parts : [0, parts[0], parts[1]];
  if (s > 59 || (parts.length === 3 && m > 59)) return null;
  return h * 3600 + m * 60 + s;
}

/**
 * The chapters of a description, or [] when it holds no valid table of contents. With a known
 * duration, chapters starting at or after the end are dropped and the last one must also last
 * MIN_CHAPTER_SEC.
 */
export function parseChapters(description: string, durationSec?: number | null): Chapter[] {
  const found: Chapter[] = [];
  for (const line of description.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const startSec = parseTimestamp(m[1]);
    const title = m[2].trim().slice(0, MAX_CHAPTER_TITLE).trim();
    if (startSec === null || !title) continue;
    found.push({ startSec, title });
  }
  const known = durationSec != null && Number.isFinite(durationSec) && durationSec > 0;
  const chapters = known ? found.filter((c) => c.startSec < durationSec) : found;
  if (chapters.length < MIN_CHAPTERS || chapters[0].startSec !== 0) return [];
  for (let i = 1; i < chapters.length; i++) if (chapters[i].startSec - chapters[i - 1].startSec < MIN_CHAPTER_SEC) return [];
  if (known && durationSec - chapters[chapters.length - 1].startSec < MIN_CHAPTER_SEC) return [];
  return chapters;
}

/** The chapter playing at `timeSec` (the last one started), or null before the first or with none. */
export function chapterAt(chapters: readonly Chapter[], timeSec: number): Chapter | null {
  let current: Chapter | null = null;
  for (const c of chapters) {
    if (c.startSec <= timeSec) current = c;
    else break;
  }
  return current;
}
