/**
 * Opens one section of this game's Build panel from elsewhere in the game (free play's checklist):
 * the panel is shown if it was folded (wide) or closed (a sheet, narrow) through its own top-bar button,
 * the section opens with its top in view, and its first field takes the focus. Everything is looked up
 * inside the game's root, never another game's on the same page.
 */
import type { PanelId } from '../../levels/types.ts';
import { scrollToTop } from '../dom.ts';

export function openBuildSection(from: Element, id: PanelId): boolean {
  const root = from.closest<HTMLElement>('.nozama');
  const panel = root?.querySelector<HTMLElement>('[data-role="build-panel"]');
  const section = panel?.querySelector<HTMLDetailsElement>(`details[data-section="${id}"]`);
  if (!root || !panel || !section) return false;
  const toggle = root.querySelector<HTMLButtonElement>(`button[data-drawer][aria-controls="${panel.id}"]`);
  if (toggle && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  section.hidden = false;
  section.open = true;
  scrollToTop(section, panel);
  section.querySelector<HTMLElement>('select, input, button:not(summary *)')?.focus({ preventScroll: true });
  return true;
}
