import type { StoryboardPlan } from './media.types';

export interface StoryboardVttInput {
  durationSec: number;
  plan: StoryboardPlan;
  /** Sprite file names in order, e.g. ["storyboard_000.jpg"]. */
  sprites: string[];
}

function timestamp(sec: number): string {
  const ms = Math.round(sec * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * storyboard.vtt: one cue per `intervalSec`, each pointing at its tile in a sprite
 * (`storyboard_000.jpg#xywh=x,y,w,h`). Tiles fill a sprite row by row. Pure.
 */
export function buildStoryboardVtt({ durationSec, plan, sprites }: StoryboardVttInput): string {
  const perSprite = plan.columns * plan.rows;
  const available = sprites.length * perSprite;
  const count = Math.min(Math.ceil(durationSec / plan.intervalSec - 1e-6), available);
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < count; i++) {
    const start = i * plan.intervalSec;
    const end = Math.min((i + 1) * plan.intervalSec, durationSec);
    const tile = i % perSprite;
    const x = (tile % plan.columns) * plan.thumbWidth;
    const y = Math.floor(tile / plan.columns) * plan.thumbHeight;
    lines.push(
      `${timestamp(start)} --> ${timestamp(end)}`,
      `${sprites[Math.floor(i / perSprite)]}#xywh=${x},${y},${plan.thumbWidth},${plan.thumbHeight}`,
      '',
    );
  }
  return lines.join('\n');
}
