/**
 * The director: always running, draws nothing. It drives simulated time (a fixed-step accumulator
 * turns frame time into whole simulated seconds at the clock's speed, DESIGN.md section 5), so the
 * world goes on whichever scene is shown; and it shows the scene for store.ui.place (the planet, a
 * region's portals, or the kingdom with its overlay), starting and stopping scenes when the place
 * changes, whoever changed it (a click on the canvas, the DOM breadcrumb, a test).
 */
import Phaser from 'phaser';
import type { GameStore, ViewPlace } from '../store/create-game-store.ts';
import { SceneKey } from './keys.ts';
import { sceneOf } from './places.ts';
import { TickAccumulator } from './tick-accumulator.ts';

export class DirectorScene extends Phaser.Scene {
  private readonly store: GameStore;
  private readonly ticker = new TickAccumulator();
  private unsubscribers: (() => void)[] = [];
  /** The view scene shown (or queued to start), null before the first place. */
  private current: SceneKey | null = null;
  /** The player's region as last seen, and the region the shown scene was started for. */
  private region = '';
  private startedFor = '';

  constructor(store: GameStore) {
    super({ key: SceneKey.Director });
    this.store = store;
  }

  create(): void {
    this.ticker.reset();
    this.current = null;
    this.region = this.store.getState().ui.region;
    this.unsubscribers = [
      this.store.subscribe(
        (s) => s.ui.place,
        (place) => this.show(place),
      ),
      this.store.subscribe(
        (s) => s.ui.region,
        (region) => this.regionChanged(region),
      ),
      this.store.subscribe(
        (s) => s.generation,
        () => this.ticker.reset(),
      ),
    ];
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    this.show(this.store.getState().ui.place);
  }

  override update(_time: number, delta: number): void {
    const state = this.store.getState();
    const seconds = this.ticker.take(delta, state.clock);
    if (seconds > 0) state.advance(seconds);
  }

  /** The view scene for the current place (tests read it). */
  get shown(): SceneKey | null {
    return this.current;
  }

  private show(place: ViewPlace): void {
    const next = sceneOf(place);
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    if (previous !== null) {
      this.scene.stop(previous);
      if (previous === SceneKey.Kingdom) this.scene.stop(SceneKey.KingdomHud);
    }
    this.scene.launch(next);
    if (next === SceneKey.Kingdom) this.scene.launch(SceneKey.KingdomHud);
    this.startedFor = this.store.getState().ui.region;
  }

  /**
   * Another region while a region or kingdom scene stays shown (a new world in its own region): the
   * scene starts again on it. When the place changed too (the planet's visit), show() already did.
   */
  private regionChanged(region: string): void {
    const shownFor = this.region;
    this.region = region;
    if (this.current === null || this.current === SceneKey.Planet || shownFor === region) return;
    if (this.startedFor === region) return;
    this.startedFor = region;
    this.scene.stop(this.current);
    if (this.current === SceneKey.Kingdom) this.scene.stop(SceneKey.KingdomHud);
    this.scene.launch(this.current);
    if (this.current === SceneKey.Kingdom) this.scene.launch(SceneKey.KingdomHud);
  }

  private teardown(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
  }
}
