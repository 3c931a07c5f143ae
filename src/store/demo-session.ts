/**
 * What an embed plays, in a store of its own: a gallery demo (a level's world with its reference
 * solution played through the clock), a level for the reader to play, a shared world (a share link),
 * or an empty sandbox with a seed. Refusals come back as messages; the store is left as it was.
 */
import { demoById } from '../levels/gallery.ts';
import { levelById } from '../levels/index.ts';
import type { GameStore } from './create-game-store.ts';
import { openLink } from './open-link.ts';

export type DemoSource =
  | { kind: 'demo'; id: string }
  | { kind: 'level'; id: string }
  | { kind: 'world'; link: string }
  | { kind: 'sandbox'; seed: number };

export type DemoStart = { ok: true } | { ok: false; message: string };

export function startDemo(store: GameStore, source: DemoSource): DemoStart {
  switch (source.kind) {
    case 'demo': {
      const demo = demoById(source.id);
      const level = demo && levelById(demo.level);
      if (!level) return { ok: false, message: `There is no demo "${source.id}" in the gallery.` };
      store.getState().startLevel(level);
      store.getState().showMe();
      return { ok: true };
    }
    case 'level': {
      const level = levelById(source.id);
      if (!level) return { ok: false, message: `There is no level "${source.id}".` };
      store.getState().startLevel(level);
      return { ok: true };
    }
    case 'world': {
      const r = openLink(store, source.link);
      return r.ok ? { ok: true } : r;
    }
    case 'sandbox':
      store.getState().startSandbox(source.seed);
      store.getState().goTo({ scene: 'kingdom', zone: null });
      return { ok: true };
  }
}
