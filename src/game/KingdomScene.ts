/**
 * The kingdom: the live model of one region, zones side by side. It reads the store it is given
 * (never a singleton), subscribes with selectors to the model collections it draws, and reconciles
 * views keyed by entity id once per frame when something changed: new ids get a view, changed ones
 * are updated, gone ones destroyed. Views hold no rules. Static things are drawn once per change
 * (baked layers); a still frame costs almost nothing.
 *
 * The camera pans (drag with the mouse or a finger, arrow keys) and zooms (wheel, a pinch of two
 * fingers, + and -; 0, the HUD's fit or a double tap show the whole world; gestures.ts), bounded
 * to the world; when store.ui.place names a zone it glides to that zone. Clicking a development, a
 * castle, a territory or a zone selects it in the store (store.select) and a marker outlines it.
 * One-off animations (a portal collapsing) are played from the store's event stream with a cursor.
 * When the region has load balancers, alarms or Lambda functions, a band below the zones shows the
 * city gate, its roads and travelers, the watchtowers and the spells (views/GateStage.ts); without
 * them the kingdom is laid out exactly as before.
 * Simulated time is driven by the DirectorScene, so the world goes on when another scene is shown.
 */
import Phaser from 'phaser';
import type { GameStore, Selection, ViewPlace } from '../store/create-game-store.ts';
import { CAMERA_CHANGED, CameraRig, type CameraView, HUD_COLUMN, ZOOM_STEP } from './camera-rig.ts';
import { drawStars, fillPoly } from './draw.ts';
import { EventCursor } from './event-cursor.ts';
import { bandHeights } from './gate-layout.ts';
import { type GateWorld, gateModel } from './gate-model.ts';
import { gateWords } from './gate-words.ts';
import { Gestures } from './gestures.ts';
import { onCanvasKeys } from './keyboard.ts';
import { SceneKey } from './keys.ts';
import {
  type DevelopmentModel,
  kingdomModel,
  RUIN_SECONDS,
  type TerritoryModel,
  type ZoneModel,
} from './kingdom-model.ts';
import { type KingdomLayout, layoutKingdom, type Rect, type TerritoryLayout } from './layout.ts';
import { reducedMotion } from './motion.ts';
import { COLORS, OKABE_ITO } from './palette.ts';
import { parentOf } from './places.ts';
import { DevelopmentView } from './views/DevelopmentView.ts';
import { GateStage, type GateStageSnapshot } from './views/GateStage.ts';
import { TerritoryView } from './views/TerritoryView.ts';
import { ZoneView } from './views/ZoneView.ts';

export interface KingdomSceneOptions {
  store: GameStore;
  /** The region drawn; the player's region (ui.region, read each time the scene starts) when omitted. */
  region?: string;
}

/** What the scene shows, for tests and tools (read through the test bridge). World coordinates. */
export interface KingdomSnapshot {
  /** The world's size (taller than the view when the zones grew). */
  width: number;
  height: number;
  settled: boolean;
  zones: { name: string; impaired: boolean; bounds: Rect }[];
  territories: {
    id: string;
    name: string;
    state: string;
    castle: string | null;
    bounds: Rect;
    castleBounds: Rect;
  }[];
  developments: {
    id: string;
    plan: string;
    status: string;
    fires: number;
    /** Per building: the lord's herald's verdict drawn over it (null: no health check). */
    health: (string | null)[];
    bounds: Rect;
  }[];
  camera: CameraView;
  selection: Selection | null;
  /** Portal collapses played from the event stream since the scene started. */
  collapsesPlayed: number;
  /** The gate band: gates, doors, roads, markets, travelers, watchtowers, spells, the horn. */
  gate: GateStageSnapshot;
}

const SELECTION_DEPTH = 80;
const PAN_STEP = 90;

