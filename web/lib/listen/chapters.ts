/** The listen page's chapters list (Video.chapters, from the description's timestamp lines), as maths. */

export interface ChapterMark {
  startSec: number;
  title: string;
}

/** The index of the chapter playing at `time` (the last one started), -1 before the first or without chapters. */
export function chapterAt(chapters: readonly ChapterMark[], time: number): number {
  let at = -1;
  for (let i = 0; i < chapters.length; i++) {
    if (chapters[i].startSec <= time + 1e-6) at = i;
    else break;
  }
  return at;
}
