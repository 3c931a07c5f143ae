/**
 * Mounts the DOM panels around the canvas: the Rosetta switch, the narrow-screen drawers, the Build
 * panel, the Inspector and the Chronicle. Returns one function that unbinds them all.
 */
import type { GameStore } from '../store/create-game-store.ts';
import { bindBuildPanel } from './build-panel.ts';
import { bindChronicle } from './chronicle.ts';
import { bindConsoleToggle } from './console-toggle.ts';
import { bindDrawers } from './drawers.ts';
import { bindInspector } from './inspector.ts';
import { bindRosettaSwitch } from './rosetta-switch.ts';

function required<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the page has no ${selector}`);
  return el;
}

export function bindPanels(root: HTMLElement, store: GameStore): () => void {
  const offs = [
    bindRosettaSwitch(root, store),
    bindDrawers(root),
    bindBuildPanel(required(root, '[data-role="build"]'), store),
    bindInspector(required(root, '[data-role="inspector"]'), store),
    bindChronicle(required(root, '[data-role="chronicle"]'), store),
    bindConsoleToggle(root, store),
  ];
  return () => {
    for (const off of offs) off();
  };
}
