/**
 * Everything of the kingdom's gate band in one place, for the kingdom scene: the gate view (walls,
 * doors, roads, markets, spokes, heralds), the watchtowers, the wizards' towers, the travelers and
 * sparks, and the horn of rollback. The scene hands it the model (gate-model.ts), the band's layout
 * and the developments' places; it reconciles its views by id, keeps the per-second error rates from
 * state.traffic.totals, plays the one-off animations of the event stream, and answers hit tests,
 * selection outlines and the snapshot. It holds no rules.
 */
import type Phaser from 'phaser';
import { hookFunctionName } from '../../i18n/hook-words.ts';
import { capitalize } from '../../i18n/lexicon.ts';
import { T } from '../../i18n/messages.ts';
import type { SimEvent, SimState } from '../../model/index.ts';
import type { Selection } from '../../store/create-game-store.ts';
import { type BandLayout, layoutBand } from '../gate-layout.ts';
import { type BeaconLook, errorRates, type GateWorld, isEmptyGateWorld, totalsDelta } from '../gate-model.ts';
import { type Anchors, type Pt, travelRoutes } from '../gate-paths.ts';
import type { GateWords } from '../gate-words.ts';
import type { Rect } from '../layout.ts';
import { GATE_DEPTH, type GateSnapshot, GateView } from './GateView.ts';
import { HornView } from './HornView.ts';
import { SpellTowerView } from './SpellTowerView.ts';
import { type LayerRoute, TravelerLayer, walkRoutes } from './TravelerLayer.ts';
import { WatchtowerView } from './WatchtowerView.ts';

export interface GateStageSnapshot extends GateSnapshot {
  band: Rect | null;
  travelers: {
    mode: 'moving' | 'static';
    drawn: number;
    requestsPerTraveler: number;
    routes: number;
    /** Routes whose requests partly fail (their travelers may turn back). */
    failingRoutes: number;
  };
  towers: { id: string; name: string; state: string; beacon: BeaconLook; bounds: Rect }[];
  spells: {
    id: string;
    name: string;
    bounds: Rect;
    editions: string[];
    incantations: { name: string; text: string; weights: { version: string; percent: string }[] }[];
    rps: number;
  }[];
  horn: { visible: boolean; text: string; played: number };
  heraldPops: number;
  beaconFlares: number;
}

const ROLLBACKS = new Set(['deployment/rolledBack', 'codedeploy/rolledBack', 'alias/deploymentRolledBack']);

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

export class GateStage {
  private readonly scene: Phaser.Scene;
  private gate: GateView | null = null;
  private travelers: TravelerLayer | null = null;
  private horn: HornView | null = null;
  private readonly towers = new Map<string, WatchtowerView>();
  private readonly spells = new Map<string, SpellTowerView>();
  private world: GateWorld | null = null;
  private band: BandLayout | null = null;
  private words: GateWords | null = null;
  private routes: LayerRoute[] = [];
  private still = false;
  private totals: SimState['traffic']['totals'] | null = null;
  private rates = new Map<string, number>();
  private hornsPlayed = 0;
  private pops = 0;
  private flares = 0;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  /**
   * Draws the band for a model and a layout (band null: nothing to draw). `anchors` are the
   * developments' and territories' places, where the spokes end.
   */
  update(world: GateWorld, band: Rect | null, anchors: Anchors, words: GateWords, still: boolean): void {
    this.world = world;
    this.words = words;
    this.still = still;
    if (!band || isEmptyGateWorld(world)) {
      this.band = null;
      this.clear();
      return;
    }
    const bl = layoutBand(world, band);
    this.band = bl;
    this.gate ??= new GateView(this.scene);
    this.gate.update(world, bl, anchors, words, still);
    const seenTowers = new Set<string>();
    for (const t of world.towers) {
      const r = bl.towers.get(t.name);
      if (!r) continue;
      seenTowers.add(t.name);
      let v = this.towers.get(t.name);
      if (!v) {
        v = new WatchtowerView(this.scene, GATE_DEPTH.band + 1);
        this.towers.set(t.name, v);
      }
      v.update(t, r, bl.fonts, words);
    }
    for (const [id, v] of this.towers) {
      if (seenTowers.has(id)) continue;
      v.destroy();
      this.towers.delete(id);
    }
    const seenSpells = new Set<string>();
    for (const s of world.spells) {
      const r = bl.spells.get(s.name);
      if (!r) continue;
      seenSpells.add(s.name);
      let v = this.spells.get(s.name);
      if (!v) {
        v = new SpellTowerView(this.scene, GATE_DEPTH.band + 1);
        this.spells.set(s.name, v);
      }
      v.update(s, r, bl.fonts, words);
    }
    for (const [id, v] of this.spells) {
      if (seenSpells.has(id)) continue;
      v.destroy();
      this.spells.delete(id);
    }
    this.buildRoutes(anchors);
  }