export class KingdomScene extends Phaser.Scene {
  private readonly store: GameStore;
  private readonly fixedRegion: string | undefined;
  private region = '';
  private readonly zoneViews = new Map<string, ZoneView>();
  private readonly territoryViews = new Map<string, TerritoryView>();
  private readonly developmentViews = new Map<string, DevelopmentView>();
  /** When each instance was first seen terminated: its ruin stays RUIN_SECONDS. */
  private readonly terminatedSince = new Map<string, number>();
  /** STOPPED developments whose fade has finished: no longer drawn. */
  private readonly faded = new Set<string>();
  private readonly territoryModels = new Map<string, TerritoryModel>();
  /** Per territory: its model, layout and development views, for baking the still ones into it. */
  private readonly yards = new Map<
    string,
    { territory: TerritoryModel; layout: TerritoryLayout; views: DevelopmentView[] }
  >();
  /** A development's animation ended: it may be baked into its territory now. */
  private bakeDirty = false;
  private backdrop: Phaser.GameObjects.Graphics | null = null;
  private marker: Phaser.GameObjects.Graphics | null = null;
  private rig: CameraRig | null = null;
  private cursor: EventCursor | null = null;
  private unsubscribers: (() => void)[] = [];
  private dirty = true;
  /** The next simulated second at which a ruin or a burned development leaves the map. */
  private nextExpiry = Number.POSITIVE_INFINITY;
  private layout: KingdomLayout | null = null;
  private lastSnapshot: Omit<
    KingdomSnapshot,
    'camera' | 'selection' | 'collapsesPlayed' | 'settled' | 'gate'
  > | null = null;
  private gestures: Gestures | null = null;
  private cursorStyle = '';
  private collapses = 0;
  /** The zone the camera was last told to focus (so a relayout does not fight the player's camera). */
  private focusedZone: string | null | undefined = undefined;
  /** The player moved the camera since it last followed the place: a relayout leaves it alone. */
  private cameraTouched = false;
  /** Canvas pixels at the bottom kept for the HUD's help strip while it shows (0 when hidden). */
  private bottomInset = 0;
  private stage: GateStage | null = null;
  /** The gate band's model changed (load balancers, traffic sources, alarms, functions, names). */
  private gateDirty = true;
  private gateWorld: GateWorld | null = null;
  private still = false;

  constructor(options: KingdomSceneOptions) {
    super({ key: SceneKey.Kingdom });
    this.store = options.store;
    this.fixedRegion = options.region;
  }

  create(): void {
    this.region = this.fixedRegion ?? this.store.getState().ui.region;
    this.dirty = true;
    this.collapses = 0;
    this.focusedZone = undefined;
    this.cameraTouched = false;
    this.cursorStyle = '';
    this.faded.clear();
    this.terminatedSince.clear();
    this.backdrop = this.add.graphics().setDepth(0);
    this.marker = this.add.graphics().setDepth(SELECTION_DEPTH);
    this.bottomInset = 0;
    this.applyViewport();
    this.rig = new CameraRig(this, this.cameras.main);
    this.rig.onChange(() => {
      this.drawSelection();
      if (this.rig) this.events.emit(CAMERA_CHANGED, this.rig.view());
    });
    this.cursor = new EventCursor(this.store);
    this.stage = new GateStage(this);
    this.gateDirty = true;
    this.still = reducedMotion();
    const markDirty = () => {
      this.dirty = true;
    };
    const markGate = () => {
      this.gateDirty = true;
    };
    const store = this.store;
    this.unsubscribers = [
      store.subscribe((s) => s.sim.instances, markDirty),
      store.subscribe((s) => s.sim.containerInstances, markDirty),
      store.subscribe((s) => s.sim.tasks, markDirty),
      store.subscribe((s) => s.sim.taskDefinitions, markDirty),
      store.subscribe((s) => s.sim.impairedZones, markDirty),
      store.subscribe((s) => s.sim.elb, markGate),
      store.subscribe((s) => s.sim.traffic.sources, markGate),
      store.subscribe((s) => s.sim.cloudwatch.alarms, markGate),
      store.subscribe((s) => s.sim.lambda.functions, markGate),
      store.subscribe((s) => s.ui.names, markGate),
      // The world was replaced (undo, reset, load): forget what was fading or ruined, resync.
      store.subscribe(
        (s) => s.generation,
        () => this.resync(),
      ),
      store.subscribe(
        (s) => s.ui.selection,
        () => this.drawSelection(),
      ),
      store.subscribe(
        (s) => s.ui.place,
        (place) => this.followPlace(place, true),
      ),
    ];
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    this.bindPointer();
    this.bindKeys();
    this.drawBackdrop();
    this.reconcile();
    this.followPlace(this.store.getState().ui.place, false);
  }

