/**
 * The kingdom: the live model of one region, zones side by side. It reads the store it is given
 * (never a singleton), subscribes with selectors to the model collections it draws, and reconciles
 * views keyed by entity id once per frame when something changed: new ids get a view, changed ones
 * are updated, gone ones destroyed. Views hold no rules. It also drives simulated time: a fixed-step
 * accumulator turns frame time into whole simulated seconds at the clock's speed.
 */
import Phaser from 'phaser';
import type { GameStore } from '../store/create-game-store.ts';
import { SceneKey } from './keys.ts';
import { type DevelopmentModel, kingdomModel, RUIN_SECONDS } from './kingdom-model.ts';
import { type KingdomLayout, layoutKingdom, type Rect } from './layout.ts';
import { COLORS } from './palette.ts';
import { TickAccumulator } from './tick-accumulator.ts';
import { DevelopmentView } from './views/DevelopmentView.ts';
import { TerritoryView } from './views/TerritoryView.ts';
import { ZoneView } from './views/ZoneView.ts';

export interface KingdomSceneOptions {
  store: GameStore;
  /** The region drawn; the simulation's default region when omitted. */
  region?: string;
}

/** What the scene shows, for tests and tools (read through the test bridge). */
export interface KingdomSnapshot {
  width: number;
  height: number;
  settled: boolean;
  zones: { name: string; impaired: boolean; bounds: Rect }[];
  territories: { id: string; name: string; state: string; castle: string | null; bounds: Rect }[];
  developments: { id: string; plan: string; status: string; bounds: Rect }[];
}

export class KingdomScene extends Phaser.Scene {
  private readonly store: GameStore;
  private readonly region: string;
  private readonly ticker = new TickAccumulator();
  private readonly zoneViews = new Map<string, ZoneView>();
  private readonly territoryViews = new Map<string, TerritoryView>();
  private readonly developmentViews = new Map<string, DevelopmentView>();
  /** When each instance was first seen terminated: its ruin stays RUIN_SECONDS. */
  private readonly terminatedSince = new Map<string, number>();
  /** STOPPED developments whose fade has finished: no longer drawn. */
  private readonly faded = new Set<string>();
  private backdrop: Phaser.GameObjects.Graphics | null = null;
  private unsubscribers: (() => void)[] = [];
  private dirty = true;
  private nextRuinExpiry = Number.POSITIVE_INFINITY;
  private layout: KingdomLayout | null = null;
  private lastSnapshot: KingdomSnapshot | null = null;

  constructor(options: KingdomSceneOptions) {
    super({ key: SceneKey.Kingdom });
    this.store = options.store;
    this.region = options.region ?? options.store.getState().sim.defaultRegion;
  }

  create(): void {
    this.backdrop = this.add.graphics().setDepth(0);
    const markDirty = () => {
      this.dirty = true;
    };
    const store = this.store;
    this.unsubscribers = [
      store.subscribe((s) => s.sim.instances, markDirty),
      store.subscribe((s) => s.sim.containerInstances, markDirty),
      store.subscribe((s) => s.sim.tasks, markDirty),
      store.subscribe((s) => s.sim.taskDefinitions, markDirty),
      store.subscribe((s) => s.sim.impairedZones, markDirty),
      // The world was replaced (undo, reset, load): forget what was fading or ruined, resync.
      store.subscribe(
        (s) => s.generation,
        () => this.resync(),
      ),
    ];
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    this.drawBackdrop();
    this.reconcile();
  }

  override update(_time: number, delta: number): void {
    const state = this.store.getState();
    const seconds = this.ticker.take(delta, state.clock);
    if (seconds > 0) state.advance(seconds);
    if (this.store.getState().sim.now >= this.nextRuinExpiry) this.dirty = true;
    if (this.dirty) this.reconcile();
  }

  /** True when the view matches the model and no animation is playing (tests wait on this). */
  isSettled(): boolean {
    return !this.dirty && this.tweens.getTweens().length === 0;
  }

  snapshot(): KingdomSnapshot {
    if (this.lastSnapshot) return { ...this.lastSnapshot, settled: this.isSettled() };
    return { width: 0, height: 0, settled: false, zones: [], territories: [], developments: [] };
  }

  private onResize(): void {
    this.drawBackdrop();
    this.dirty = true;
  }

  private resync(): void {
    this.faded.clear();
    this.terminatedSince.clear();
    this.ticker.reset();
    this.dirty = true;
  }

