/**
 * The Build panel's sections for renovations and spells (registered in build-panel.ts's SECTIONS).
 */
import type { PanelId } from '../../levels/types.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import type { Component } from '../component.ts';
import { createRenovationForm } from './renovation-form.ts';
import { createSpellsForm } from './spells-form.ts';

/** One disclosure of the Build panel: its panel id, title (Nozama, AWS), the API it calls, its form. */
export interface BuildSection {
  id: PanelId;
  title: [string, string];
  action: string;
  create(store: GameStore): Component;
}

export const RENOVATION_SECTIONS: BuildSection[] = [
  {
    id: 'renovation',
    title: ['Renovate a decree', 'Deploy a new revision'],
    action: 'ecs:UpdateService · codedeploy:*',
    create: createRenovationForm,
  },
  {
    id: 'spells',
    title: ['The wizard’s tower', 'Lambda functions and aliases'],
    action: 'lambda:*',
    create: createSpellsForm,
  },
];