  override update(_time: number, delta: number): void {
    const state = this.store.getState();
    if (state.sim.now >= this.nextExpiry) this.dirty = true;
    const still = reducedMotion();
    if (still !== this.still) {
      this.still = still;
      this.gateDirty = true;
    }
    if (this.gateDirty && !this.dirty) this.refreshGate();
    if (this.dirty) this.reconcile();
    else if (this.bakeDirty) this.rebake();
    const simSeconds = state.clock.paused ? 0 : (state.clock.speed * delta) / 1000;
    this.stage?.tick(state.sim, delta, simSeconds, still);
    const events = this.cursor?.take() ?? [];
    if (events.length > 0 && this.stage && this.layout) {
      const l = this.layout;
      this.stage.play(events, !still, {
        x: 0,
        y: l.height * 0.3,
        w: l.width,
        h: Math.min(220, l.height * 0.3),
      });
    }
    for (const e of events) {
      if (e.type !== 'zone/failed') continue;
      const zone = e.data.availabilityZone;
      const view = typeof zone === 'string' ? this.zoneViews.get(zone) : undefined;
      if (!view) continue;
      this.collapses++;
      view.playCollapse(!reducedMotion());
    }
  }

  /** True when the view matches the model and no animation is playing (tests wait on this). */
  isSettled(): boolean {
    return !this.dirty && !this.bakeDirty && !this.gateDirty && this.tweens.getTweens().length === 0;
  }

  snapshot(): KingdomSnapshot {
    const extra = {
      settled: this.isSettled(),
      camera: this.cameraView(),
      selection: this.store.getState().ui.selection,
      collapsesPlayed: this.collapses,
      gate: this.stage?.snapshot() ?? new GateStage(this).snapshot(),
    };
    if (this.lastSnapshot) return { ...this.lastSnapshot, ...extra };
    return { width: 0, height: 0, zones: [], territories: [], developments: [], ...extra };
  }

  /** Portal collapses played from the event stream since the scene started (for tests). */
  get collapsesPlayed(): number {
    return this.collapses;
  }

  cameraView(): CameraView {
    return (
      this.rig?.view() ?? {
        zoom: 1,
        scrollX: 0,
        scrollY: 0,
        centerX: 0,
        centerY: 0,
        width: 0,
        height: 0,
        minZoom: 1,
        maxZoom: 1,
      }
    );
  }

  /** A world point's position on the canvas (tests click through it like a player). */
  worldToScreen(x: number, y: number): { x: number; y: number } {
    return this.rig?.toScreen(x, y) ?? { x, y };
  }

  /** Zoom by a factor around the centre of the view (the overlay's buttons, keys). */
  zoomBy(factor: number): void {
    this.cameraTouched = true;
    this.rig?.zoomBy(factor);
  }

  /** The whole world in view. */
  fitWorld(): void {
    this.cameraTouched = true;
    this.rig?.fit();
  }

  /**
   * Keeps a strip of the canvas clear of the world: the bottom while the HUD's help shows (the
   * kingdom is laid out again above it). The HUD calls this when the help is toggled.
   */
  setBottomInset(px: number): void {
    const inset = Math.max(0, Math.round(px));
    if (inset === this.bottomInset) return;
    this.bottomInset = inset;
    this.applyViewport();
    this.dirty = true;
  }

  /** The camera's viewport: the canvas less the HUD's column at the right (and the help strip). */
  private applyViewport(): void {
    const w = Math.max(120, this.scale.width - HUD_COLUMN);
    const h = Math.max(120, this.scale.height - this.bottomInset);
    this.cameras.main.setViewport(0, 0, w, h);
    this.rig?.refresh();
  }

  private onResize(): void {
    this.applyViewport();
    this.drawBackdrop();
    this.dirty = true;
  }

  private resync(): void {
    this.faded.clear();
    this.terminatedSince.clear();
    this.dirty = true;
  }

  // -------------------------------------------------------------------------------------------
  // The camera and the player's hands

  private followPlace(place: ViewPlace, animate: boolean): void {
    if (place.scene !== 'kingdom' || !this.rig || !this.layout) return;
    if (place.zone === this.focusedZone) return;
    this.focusedZone = place.zone;
    this.cameraTouched = false;
    const zl = place.zone ? this.layout.zones.find((z) => z.name === place.zone) : undefined;
    if (zl) this.rig.focus(zl.frame, animate);
    else this.rig.home(animate);
  }