  private reconcile(): void {
    this.dirty = false;
    const sim = this.store.getState().sim;

    // Ruins: note when each instance was first seen terminated, and when the next ruin expires.
    for (const inst of Object.values(sim.instances)) {
      if (inst.state === 'terminated' && !this.terminatedSince.has(inst.instanceId)) {
        this.terminatedSince.set(inst.instanceId, sim.now);
      }
    }
    this.nextRuinExpiry = Number.POSITIVE_INFINITY;
    for (const [id, since] of this.terminatedSince) {
      if (sim.instances[id]?.state !== 'terminated') this.terminatedSince.delete(id);
      else if (since + RUIN_SECONDS > sim.now)
        this.nextRuinExpiry = Math.min(this.nextRuinExpiry, since + RUIN_SECONDS);
    }
    // STOPPED developments on screen keep their place until their fade ends.
    const keepStopped = new Set<string>();
    for (const id of this.developmentViews.keys()) {
      if (sim.tasks[id]?.lastStatus === 'STOPPED' && !this.faded.has(id)) keepStopped.add(id);
    }

    const zones = kingdomModel(sim, this.region, { terminatedSince: this.terminatedSince, keepStopped });
    const layout = layoutKingdom(zones, this.scale.width, this.scale.height);
    this.layout = layout;

    const seenZones = new Set<string>();
    const seenTerritories = new Set<string>();
    const seenDevelopments = new Set<string>();
    const snapshot: KingdomSnapshot = {
      width: layout.width,
      height: layout.height,
      settled: false,
      zones: [],
      territories: [],
      developments: [],
    };

    zones.forEach((zone, i) => {
      const zl = layout.zones[i];
      if (!zl) return;
      seenZones.add(zone.name);
      let zv = this.zoneViews.get(zone.name);
      if (!zv) {
        zv = new ZoneView(this);
        this.zoneViews.set(zone.name, zv);
      }
      zv.update(zone, zl, layout.fonts);
      snapshot.zones.push({ name: zone.name, impaired: zone.impaired, bounds: zl.frame });

      const developments: DevelopmentModel[] = [...zone.managed];
      for (const t of zone.territories) {
        const tl = layout.territories.get(t.id);
        if (!tl) continue;
        seenTerritories.add(t.id);
        let tv = this.territoryViews.get(t.id);
        if (!tv) {
          tv = new TerritoryView(this);
          this.territoryViews.set(t.id, tv);
        }
        tv.update(t, tl, layout.fonts);
        snapshot.territories.push({
          id: t.id,
          name: t.name,
          state: t.state,
          castle: t.castle ? `${t.castle.status}${t.castle.connected ? '' : ':disconnected'}` : null,
          bounds: tl.plot,
        });
        developments.push(...t.developments);
      }

      for (const d of developments) {
        const rect = layout.developments.get(d.id);
        if (!rect) continue;
        seenDevelopments.add(d.id);
        let dv = this.developmentViews.get(d.id);
        if (!dv) {
          dv = new DevelopmentView(this, false);
          this.developmentViews.set(d.id, dv);
        }
        dv.update(d, rect);
        if (d.status === 'STOPPED') {
          dv.fadeOut(() => {
            this.faded.add(d.id);
            this.dirty = true;
          });
        }
        snapshot.developments.push({ id: d.id, plan: d.plan, status: d.status, bounds: rect });
      }
    });

    for (const [id, v] of this.zoneViews) {
      if (!seenZones.has(id)) {
        v.destroy();
        this.zoneViews.delete(id);
      }
    }
    for (const [id, v] of this.territoryViews) {
      if (!seenTerritories.has(id)) {
        v.destroy();
        this.territoryViews.delete(id);
      }
    }
    for (const [id, v] of this.developmentViews) {
      if (!seenDevelopments.has(id)) {
        v.destroy();
        this.developmentViews.delete(id);
        this.faded.delete(id);
      }
    }
    this.lastSnapshot = snapshot;
  }

  private drawBackdrop(): void {
    const g = this.backdrop;
    if (!g) return;
    const { width, height } = this.scale;
    g.clear();
    // The night sky over Nozama is the camera's background colour; only the stars are drawn.
    // Stars at fixed places (a tiny LCG, not Math.random: the same picture every time).
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) / 16777216;
    };
    const count = Math.round((width * height) / 9000);
    for (let i = 0; i < count; i++) {
      g.fillStyle(COLORS.star, 0.35 + rand() * 0.5);
      const size = rand() < 0.85 ? 1.5 : 2.5;
      g.fillRect(rand() * width, rand() * height, size, size);
    }
  }

  private teardown(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
    for (const v of this.zoneViews.values()) v.destroy();
    for (const v of this.territoryViews.values()) v.destroy();
    for (const v of this.developmentViews.values()) v.destroy();
    this.zoneViews.clear();
    this.territoryViews.clear();
    this.developmentViews.clear();
    this.backdrop = null;
    this.layout = null;
  }

  /** How many store subscriptions the scene holds (0 once shut down). */
  get subscriptionCount(): number {
    return this.unsubscribers.length;
  }

  /** The current layout (for tools); null before the first frame. */
  get currentLayout(): KingdomLayout | null {
    return this.layout;
  }
}
