/**
 * The Build panel's sections for renovations and spells (registered in build-panel.ts's SECTIONS).
 */
import type { MessageId } from '../../i18n/messages.ts';
import type { PanelId } from '../../levels/types.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import type { Component } from '../component.ts';
import { createRenovationForm } from './renovation-form.ts';
import { createSpellsForm } from './spells-form.ts';

/** One disclosure of the Build panel: its panel id, title (Nozama, AWS), the API it calls, its form. */
export interface BuildSection {
  id: PanelId;
  /** Its title, a message in both vocabularies. */
  title: MessageId;
  action: string;
  create(store: GameStore): Component;
}

export const RENOVATION_SECTIONS: BuildSection[] = [
  {
    id: 'renovation',
    title: 'build.renovation',
    action: 'ecs:UpdateService · codedeploy:*',
    create: createRenovationForm,
  },
  {
    id: 'spells',
    title: 'build.spells',
    action: 'lambda:*',
    create: createSpellsForm,
  },
];
