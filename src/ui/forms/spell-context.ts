/**
 * What every part of the wizard's tower shares: the store, the spell and incantation the player chose
 * above the parts, the chosen spell's record, the Rosetta mode now, and `after` (re-render the tower
 * after a call). Also the spells and editions of the world, in order.
 */
import type { LambdaFunction } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import type { Outcome } from '../call-form.ts';
import { type Option, pick } from '../dom.ts';

export interface SpellContext {
  store: GameStore;
  /** The chosen spell's name (FunctionName). */
  spell(): string;
  /** The chosen incantation's name (alias Name). */
  incantation(): string;
  /** The chosen spell's record, if it exists. */
  fn(): LambdaFunction | undefined;
  mode(): NameMode;
  /** Re-renders the tower after a call. */
  after(): void;
}

/** A part of the tower: its root, and a refresh with the chosen spell's editions as choices. */
export interface SpellPart {
  root: HTMLElement;
  refresh(editions: readonly Option[], none: string): void;
}

export function spellsOf({ sim, ui }: Here): LambdaFunction[] {
  return Object.values(sim.lambda.functions)
    .filter((f) => f.region === ui.region)
    .sort((a, b) => a.FunctionName.localeCompare(b.FunctionName));
}

export const versionsOf = (fn: LambdaFunction | undefined): string[] =>
  fn ? Object.keys(fn.versions).sort((a, b) => Number(a) - Number(b)) : [];

/** A success in both vocabularies, worded in the context's mode. */
export function okOutcome(ctx: SpellContext, text: [string, string]): Outcome {
  return { tone: 'ok', text: pick(...text, ctx.mode()) };
}
