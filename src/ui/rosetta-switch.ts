/**
 * The Rosetta switch in the top bar: a three-way toggle (Nozama / AWS / both) made of radio buttons,
 * so arrow keys move between the modes. It sets store.ui.names; every panel follows, and the game's root
 * carries the mode (`data-names`) for styles.
 */
import type { GameStore, NameMode } from '../store/create-game-store.ts';

const MODES: readonly NameMode[] = ['nozama', 'aws', 'both'];

function isMode(v: string): v is NameMode {
  return (MODES as readonly string[]).includes(v);
}

export function bindRosettaSwitch(root: HTMLElement, store: GameStore): () => void {
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[data-role="rosetta"]')];
  const onChange = (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement).value;
    if (isMode(v)) store.getState().setNames(v);
  };
  for (const r of radios) r.addEventListener('change', onChange);
  const render = () => {
    const mode = store.getState().ui.names;
    for (const r of radios) r.checked = r.value === mode;
    root.dataset.names = mode;
  };
  const off = store.subscribe((s) => s.ui.names, render);
  render();
  return () => {
    off();
    for (const r of radios) r.removeEventListener('change', onChange);
  };
}
