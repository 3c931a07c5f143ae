/**
 * How the page fits a screen: whether it needs scrolling (document.scrollingElement.scrollHeight
 * against innerHeight) and which labelled text a player reads to act is cut off (an element whose
 * scrollWidth exceeds its clientWidth). Shared by the laptop sizes (layout.spec.ts) and the tablet and
 * phone sizes (small-screens.spec.ts).
 */
import type { Page } from '@playwright/test';
import { frames } from './helpers.ts';

/** Text a player reads to act: labels, legends, titles, buttons, hints, goals. */
const LABELLED = [
  '.panel :is(label, legend, summary, h2, h3, h4, button, dt, .hint, .goal-text, .section-title)',
  '.top-bar :is(button, .rosetta-option span, .breadcrumb li, .clock-value)',
  '.chronicle :is(button, h2)',
  '.sheet-bar button',
  'dialog[open] :is(h2, h3, button)',
].join(', ');

export interface Fit {
  scrollHeight: number;
  scrollWidth: number;
  innerHeight: number;
  innerWidth: number;
  cut: string[];
}

/** How the page fits: its scroll size, and every labelled element whose text overflows its box. */
export async function measureFit(page: Page): Promise<Fit> {
  // The panels render once per frame: measure what the player sees after the click.
  await frames(page, 2);
  return page.evaluate((selector) => {
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('.visually-hidden') || !el.checkVisibility()) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        cut.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 50)}" in ${el.closest('[data-section]')?.getAttribute('data-section') ?? el.closest('[id]')?.id}`,
        );
    }
    const scroller = document.scrollingElement;
    return {
      scrollHeight: scroller?.scrollHeight ?? 0,
      scrollWidth: scroller?.scrollWidth ?? 0,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      cut,
    };
  }, LABELLED);
}