  /** Reads the totals for the last second's failures; moves the travelers. `simSeconds` this frame. */
  tick(sim: SimState, dtMs: number, simSeconds: number, still: boolean): void {
    if (sim.traffic.totals !== this.totals) {
      const before = this.totals;
      this.totals = sim.traffic.totals;
      if (before) {
        const delta = totalsDelta(before, sim.traffic.totals);
        if (delta.size > 0) {
          this.rates = errorRates(delta);
          this.refreshErrorRates();
        }
      }
    }
    if (this.routes.length === 0 && !this.travelers) return;
    this.travelers ??= new TravelerLayer(this.scene);
    this.travelers.setEnabled(!still);
    this.travelers.update(dtMs, simSeconds);
  }

  /** Plays the one-off animations of events: herald crosses, beacon flares, the horn. */
  play(events: readonly SimEvent[], animate: boolean, fallbackArea: Rect): void {
    for (const e of events) {
      const d = e.data as Record<string, unknown>;
      if (e.type === 'target/unhealthy') {
        const tg = str(d.targetGroupArn) ?? str(d.TargetGroupArn);
        const id = str(d.targetId) ?? str(d.id) ?? str(d.Id) ?? str(d.target);
        if (this.gate?.popHerald(tg, id, animate)) this.pops++;
      } else if (e.type === 'alarm/stateChanged') {
        const state = str(d.newState) ?? str(d.StateValue) ?? str(d.state) ?? str(d.to);
        const name = str(d.alarmName) ?? str(d.AlarmName) ?? str(d.name);
        if (state !== 'ALARM' || !name) continue;
        const v = this.towers.get(name);
        if (v) {
          v.flareUp(animate);
          this.flares++;
        }
      } else if (ROLLBACKS.has(e.type)) {
        this.blowHorn(d, animate, fallbackArea);
      }
    }
  }

  private blowHorn(d: Record<string, unknown>, animate: boolean, fallbackArea: Rect): void {
    this.horn ??= new HornView(this.scene);
    const words = this.words;
    const title = `${capitalize(words?.horn ?? 'the horn of rollback')}!`;
    const parts: string[] = [];
    const subject =
      str(d.serviceName) ?? str(d.functionName) ?? str(d.FunctionName) ?? str(d.deploymentGroupName);
    if (subject) parts.push(subject);
    // A lifecycle hook's failure is told short: which function, what it answered, where.
    const hook = d.hook as
      | { hookTargetArn?: unknown; verdict?: unknown; lifecycleStage?: unknown }
      | undefined;
    const hookReason =
      hook && typeof hook.hookTargetArn === 'string'
        ? `lifecycle hook ${hookFunctionName(hook.hookTargetArn)}: ${String(hook.verdict)} at ${String(hook.lifecycleStage)}`
        : undefined;
    const reason = hookReason ?? str(d.detail) ?? str(d.reason) ?? str(d.message) ?? str(d.stoppedReason);
    if (reason) parts.push(reason);
    const step = d.step;
    const steps = d.steps;
    if (typeof step === 'number' && step === 0) {
      // Before the first production step: no step to name.
    } else if (typeof step === 'number' && typeof steps === 'number')
      parts.push(T.t('canvas.hornAtStepOf', { step, steps }));
    else if (typeof step === 'number' || typeof step === 'string')
      parts.push(T.t('canvas.hornAtStep', { step }));
    const band = this.band;
    const area = band
      ? { ...band.band, h: band.gateArea?.h ?? band.towerArea?.h ?? band.band.h }
      : fallbackArea;
    this.horn.play(area, title, parts.join(' · ') || T.t('canvas.hornDefault'), animate);
    this.hornsPlayed++;
  }

  hit(x: number, y: number): Selection | null {
    const band = this.band;
    if (!band) return null;
    const inside = (r: Rect) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
    const g = this.gate?.hit(x, y);
    if (g) return g;
    for (const [name, r] of band.towers) if (inside(r)) return { kind: 'alarm', id: name };
    for (const [name, v] of this.spells) {
      for (const [alias, r] of v.ribbons)
        if (inside(r)) return { kind: 'lambdaAlias', id: `${name}:${alias}` };
    }
    for (const [name, r] of band.spells) if (inside(r)) return { kind: 'lambdaFunction', id: name };
    return null;
  }

  rectOf(sel: Selection): Rect | null {
    const band = this.band;
    if (!band) return null;
    if (sel.kind === 'alarm') return band.towers.get(sel.id) ?? null;
    if (sel.kind === 'lambdaFunction') return band.spells.get(sel.id) ?? null;
    if (sel.kind === 'lambdaAlias') {
      const cut = sel.id.lastIndexOf(':');
      return this.spells.get(sel.id.slice(0, cut))?.ribbons.get(sel.id.slice(cut + 1)) ?? null;
    }
    return this.gate?.rectOf(sel) ?? null;
  }

  /** True while a one-off animation of the band plays (the horn, a flare). */
  get animating(): boolean {
    return this.horn?.visible === true;
  }

