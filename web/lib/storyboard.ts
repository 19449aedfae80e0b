export interface StoryboardCue {
  start: number;
  end: number;
  url: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function parseTimestamp(ts: string): number {
  // hh:mm:ss.mmm or mm:ss.mmm
  const parts = ts.trim().split(':');
  let sec = 0;
  for (const p of parts) sec = sec * 60 + parseFloat(p.replace(',', '.'));
  return sec;
}

/** Parses a storyboard WebVTT: cues whose text is `sprite.jpg#xywh=x,y,w,h` (URL relative to the VTT). */
export function parseStoryboardVtt(text: string, vttUrl: string): StoryboardCue[] {
  const cues: StoryboardCue[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const timeIdx = lines.findIndex((l) => l.includes('-->'));
    if (timeIdx < 0) continue;
    const [a, b] = lines[timeIdx].split('-->');
    const payload = lines[timeIdx + 1]?.trim();
    if (!payload) continue;
    const [rawUrl, hash = ''] = payload.split('#');
    const m = /xywh=(\d+),(\d+),(\d+),(\d+)/.exec(hash);
    let url: string;
    try {
      url = new URL(rawUrl, vttUrl).toString();
    } catch {
      continue;
    }
    const end = parseTimestamp(b.trim().split(/\s+/)[0]);
    cues.push({
      start: parseTimestamp(a),
      end,
      url,
      x: m ? Number(m[1]) : 0,
      y: m ? Number(m[2]) : 0,
      w: m ? Number(m[3]) : 160,
      h: m ? Number(m[4]) : 90,
    });
  }
  return cues.sort((p, q) => p.start - q.start);
}

export function cueAt(cues: StoryboardCue[], t: number): StoryboardCue | null {
  if (cues.length === 0) return null;
  let lo = 0;
  let hi = cues.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cues[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return cues[lo];
}
