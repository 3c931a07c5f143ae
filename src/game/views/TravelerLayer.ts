/**
 * Travelers walking the gate's roads and sparks rising from the wizards' towers: a pooled particle
 * layer. Each route (door, road, market, development; or a spell's edition) carries travelers in
 * proportion to its requests per simulated second; one traveler stands for N requests, N chosen (in
 * steps of 1, 2, 5, 10, ...) so that no more than CAP are ever drawn, whatever the traffic and the
 * speed. A traveler wears the banner of the development it goes to (colour of the plan, pattern of
 * the edition), so colour is never the only sign. A request that fails (the per-second increase of
 * state.traffic.totals errors for its revision) turns back at the development as a vermillion cross;
 * a failed invocation rises as a vermillion spark with a cross.
 *
 * Travelers move with the frame time scaled by nothing (their walking pace is for the eye) and are
 * spawned with the simulated time (requests per simulated second x simulated seconds per real one).
 * No tweens: the kingdom still counts as settled while they walk. With reduced motion the layer
 * draws nothing and the gate view shows static arrows and counts instead.
 */
import type Phaser from 'phaser';
import { fillPoly, strokePoly } from '../draw.ts';
import type { Pt, TravelRoute } from '../gate-paths.ts';
import type { Banner } from '../kingdom-model.ts';
import { OKABE_ITO } from '../palette.ts';

export const TRAVELER_DEPTH = 17;
/** The most travelers (and sparks) drawn at once. */
export const TRAVELER_CAP = 160;
const WALK_SPEED = 150;
const SPARK_SPEED = 70;
/** How far a failed traveler walks back before it vanishes. */
const TURN_BACK = 70;
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const ART_W = 24;
const ART_H = 30;

export interface LayerRoute {
  key: string;
  kind: 'walk' | 'spark';
  points: Pt[];
  rps: number;
  banner: Banner | null;
  /** Share of requests failing on this route, 0..1. */
  errorRate: number;
}

interface RouteState extends LayerRoute {
  cum: number[];
  length: number;
  carry: number;
}

interface Walker {
  img: Phaser.GameObjects.Image;
  route: RouteState | null;
  s: number;
  fail: boolean;
  back: number;
}

const INK = 0x1c1408;

export function walkRoutes(
  routes: readonly TravelRoute[],
  errorRate: (key: string | null) => number,
): LayerRoute[] {
  return routes.map((r) => ({
    key: r.key,
    kind: 'walk',
    points: r.points,
    rps: r.rps,
    banner: r.banner,
    errorRate: errorRate(r.revisionKey),
  }));
}

export class TravelerLayer {
  private readonly scene: Phaser.Scene;
  private readonly walkers: Walker[] = [];
  private routes: RouteState[] = [];
  private size = 16;
  private seed = 12345;
  private perTraveler = 1;
  private visibleCount = 0;
  private enabled = true;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  /** Replaces the routes (kept walkers on a route that still exists carry on). */
  setRoutes(routes: readonly LayerRoute[], size: number): void {
    this.size = size;
    const old = new Map(this.routes.map((r) => [r.key, r]));
    this.routes = routes
      .filter((r) => r.points.length >= 2)
      .map((r) => {
        const cum = [0];
        for (let i = 1; i < r.points.length; i++) {
          const a = r.points[i - 1] as Pt;
          const b = r.points[i] as Pt;
          cum.push((cum[i - 1] as number) + Math.hypot(b.x - a.x, b.y - a.y));
        }
        return { ...r, cum, length: cum[cum.length - 1] as number, carry: old.get(r.key)?.carry ?? 0 };
      });
    const byKey = new Map(this.routes.map((r) => [r.key, r]));
    for (const w of this.walkers) {
      if (!w.route) continue;
      const next = byKey.get(w.route.key);
      if (!next) this.retire(w);
      else w.route = next;
    }
  }

  /** Moving travelers on (true) or none at all (reduced motion). */
  setEnabled(on: boolean): void {
    this.enabled = on;
    if (!on) for (const w of this.walkers) this.retire(w);
  }

  /** Requests each drawn traveler stands for. */
  get requestsPerTraveler(): number {
    return this.perTraveler;
  }

  get drawn(): number {
    return this.visibleCount;
  }