  snapshot(): GateStageSnapshot {
    const world = this.world;
    const band = this.band;
    const words = this.words;
    const base = this.gate && words && band ? this.gate.snapshot(words) : { gates: [], markets: [] };
    return {
      ...base,
      band: band?.band ?? null,
      travelers: {
        mode: this.still ? 'static' : 'moving',
        drawn: this.travelers?.drawn ?? 0,
        requestsPerTraveler: this.travelers?.requestsPerTraveler ?? 1,
        routes: this.routes.length,
        failingRoutes: this.routes.filter((r) => r.errorRate > 0).length,
      },
      towers: (world?.towers ?? []).map((t) => ({
        id: t.name,
        name: t.name,
        state: t.state,
        beacon: t.beacon,
        bounds: band?.towers.get(t.name) ?? { x: 0, y: 0, w: 0, h: 0 },
      })),
      spells: (world?.spells ?? []).map((s) => ({
        id: s.name,
        name: s.name,
        bounds: band?.spells.get(s.name) ?? { x: 0, y: 0, w: 0, h: 0 },
        editions: s.editions.map((e) => e.version),
        incantations: s.incantations.map((i) => ({
          name: i.name,
          text: words?.incantation(i) ?? i.name,
          weights: i.weights.map((w) => ({ version: w.version, percent: w.percent })),
        })),
        rps: s.rps,
      })),
      horn: { visible: this.horn?.visible ?? false, text: this.horn?.text ?? '', played: this.hornsPlayed },
      heraldPops: this.pops,
      beaconFlares: this.flares,
    };
  }

  private errorRate(key: string | null): number {
    if (!key) return 0;
    const exact = this.rates.get(key);
    if (exact !== undefined) return exact;
    // Totals may be keyed by "family:revision" rather than the full ARN.
    const tail = key.slice(key.lastIndexOf('/') + 1);
    for (const [k, v] of this.rates) if (k === tail || k.endsWith(`/${tail}`)) return v;
    return 0;
  }

  private buildRoutes(anchors: Anchors): void {
    const world = this.world;
    const band = this.band;
    if (!world || !band) {
      this.routes = [];
      this.travelers?.setRoutes([], 16);
      return;
    }
    const routes = walkRoutes(travelRoutes(world, band, anchors), (k) => this.errorRate(k));
    for (const s of world.spells) {
      const origin = this.spells.get(s.name)?.sparkOrigin;
      if (!origin) continue;
      s.flows.forEach((f, i) => {
        const dx = (i - (s.flows.length - 1) / 2) * 22;
        const pts: Pt[] = [];
        for (let k = 0; k <= 8; k++) {
          const t = k / 8;
          pts.push({ x: origin.x + dx * t + Math.sin(t * Math.PI * 2) * 6, y: origin.y - 4 - t * 80 });
        }
        routes.push({
          key: `spark|${f.key}`,
          kind: 'spark',
          points: pts,
          rps: f.rps,
          banner: f.banner,
          errorRate: this.errorRate(f.key),
        });
      });
    }
    this.routes = routes;
    if (routes.length > 0 || this.travelers) {
      this.travelers ??= new TravelerLayer(this.scene);
      this.travelers.setRoutes(routes, Math.max(14, Math.min(22, band.fonts.label * 1.1)));
    }
  }

  private refreshErrorRates(): void {
    let changed = false;
    for (const r of this.routes) {
      const key = r.key.startsWith('spark|') ? r.key.slice(6) : null;
      const next = key ? this.errorRate(key) : r.errorRate;
      if (next !== r.errorRate) {
        r.errorRate = next;
        changed = true;
      }
    }
    // Walk routes carry the revision key only through their source; rebuild from the world.
    if (this.world && this.band) {
      for (const r of this.routes) {
        if (r.kind !== 'walk') continue;
        const rev = this.revisionOf(r.key);
        const next = this.errorRate(rev);
        if (next !== r.errorRate) {
          r.errorRate = next;
          changed = true;
        }
      }
    }
    if (changed)
      this.travelers?.setRoutes(
        this.routes,
        Math.max(14, Math.min(22, (this.band?.fonts.label ?? 14) * 1.1)),
      );
  }

  /** The revision key of a walk route's target (its key ends with the market and target keys). */
  private revisionOf(routeKey: string): string | null {
    const [, tg, target] = routeKey.split('|');
    if (!tg || !target) return null;
    const m = this.world?.markets.find((x) => x.arn === tg);
    return m?.targets.find((t) => t.key === target)?.revisionKey ?? null;
  }

  private clear(): void {
    this.gate?.destroy();
    this.gate = null;
    for (const v of this.towers.values()) v.destroy();
    for (const v of this.spells.values()) v.destroy();
    this.towers.clear();
    this.spells.clear();
    this.routes = [];
    this.travelers?.setRoutes([], 16);
  }

  destroy(): void {
    this.clear();
    this.travelers?.destroy();
    this.travelers = null;
    this.horn?.destroy();
    this.horn = null;
  }
}
