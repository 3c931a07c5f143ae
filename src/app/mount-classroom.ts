/**
 * The classroom's parts of a mounted game: "Join a class" and a progress code on the campaign map, a
 * progress code at the debrief, and the presenter switch with the facilitator's keys. Switching
 * presenter mode on zooms the kingdom in by the ratio of presenter type to normal type, so the canvas
 * grows with the text, and halves the pace of the scenes' animations (tweens and timed events) (a kingdom that first shows in presenter mode starts at its own fit).
 */
import type Phaser from 'phaser';
import type { KingdomScene } from '../game/KingdomScene.ts';
import { setAnimationPace } from '../game/motion.ts';
import type { GameStore } from '../store/create-game-store.ts';
import { createJoinClass } from '../ui/classroom/join-class.ts';
import { bindPresenter } from '../ui/classroom/presenter.ts';
import { createProgressCodeBox } from '../ui/classroom/progress-code-box.ts';
import { type ClassSession, classUrl } from './class-session.ts';
import type { MountOptions } from './mount-options.ts';

const PRESENTER_ZOOM = 1.5;
/** Presenter mode shows the world's changes at half speed, for a room to follow. */
export const PRESENTER_PACE = 0.5;

export interface ClassroomParts {
  mapSections: HTMLElement[];
  debriefSection: HTMLElement;
  /** The world has loaded: presenter mode's pace applies to it. */
  gameReady(game: Phaser.Game): void;
  destroy(): void;
}

export function bindClassroom(
  root: HTMLElement,
  store: GameStore,
  game: () => Phaser.Game | null,
  classroom: ClassSession,
  options: MountOptions,
): ClassroomParts {
  const view = root.ownerDocument.defaultView;
  const joinClass = createJoinClass({
    current: classroom.code ? { code: classroom.code, what: classroom.what } : null,
    onJoin: (code) => view?.location.assign(classUrl(view.location.href, code)),
  });
  const mapCode = createProgressCodeBox(store, options.progress ?? null);
  const debriefCode = createProgressCodeBox(store, options.progress ?? null);
  let presenting = false;
  const presenter = bindPresenter(root, store, {
    initial: options.classroom?.present === true,
    onChange: (on) => {
      presenting = on;
      const loaded = game();
      if (!loaded) return;
      setAnimationPace(loaded, on ? PRESENTER_PACE : 1);
      const kingdom = loaded.scene.getScene('kingdom') as KingdomScene | null;
      if (kingdom?.sys.isActive()) kingdom.zoomBy(on ? PRESENTER_ZOOM : 1 / PRESENTER_ZOOM);
    },
  });
  return {
    mapSections: [joinClass, mapCode.root],
    debriefSection: debriefCode.root,
    gameReady: (loaded) => {
      if (presenting) setAnimationPace(loaded, PRESENTER_PACE);
    },
    destroy: () => presenter.destroy(),
  };
}