  /**
   * Moves everyone by `dtMs` of real time and spawns for `simSeconds` of simulated time (0 when the
   * clock is paused: the travelers then stand where they are).
   */
  update(dtMs: number, simSeconds: number): void {
    if (!this.enabled) {
      this.visibleCount = 0;
      return;
    }
    const dt = Math.min(0.1, dtMs / 1000);
    if (simSeconds > 0) this.spawn(simSeconds, dt);
    let visible = 0;
    for (const w of this.walkers) {
      const r = w.route;
      if (!r) continue;
      if (simSeconds > 0 || dtMs > 0) this.step(w, r, simSeconds > 0 ? dt : 0);
      if (w.route) visible++;
    }
    this.visibleCount = visible;
  }

  private spawn(simSeconds: number, dt: number): void {
    // Requests per real second, and how many travelers that makes with the walk's duration.
    let flow = 0;
    let inFlight = 0;
    for (const r of this.routes) {
      const perReal = (r.rps * simSeconds) / Math.max(dt, 1e-3);
      flow += perReal;
      inFlight += (perReal * r.length) / (r.kind === 'spark' ? SPARK_SPEED : WALK_SPEED);
    }
    const need = inFlight / TRAVELER_CAP;
    this.perTraveler = STEPS.find((s) => s >= need) ?? (STEPS[STEPS.length - 1] as number);
    if (flow <= 0) return;
    for (const r of this.routes) {
      r.carry += (r.rps * simSeconds) / this.perTraveler;
      while (r.carry >= 1) {
        r.carry -= 1;
        const w = this.free();
        if (!w) {
          r.carry = 0;
          break;
        }
        const fail = this.random() < r.errorRate;
        w.route = r;
        w.s = 0;
        w.fail = fail;
        w.back = 0;
        const key =
          r.kind === 'spark'
            ? sparkTexture(this.scene, fail ? null : r.banner)
            : travelerTexture(this.scene, r.banner);
        const scale = (r.kind === 'spark' ? this.size * 0.8 : this.size) / ART_H;
        w.img.setTexture(key).setScale(scale).setVisible(true).setAlpha(1);
        this.place(w, r, 0);
      }
    }
  }

  private step(w: Walker, r: RouteState, dt: number): void {
    const speed = r.kind === 'spark' ? SPARK_SPEED : WALK_SPEED;
    if (w.back > 0 || (w.fail && r.kind === 'walk' && w.s >= r.length)) {
      if (w.back === 0) w.img.setTexture(failTexture(this.scene));
      w.back += speed * dt;
      const s = r.length - w.back;
      w.img.setAlpha(Math.max(0, 1 - w.back / TURN_BACK));
      if (w.back >= TURN_BACK || s <= 0) {
        this.retire(w);
        return;
      }
      this.place(w, r, s);
      return;
    }
    w.s += speed * dt;
    if (w.s >= r.length) {
      if (w.fail && r.kind === 'walk') return;
      this.retire(w);
      return;
    }
    if (r.kind === 'spark') w.img.setAlpha(Math.max(0.15, 1 - w.s / r.length));
    this.place(w, r, w.s);
  }

  private place(w: Walker, r: RouteState, s: number): void {
    const cum = r.cum;
    let lo = 0;
    let hi = cum.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) <= s) lo = mid;
      else hi = mid;
    }
    const a = r.points[lo] as Pt;
    const b = r.points[hi] as Pt;
    const seg = (cum[hi] as number) - (cum[lo] as number) || 1;
    const k = Math.max(0, Math.min(1, (s - (cum[lo] as number)) / seg));
    w.img.setPosition(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k);
  }

  private free(): Walker | null {
    for (const w of this.walkers) if (!w.route) return w;
    if (this.walkers.length >= TRAVELER_CAP) return null;
    const img = this.scene.add.image(0, 0, '__DEFAULT').setOrigin(0.5, 0.85).setDepth(TRAVELER_DEPTH);
    const w: Walker = { img, route: null, s: 0, fail: false, back: 0 };
    this.walkers.push(w);
    return w;
  }

  private retire(w: Walker): void {
    w.route = null;
    w.back = 0;
    w.img.setVisible(false);
  }

  private random(): number {
    this.seed = (this.seed * 1103515245 + 12345) >>> 0;
    return (this.seed >>> 8) / 16777216;
  }

  destroy(): void {
    for (const w of this.walkers) w.img.destroy();
    this.walkers.length = 0;
    this.routes = [];
  }
}

// ---------------------------------------------------------------------------------------------
// Textures, made once per look and shared.

