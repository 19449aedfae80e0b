import type { Page } from 'playwright-core';

// Functions passed to page.evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

export interface Overlap {
  a: string;
  b: string;
  /** The overlapping rectangle's size in CSS pixels. */
  w: number;
  h: number;
}

/**
 * Inside the element `selector` names: for every element, its visible children taken pairwise must
 * not intersect, each child counted with everything it draws (its descendants' boxes too, so a
 * label spilling out of its fieldset over the next one counts). Also lists elements reaching past
 * the viewport's right edge. Returns the problems (empty when the layout is clean).
 */
export async function overlapsIn(
  page: Page,
  selector: string,
): Promise<{ overlaps: Overlap[]; offscreen: string[]; checkedPairs: number }> {
  return page.evaluate((sel: string) => {
    const root = document.querySelector(sel);
    if (!root) throw new Error(`no element ${sel}`);
    const visible = (el: any) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && cs.display !== 'none' && el.tagName !== 'OPTION';
    };
    const name = (el: any) => {
      const id = el.getAttribute('data-testid') || el.getAttribute('name') || el.id || '';
      const text = (el.textContent || '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}${id ? `[${id}]` : ''} "${text}"`;
    };
    const extent = (el: any) => {
      const r = el.getBoundingClientRect();
      let { left, top, right, bottom } = r;
      const clips = getComputedStyle(el).overflow !== 'visible';
      if (!clips) {
        for (const d of el.querySelectorAll('*')) {
          if (!visible(d)) continue;
          const b = d.getBoundingClientRect();
          left = Math.min(left, b.left);
          top = Math.min(top, b.top);
          right = Math.max(right, b.right);
          bottom = Math.max(bottom, b.bottom);
        }
      }
      return { left, top, right, bottom };
    };
    const overlaps: { a: string; b: string; w: number; h: number }[] = [];
    const offscreen: string[] = [];
    let checkedPairs = 0;
    const all = [root, ...root.querySelectorAll('*')].filter(visible);
    for (const el of all) {
      if (el.getBoundingClientRect().right > window.innerWidth + 0.5) offscreen.push(name(el));
      const kids = [...el.children].filter(visible);
      const boxes = kids.map(extent);
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          checkedPairs++;
          const a = boxes[i];
          const b = boxes[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 0.5 && h > 0.5) overlaps.push({ a: name(kids[i]), b: name(kids[j]), w: Math.round(w), h: Math.round(h) });
        }
      }
    }
    return { overlaps, offscreen, checkedPairs };
  }, selector);
}

/** Whether the element is visible and its whole box lies inside the viewport. */
export async function inViewport(page: Page, selector: string): Promise<{ ok: boolean; box: unknown }> {
  const loc = page.locator(selector).first();
  if (!(await loc.isVisible())) return { ok: false, box: 'not visible' };
  const box = await loc.boundingBox();
  const vp = page.viewportSize()!;
  const ok = !!box && box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= vp.width + 0.5 && box.y + box.height <= vp.height + 0.5;
  return { ok, box };
}