  private bindPointer(): void {
    const input = this.input;
    this.gestures = new Gestures(this, {
      grab: () => this.setCursor('grabbing'),
      pan: (dx, dy) => {
        this.cameraTouched = true;
        this.rig?.panBy(dx, dy);
      },
      pinch: (factor, x, y) => {
        this.cameraTouched = true;
        this.rig?.zoomAt(factor, x, y);
      },
      tap: (x, y) => {
        this.store.getState().select(this.hitAt(x, y));
        this.setCursor(this.hitAt(x, y) ? 'pointer' : 'grab');
      },
      // A double tap (or the HUD's fit button, or 0) shows the whole kingdom again.
      doubleTap: () => this.fitWorld(),
    });
    input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      if (!this.gestures?.pressing) this.setCursor(this.hitAt(p.x, p.y) ? 'pointer' : 'grab');
    });
    input.on(
      Phaser.Input.Events.POINTER_WHEEL,
      (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
        if (dy === 0) return;
        this.cameraTouched = true;
        this.rig?.zoomAt(Math.exp(-Math.max(-300, Math.min(300, dy)) * 0.0015), p.x, p.y);
      },
    );
  }

  private bindKeys(): void {
    onCanvasKeys(this, (e) => {
      const used = this.cameraKey(e);
      if (used && e.key !== 'Escape') this.cameraTouched = true;
      return used;
    });
  }

  /** Arrows pan, + and - zoom, 0 or F fits the world, Home shows its top, Escape goes up a place. */
  private cameraKey(e: KeyboardEvent): boolean {
    const rig = this.rig;
    if (!rig) return false;
    switch (e.key) {
      case 'ArrowLeft':
        rig.panBy(-PAN_STEP, 0);
        return true;
      case 'ArrowRight':
        rig.panBy(PAN_STEP, 0);
        return true;
      case 'ArrowUp':
        rig.panBy(0, -PAN_STEP);
        return true;
      case 'ArrowDown':
        rig.panBy(0, PAN_STEP);
        return true;
      case '+':
      case '=':
        rig.zoomBy(ZOOM_STEP);
        return true;
      case '-':
      case '_':
        rig.zoomBy(1 / ZOOM_STEP);
        return true;
      case '0':
      case 'f':
      case 'F':
        rig.fit();
        return true;
      case 'Home':
        rig.home();
        return true;
      case 'Escape': {
        const up = parentOf(this.store.getState().ui.place);
        if (up) this.store.getState().goTo(up);
        return up !== null;
      }
      default:
        return false;
    }
  }

  private setCursor(cursor: string): void {
    if (cursor === this.cursorStyle) return;
    this.cursorStyle = cursor;
    this.input.setDefaultCursor(cursor);
  }

  /** What is under a point of the canvas: a development, a castle, a territory, a zone, or nothing. */
  private hitAt(sx: number, sy: number): Selection | null {
    const layout = this.layout;
    if (!layout || !this.rig) return null;
    const { x, y } = this.rig.toWorld(sx, sy);
    const inside = (r: Rect) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
    const gate = this.stage?.hit(x, y);
    if (gate) return gate;
    for (const [id, r] of layout.developments) {
      if (inside(r) && this.developmentViews.get(id)?.isFading !== true) return { kind: 'task', id };
    }
    for (const [id, tl] of layout.territories) {
      if (!inside(tl.plot)) continue;
      const arn = this.territoryModels.get(id)?.containerInstanceArn;
      if (arn && inside(tl.castle)) return { kind: 'containerInstance', id: arn };
      return { kind: 'instance', id };
    }
    for (const zl of layout.zones) if (inside(zl.frame)) return { kind: 'zone', id: zl.name };
    return null;
  }

  /** The outline of the selected thing: reddish purple with a dark halo, and a diamond marker. */
  private drawSelection(): void {
    const g = this.marker;
    if (!g) return;
    g.clear();
    const rect = this.selectedRect();
    if (!rect || !this.rig) return;
    const z = this.rig.zoom;
    const line = 3.5 / z;
    const pad = 3 / z;
    const r = { x: rect.x - pad, y: rect.y - pad, w: rect.w + 2 * pad, h: rect.h + 2 * pad };
    const radius = Math.min(8 / z, r.w / 4, r.h / 4);
    g.lineStyle(line + 3 / z, 0x000000, 0.55);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, radius);
    g.lineStyle(line, OKABE_ITO.reddishPurple, 1);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, radius);
    // A diamond on the top edge: a shape, so the selection does not rest on colour alone.
    const d = Math.min(11 / z, Math.max(4 / z, r.w * 0.25));
    const cx = r.x + r.w / 2;
    const cy = r.y;
    const pts = [
      { x: cx, y: cy - d },
      { x: cx + d * 0.8, y: cy },
      { x: cx, y: cy + d },
      { x: cx - d * 0.8, y: cy },
    ];
    g.fillStyle(OKABE_ITO.reddishPurple, 1);
    fillPoly(g, pts);
    g.lineStyle(2 / z, 0xffffff, 1);
    g.strokePoints(pts as Phaser.Math.Vector2[], true);
  }

  private selectedRect(): Rect | null {
    const sel = this.store.getState().ui.selection;
    const layout = this.layout;
    if (!sel || !layout) return null;
    switch (sel.kind) {
      case 'task':
        return this.developmentViews.get(sel.id)?.isFading === true
          ? null
          : (layout.developments.get(sel.id) ?? null);
      case 'instance':
        return layout.territories.get(sel.id)?.plot ?? null;
      case 'containerInstance': {
        for (const [id, t] of this.territoryModels) {
          if (t.containerInstanceArn === sel.id) return layout.territories.get(id)?.castle ?? null;
        }
        return null;
      }
      case 'zone':
        return layout.zones.find((z) => z.name === sel.id)?.frame ?? null;
      default:
        return this.stage?.rectOf(sel) ?? null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reconciling views with the model

  private reconcile(): void {
    this.dirty = false;
    const sim = this.store.getState().sim;

    // Ruins: note when each instance was first seen terminated, and when the next ruin expires.
    for (const inst of sim.instances.values()) {
      if (inst.state === 'terminated' && !this.terminatedSince.has(inst.instanceId)) {
        this.terminatedSince.set(inst.instanceId, sim.now);
      }
    }
    let nextExpiry = Number.POSITIVE_INFINITY;
    for (const [id, since] of this.terminatedSince) {
      if (sim.instances.get(id)?.state !== 'terminated') this.terminatedSince.delete(id);
      else if (since + RUIN_SECONDS > sim.now) nextExpiry = Math.min(nextExpiry, since + RUIN_SECONDS);
    }
    // STOPPED developments on screen keep their place until their fade ends.
    const keepStopped = new Set<string>();
    for (const id of this.developmentViews.keys()) {
      if (sim.tasks.get(id)?.lastStatus === 'STOPPED' && !this.faded.has(id)) keepStopped.add(id);
    }

    const zones = kingdomModel(sim, this.region, { terminatedSince: this.terminatedSince, keepStopped });
    this.gateDirty = false;
    const gate = gateModel(sim, this.region);
    this.gateWorld = gate;
    const band = bandHeights(gate, this.cameras.main.height);
    const layout = layoutKingdom(
      zones,
      this.cameras.main.width,
      this.cameras.main.height,
      band.inView,
      band.below,
    );
    const worldChanged =
      !this.layout || this.layout.width !== layout.width || this.layout.height !== layout.height;
    this.layout = layout;
    this.territoryModels.clear();
    this.yards.clear();
    this.bakeDirty = false;

    const seenZones = new Set<string>();
    const seenTerritories = new Set<string>();
    const seenDevelopments = new Set<string>();
    const snapshot: NonNullable<typeof this.lastSnapshot> = {
      width: layout.width,
      height: layout.height,
      zones: [],
      territories: [],
      developments: [],
    };

    zones.forEach((zone: ZoneModel, i) => {
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

      for (const t of zone.territories) {
        const tl = layout.territories.get(t.id);
        if (!tl) continue;
        seenTerritories.add(t.id);
        this.territoryModels.set(t.id, t);
        let tv = this.territoryViews.get(t.id);
        if (!tv) {
          tv = new TerritoryView(this);
          this.territoryViews.set(t.id, tv);
        }
        snapshot.territories.push({
          id: t.id,
          name: t.name,
          state: t.state,
          castle: t.castle ? `${t.castle.status}${t.castle.connected ? '' : ':disconnected'}` : null,
          bounds: tl.plot,
          castleBounds: tl.castle,
        });
        const views: DevelopmentView[] = [];
        for (const d of t.developments) {
          const dv = this.showDevelopment(d, sim.now, snapshot, seenDevelopments);
          if (dv) views.push(dv);
          if (d.embersUntil !== null && d.embersUntil > sim.now)
            nextExpiry = Math.min(nextExpiry, d.embersUntil);
        }
        this.yards.set(t.id, { territory: t, layout: tl, views });
        this.bake(t.id, layout);
      }
      for (const d of zone.managed) {
        this.showDevelopment(d, sim.now, snapshot, seenDevelopments);
        if (d.embersUntil !== null && d.embersUntil > sim.now)
          nextExpiry = Math.min(nextExpiry, d.embersUntil);
      }
    });
    this.nextExpiry = nextExpiry;

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
    this.drawGate();
    if (worldChanged) {
      this.rig?.setWorld(layout.width, layout.height);
      this.drawBackdrop();
      // The world changed size (it grew, or the view was resized): an untouched camera follows the
      // place again (the focused zone, or the whole width).
      if (!this.cameraTouched && this.focusedZone !== undefined) {
        this.focusedZone = undefined;
        this.followPlace(this.store.getState().ui.place, false);
      }
    }
    this.drawSelection();
  }

  /** Creates or updates a development's view; STOPPED ones fade unless they still smoulder. */
  private showDevelopment(
    d: DevelopmentModel,
    now: number,
    snapshot: NonNullable<typeof this.lastSnapshot>,
    seen: Set<string>,
  ): DevelopmentView | null {
    const rect = this.layout?.developments.get(d.id);
    if (!rect) return null;
    seen.add(d.id);
    let dv = this.developmentViews.get(d.id);
    if (!dv) {
      dv = new DevelopmentView(this, false);
      dv.onSettle = () => {
        this.bakeDirty = true;
      };
      this.developmentViews.set(d.id, dv);
    }
    dv.update(d, rect);
    const smouldering = d.embersUntil !== null && d.embersUntil > now;
    if (d.status === 'STOPPED' && !smouldering) {
      dv.fadeOut(() => {
        this.faded.add(d.id);
        this.dirty = true;
      });
    }
    snapshot.developments.push({
      id: d.id,
      plan: d.plan,
      status: d.status,
      fires: d.fires.filter(Boolean).length,
      health: d.health,
      bounds: rect,
    });
    return dv;
  }

  /**
   * Paints a territory with the developments standing still on it (one texture), and shows the
   * others live. Called after a reconcile, and when a development's animation ends.
   */
  private bake(id: string, layout: KingdomLayout): void {
    const yard = this.yards.get(id);
    const tv = this.territoryViews.get(id);
    if (!yard || !tv) return;
    const still = yard.views.filter((v) => v.isStill);
    for (const v of yard.views) v.setBaked(still.includes(v));
    tv.update(yard.territory, yard.layout, layout.fonts, still);
  }

  private rebake(): void {
    this.bakeDirty = false;
    const layout = this.layout;
    if (!layout) return;
    for (const id of this.yards.keys()) this.bake(id, layout);
  }

  /** The gate band's model changed: redraw the band, or lay out everything when its height changes. */
  private refreshGate(): void {
    this.gateDirty = false;
    const gate = gateModel(this.store.getState().sim, this.region);
    const before = this.gateWorld;
    this.gateWorld = gate;
    const layout = this.layout;
    const h = this.cameras.main.height;
    const a = bandHeights(gate, h);
    const b = before ? bandHeights(before, h) : null;
    if (!layout || !b || a.inView !== b.inView || a.below !== b.below) {
      this.dirty = true;
      return;
    }
    this.drawGate();
  }

  private drawGate(): void {
    const layout = this.layout;
    const gate = this.gateWorld;
    if (!layout || !gate || !this.stage) return;
    const words = gateWords(this.store.getState().ui.names);
    this.stage.update(gate, layout.band, layout, words, this.still);
    this.drawSelection();
  }

  private drawBackdrop(): void {
    const g = this.backdrop;
    if (!g) return;
    const width = this.layout?.width ?? this.scale.width;
    const height = this.layout?.height ?? this.scale.height;
    g.clear();
    // The night sky over Nozama is the camera's background colour; only the stars are drawn. They
    // cover the world and a margin around it (the camera may show a little beyond the world).
    const m = 60;
    drawStars(g, { x: -m, y: -m, w: width + 2 * m, h: height + 2 * m }, COLORS.star);
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
    this.territoryModels.clear();
    this.yards.clear();
    this.stage?.destroy();
    this.stage = null;
    this.gateWorld = null;
    this.rig?.stopGlide();
    this.rig = null;
    this.cursor = null;
    this.backdrop = null;
    this.marker = null;
    this.layout = null;
    this.lastSnapshot = null;
    if (this.sys.game?.canvas) this.sys.game.canvas.style.cursor = '';
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