function bodyPattern(
  g: Phaser.GameObjects.Graphics,
  banner: Banner,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  g.fillStyle(0xffffff, 0.95);
  switch (banner.shape) {
    case 'striped':
      g.fillRect(x, y + h * 0.28, w, h * 0.16);
      g.fillRect(x, y + h * 0.6, w, h * 0.16);
      break;
    case 'dotted':
      g.fillCircle(x + w * 0.3, y + h * 0.35, w * 0.1);
      g.fillCircle(x + w * 0.7, y + h * 0.35, w * 0.1);
      g.fillCircle(x + w * 0.5, y + h * 0.7, w * 0.1);
      break;
    case 'chevron':
      fillPoly(g, [
        { x: x + w * 0.2, y: y + h * 0.3 },
        { x: x + w * 0.5, y: y + h * 0.55 },
        { x: x + w * 0.8, y: y + h * 0.3 },
        { x: x + w * 0.8, y: y + h * 0.5 },
        { x: x + w * 0.5, y: y + h * 0.75 },
        { x: x + w * 0.2, y: y + h * 0.5 },
      ]);
      break;
    case 'swallowtail':
      fillPoly(g, [
        { x: x + w * 0.5, y: y + h * 0.25 },
        { x: x + w * 0.72, y: y + h * 0.85 },
        { x: x + w * 0.28, y: y + h * 0.85 },
      ]);
      break;
    case 'pennant':
      g.fillRect(x + w * 0.42, y, w * 0.16, h);
      break;
    default:
      break;
  }
}

/** A traveler: a head and a cloak in the colours of the banner of the development it goes to. */
export function travelerTexture(scene: Phaser.Scene, banner: Banner | null): string {
  const key = banner ? `traveler-${banner.color.toString(16)}-${banner.shape}` : 'traveler-plain';
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  const cloak = [
    { x: ART_W * 0.5 - 5, y: 11 },
    { x: ART_W * 0.5 + 5, y: 11 },
    { x: ART_W - 2, y: ART_H - 2 },
    { x: 2, y: ART_H - 2 },
  ];
  g.fillStyle(banner?.color ?? 0xfff3d6, 1);
  fillPoly(g, cloak);
  if (banner) bodyPattern(g, banner, 4, 12, ART_W - 8, ART_H - 14);
  g.lineStyle(2, INK, 1);
  strokePoly(g, cloak);
  g.fillStyle(0xf5d48a, 1);
  g.fillCircle(ART_W / 2, 7, 5.5);
  g.lineStyle(2, INK, 1);
  g.strokeCircle(ART_W / 2, 7, 5.5);
  g.generateTexture(key, ART_W, ART_H);
  g.destroy();
  return key;
}

/** A traveler turned away: vermillion with a white cross (a failed request). */
export function failTexture(scene: Phaser.Scene): string {
  const key = 'traveler-failed';
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  const r = ART_W / 2 - 1;
  const cy = ART_H - r - 1;
  g.fillStyle(OKABE_ITO.vermillion, 1);
  g.fillCircle(ART_W / 2, cy, r);
  g.lineStyle(2, INK, 1);
  g.strokeCircle(ART_W / 2, cy, r);
  g.lineStyle(3.5, 0xffffff, 1);
  const d = r * 0.45;
  g.lineBetween(ART_W / 2 - d, cy - d, ART_W / 2 + d, cy + d);
  g.lineBetween(ART_W / 2 - d, cy + d, ART_W / 2 + d, cy - d);
  g.generateTexture(key, ART_W, ART_H);
  g.destroy();
  return key;
}

/** A spark of a spell's edition (its banner's colour and pattern); vermillion with a cross when it failed. */
export function sparkTexture(scene: Phaser.Scene, banner: Banner | null): string {
  const key = banner ? `spark-${banner.color.toString(16)}-${banner.shape}` : 'spark-failed';
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  const cx = ART_W / 2;
  const cy = ART_H / 2;
  const star: Pt[] = [];
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4 - Math.PI / 2;
    const r = i % 2 === 0 ? 11 : 4.5;
    star.push({ x: cx + Math.cos(a) * r, y: cy + Math.sin(a) * r });
  }
  g.fillStyle(banner?.color ?? OKABE_ITO.vermillion, 1);
  fillPoly(g, star);
  g.lineStyle(1.5, INK, 1);
  strokePoly(g, star);
  g.fillStyle(0xffffff, 1);
  if (!banner) {
    g.lineStyle(2.5, 0xffffff, 1);
    g.lineBetween(cx - 3, cy - 3, cx + 3, cy + 3);
    g.lineBetween(cx - 3, cy + 3, cx + 3, cy - 3);
  } else if (banner.shape === 'striped') {
    g.fillRect(cx - 4, cy - 1, 8, 2.5);
  } else if (banner.shape !== 'solid') {
    g.fillCircle(cx, cy, 2);
  }
  g.generateTexture(key, ART_W, ART_H);
  g.destroy();
  return key;
}
