/**
 * Mounts the DOM panels around the canvas: the Rosetta switch, the panels' fold and sheet buttons,
 * the Build panel, the Inspector and the Chronicle. A new selection (on the canvas or in a list)
 * shows the Inspector (unfolded on a wide game, its sheet on a narrow one), where the player's
 * attention just went; a level's start shows a narrow game's level sheet, with the brief. Returns one
 * function that unbinds them all.
 */
import type { GameStore } from '../store/create-game-store.ts';
import { bindBuildPanel } from './build-panel.ts';
import { bindChronicle } from './chronicle.ts';
import { bindConsoleToggle } from './console-toggle.ts';
import { bindDrawers } from './drawers.ts';
import { bindGlossary } from './glossary.ts';
import { bindInspector } from './inspector.ts';
import { bindRosettaSwitch } from './rosetta-switch.ts';
import { bindWheelGuard } from './wheel-guard.ts';

function required<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the page has no ${selector}`);
  return el;
}

export function bindPanels(root: HTMLElement, store: GameStore): () => void {
  const drawers = bindDrawers(root);
  const inspectorPanel = required(root, '[data-role="inspector-panel"]');
  const levelSheet = required(root, '[data-role="level-sheet"]');
  const offs = [
    bindRosettaSwitch(root, store),
    bindWheelGuard(root),
    bindGlossary(root),
    () => drawers.destroy(),
    bindBuildPanel(required(root, '[data-role="build"]'), store),
    bindInspector(required(root, '[data-role="inspector"]'), store),
    bindChronicle(required(root, '[data-role="chronicle"]'), store),
    bindConsoleToggle(root, store),
    store.subscribe(
      (s) => s.ui.selection,
      (sel) => {
        if (sel) drawers.reveal(inspectorPanel.id);
      },
    ),
    store.subscribe(
      (s) => s.level?.id,
      (id) => {
        if (id) drawers.reveal(levelSheet.id);
      },
      { fireImmediately: true },
    ),
  ];
  return () => {
    for (const off of offs) off();
  };
}
