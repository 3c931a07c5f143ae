/**
 * The city gates (Application Load Balancers): a stone wall per gate with its doors (listeners) as
 * arches labelled with their port ("main door" 80, "test door" 8080), the roads from each door to the
 * markets (target groups) it forwards to, as wide as their set weight and labelled with it ("90%")
 * and the travelers per second they carry; each market a paved square whose spokes climb to the
 * developments registered as its targets, the herald's verdict (target health) shown by an icon at
 * each development: tick, hourglass, cross or arrow leaving.
 *
 * The gate area is one baked texture (redrawn when the model, the layout or the names change); the
 * spokes and heralds, which reach into the zones, are two Graphics redrawn at the same moments. With
 * reduced motion, chevrons along the roads and spokes stand in for the walking travelers.
 */
import type Phaser from 'phaser';
import type { Selection } from '../../store/create-game-store.ts';
import { BAKE_RESOLUTION, BakedLayer, paintText } from '../baked-layer.ts';
import { fillPoly } from '../draw.ts';
import type { BandLayout } from '../gate-layout.ts';
import type { GateWorld, MarketModel } from '../gate-model.ts';
import { type Anchors, doorSlots, type Pt, roadPoints, spokePoints, targetAnchor } from '../gate-paths.ts';
import type { GateWords } from '../gate-words.ts';
import { drawHerald } from '../herald.ts';
import type { Rect } from '../layout.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from '../palette.ts';

/** The labels stand above the travelers (17) so weights and names stay readable. */
export const GATE_DEPTH = { band: 5, spokes: 15, labels: 18, heralds: 60 } as const;

const STONE = 0xb9bec6;
const STONE_SHADE = 0x8e949d;
const INK = 0x1c1408;
const ROAD = 0xfff3d6;
const PAVING = 0xf3e6c4;

export interface GateSnapshot {
  gates: {
    id: string;
    name: string;
    bounds: Rect;
    doors: {
      id: string;
      port: number;
      label: string;
      bounds: Rect;
      roads: { targetGroupArn: string; percent: string; rps: number }[];
    }[];
  }[];
  markets: {
    id: string;
    name: string;
    bounds: Rect;
    targets: { key: string; taskArn: string | null; state: string; herald: string; drawn: boolean }[];
  }[];
}

interface Label {
  text: Phaser.GameObjects.Text;
  plate: Rect | null;
}

export class GateView {
  private readonly scene: Phaser.Scene;
  private readonly layer: BakedLayer;
  private readonly labelLayer: BakedLayer;
  private readonly spokes: Phaser.GameObjects.Graphics;
  private readonly heralds: Phaser.GameObjects.Graphics;
  private readonly pops: Phaser.GameObjects.Graphics[] = [];
  private labels: Label[] = [];
  private signature = '';
  private world: GateWorld | null = null;
  private band: BandLayout | null = null;
  /** Where each target's herald stands (by `${targetGroupArn}|${key}`), for the pop animation. */
  private readonly heraldAt = new Map<string, { x: number; y: number; r: number }>();

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.layer = new BakedLayer(scene, BAKE_RESOLUTION);
    this.layer.image.setDepth(GATE_DEPTH.band);
    this.labelLayer = new BakedLayer(scene, BAKE_RESOLUTION);
    this.labelLayer.image.setDepth(GATE_DEPTH.labels);
    this.spokes = scene.add.graphics().setDepth(GATE_DEPTH.spokes);
    this.heralds = scene.add.graphics().setDepth(GATE_DEPTH.heralds);
  }

  update(world: GateWorld, band: BandLayout, anchors: Anchors, words: GateWords, still: boolean): void {
    const anchorSig = world.markets.map((m) =>
      m.targets.map((t) => {
        const a = targetAnchor(t, anchors);
        return a ? [Math.round(a.x), Math.round(a.y)] : null;
      }),
    );
    const signature = JSON.stringify([
      world.gates,
      world.markets,
      band.gateArea,
      band.gates,
      [...band.markets],
      band.fonts,
      anchorSig,
      words.gateSection,
      still,
    ]);
    this.world = world;
    this.band = band;
    if (signature === this.signature) return;
    this.signature = signature;
    const area = band.gateArea;
    if (!area) {
      this.layer.image.setVisible(false);
      this.labelLayer.image.setVisible(false);
      this.spokes.clear();
      this.heralds.clear();
      return;
    }
    this.drawSpokes(world, band, anchors, still);
    for (const l of this.labels) l.text.destroy();
    this.labels = [];
    const m = 24;
    const ox = Math.floor(area.x - m);
    const oy = Math.floor(area.y - m);
    this.layer.image.setPosition(ox, oy);
    this.labelLayer.image.setPosition(ox, oy);
    this.placeLabels(world, band, words);
    this.layer.redraw(area.w + 2 * m, area.h + 2 * m, (g) => {
      g.translateCanvas(-ox, -oy);
      this.drawArea(g, world, band, still);
    });
    this.labelLayer.redraw(
      area.w + 2 * m,
      area.h + 2 * m,
      () => {},
      (ctx) => {
        ctx.translate(-ox, -oy);
        for (const l of this.labels) {
          if (l.plate) {
            ctx.fillStyle = 'rgba(20, 14, 6, 0.86)';
            ctx.beginPath();
            ctx.roundRect(l.plate.x, l.plate.y, l.plate.w, l.plate.h, Math.min(6, l.plate.h / 3));
            ctx.fill();
          }
          paintText(ctx, l.text);
        }
      },
    );
  }

  /** What a world point hits: a door, a gate's wall, a market, or nothing. */
  hit(x: number, y: number): Selection | null {
    const band = this.band;
    if (!band) return null;
    const inside = (r: Rect) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
    for (const g of band.gates) {
      for (const d of g.doors) if (inside(d.rect)) return { kind: 'listener', id: d.arn };
      const top = { ...g.wall, y: g.wall.y - band.fonts.title * 1.35, h: g.wall.h + band.fonts.title * 1.35 };
      if (inside(top)) return { kind: 'loadBalancer', id: g.arn };
    }
    for (const [arn, r] of band.markets) if (inside(r)) return { kind: 'targetGroup', id: arn };
    return null;
  }

  /** The outline of a selected gate, door or market. */
  rectOf(sel: Selection): Rect | null {
    const band = this.band;
    if (!band) return null;
    if (sel.kind === 'loadBalancer') return band.gates.find((g) => g.arn === sel.id)?.wall ?? null;
    if (sel.kind === 'listener') {
      for (const g of band.gates) for (const d of g.doors) if (d.arn === sel.id) return d.rect;
      return null;
    }
    if (sel.kind === 'targetGroup') return band.markets.get(sel.id) ?? null;
    return null;
  }

  snapshot(words: GateWords): GateSnapshot {
    const world = this.world;
    const band = this.band;
    if (!world || !band) return { gates: [], markets: [] };
    return {
      gates: world.gates.map((g) => {
        const place = band.gates.find((p) => p.arn === g.arn);
        return {
          id: g.arn,
          name: g.name,
          bounds: place?.wall ?? { x: 0, y: 0, w: 0, h: 0 },
          doors: g.doors.map((d) => ({
            id: d.arn,
            port: d.port,
            label: `:${d.port} ${words.door(d)}`,
            bounds: place?.doors.find((x) => x.arn === d.arn)?.rect ?? { x: 0, y: 0, w: 0, h: 0 },
            roads: d.roads.map((r) => ({ targetGroupArn: r.targetGroupArn, percent: r.percent, rps: r.rps })),
          })),
        };
      }),
      markets: world.markets.map((m) => ({
        id: m.arn,
        name: m.name,
        bounds: band.markets.get(m.arn) ?? { x: 0, y: 0, w: 0, h: 0 },
        targets: m.targets.map((t) => ({
          key: t.key,
          taskArn: t.taskArn,
          state: t.state,
          herald: t.herald,
          drawn: this.heraldAt.has(`${m.arn}|${t.key}`),
        })),
      })),
    };
  }

  /** The herald's cross pops over a target that turned unhealthy (from 'target/unhealthy'). */
  popHerald(targetGroupArn: string | null, targetId: string | null, animate: boolean): boolean {
    let at: { x: number; y: number; r: number } | undefined;
    for (const [key, spot] of this.heraldAt) {
      const [tg, target] = key.split('|') as [string, string];
      if (targetGroupArn && tg !== targetGroupArn) continue;
      if (targetId && target !== targetId && !target.startsWith(`${targetId}:`)) continue;
      at = spot;
      break;
    }
    if (!at) return false;
    const g = this.scene.add.graphics().setDepth(GATE_DEPTH.heralds + 1);
    drawHerald(g, 'cross', 0, 0, at.r);
    g.setPosition(at.x, at.y);
    if (!animate) {
      g.destroy();
      return true;
    }
    this.pops.push(g);
    g.setScale(0.4);
    this.scene.tweens.add({
      targets: g,
      scale: 2.4,
      alpha: { from: 1, to: 0 },
      duration: 900,
      ease: 'Back.easeOut',
      onComplete: () => {
        g.destroy();
        const i = this.pops.indexOf(g);
        if (i >= 0) this.pops.splice(i, 1);
      },
    });
    return true;
  }

  destroy(): void {
    for (const g of this.pops) {
      this.scene.tweens.killTweensOf(g);
      g.destroy();
    }
    this.layer.destroy();
    this.labelLayer.destroy();
    this.spokes.destroy();
    this.heralds.destroy();
    for (const l of this.labels) l.text.destroy();
    this.labels = [];
  }

  // -------------------------------------------------------------------------------------------

  private text(size: number, color: string, bold: boolean): Phaser.GameObjects.Text {
    return this.scene.make.text(
      {
        x: 0,
        y: 0,
        text: '',
        style: {
          fontFamily: FONT_FAMILY,
          fontSize: `${size}px`,
          color,
          fontStyle: bold ? 'bold' : 'normal',
          resolution: BAKE_RESOLUTION,
        },
      },
      false,
    );
  }

  private label(
    text: string,
    x: number,
    y: number,
    opts: {
      size: number;
      color?: string;
      bold?: boolean;
      origin?: [number, number];
      maxW?: number;
      plate?: boolean;
    },
  ): Phaser.GameObjects.Text {
    const t = this.text(opts.size, opts.color ?? COLORS.textOnLight, opts.bold ?? false)
      .setAlign('center')
      .setText(text)
      .setOrigin(...(opts.origin ?? [0.5, 0.5]))
      .setPosition(x, y);
    if (opts.maxW && t.width > opts.maxW) t.setScale(opts.maxW / t.width);
    let plate: Rect | null = null;
    if (opts.plate) {
      const w = t.displayWidth + 10;
      const h = t.displayHeight + 4;
      plate = { x: x - t.originX * t.displayWidth - 5, y: y - t.originY * t.displayHeight - 2, w, h };
    }
    this.labels.push({ text: t, plate });
    return t;
  }

  private placeLabels(world: GateWorld, band: BandLayout, words: GateWords): void {
    const f = band.fonts;
    const markets = new Map(world.markets.map((m) => [m.arn, m]));
    const slots = doorSlots(world);
    for (const place of band.gates) {
      const gate = world.gates.find((g) => g.arn === place.arn);
      if (!gate) continue;
      const state = gate.state === 'active' ? '' : ` · ${gate.state}`;
      this.label(`${words.gate(gate.name)}${state}`, place.wall.x, place.wall.y - f.title * 0.2, {
        size: f.title,
        color: COLORS.textOnDark,
        bold: true,
        origin: [0, 1],
        maxW: Math.max(place.wall.w * 2.2, 120),
      });
      for (const door of gate.doors) {
        const r = place.doors.find((d) => d.arn === door.arn)?.rect;
        if (!r) continue;
        const portSize = Math.round(Math.min(f.weight, r.h * 0.34));
        this.label(`:${door.port}`, r.x + r.w / 2, r.y + r.h * 0.46, {
          size: portSize,
          color: '#ffffff',
          bold: true,
          maxW: r.w * 0.86,
        });
        this.label(words.door(door), r.x + r.w / 2, r.y + r.h * 0.46 + portSize * 0.95, {
          size: Math.round(Math.min(f.small, r.h * 0.2)),
          color: '#fff3c4',
          maxW: r.w * 0.9,
        });
        // The weight of each road, with the travelers it carries, where the roads have parted.
        door.roads.forEach((road) => {
          const mRect = band.markets.get(road.targetGroupArn);
          if (!mRect) return;
          const pts = roadPoints(place.wall, r, mRect, slots.get(door.arn) ?? 0, slots.size);
          const at = pts[Math.round((pts.length - 1) * 0.62)] ?? pts[0];
          if (!at) return;
          const pct = this.label(road.percent, at.x, at.y, {
            size: f.weight,
            color: '#ffffff',
            bold: true,
            plate: true,
          });
          // The actual traffic beside the set weight.
          if (door.rps > 0) {
            this.label(words.rate(road.rps), at.x, at.y + pct.displayHeight / 2 + f.small * 0.75 + 3, {
              size: f.small,
              color: '#fff3c4',
              plate: true,
            });
          }
        });
      }
    }
    for (const [arn, r] of band.markets) {
      const m = markets.get(arn);
      if (!m) continue;
      this.label(words.market(m.name), r.x + r.w / 2, r.y + r.h * 0.07, {
        size: f.label,
        bold: true,
        origin: [0.5, 0],
        maxW: r.w - 12,
      });
      this.label(words.marketCaption(m.targets.length), r.x + r.w / 2, r.y + r.h * 0.07 + f.label * 1.2, {
        size: f.small,
        color: COLORS.textOnLightSoft,
        origin: [0.5, 0],
        maxW: r.w - 12,
      });
    }
  }

  private drawArea(g: Phaser.GameObjects.Graphics, world: GateWorld, band: BandLayout, still: boolean): void {
    const area = band.gateArea as Rect;
    // The golden ground of the gate's square.
    g.fillStyle(COLORS.ground, 1);
    g.fillRoundedRect(area.x, area.y, area.w, area.h, 12);
    g.lineStyle(3, COLORS.groundEdge, 1);
    g.strokeRoundedRect(area.x, area.y, area.w, area.h, 12);
    const markets = new Map(world.markets.map((m) => [m.arn, m]));
    const slots = doorSlots(world);
    // Roads first (under the walls and the markets), the approach paths from outside the gate.
    for (const place of band.gates) {
      const gate = world.gates.find((x) => x.arn === place.arn);
      if (!gate) continue;
      for (const door of gate.doors) {
        const r = place.doors.find((d) => d.arn === door.arn)?.rect;
        if (!r) continue;
        const cy = r.y + r.h * 0.62;
        strokeRoad(
          g,
          [
            { x: area.x + 4, y: cy },
            { x: place.wall.x, y: cy },
          ],
          10,
          false,
        );
        const maxW = Math.max(10, Math.min(r.h * 0.36, 28));
        for (const road of door.roads) {
          const mRect = band.markets.get(road.targetGroupArn);
          if (!mRect) continue;
          const pts = roadPoints(place.wall, r, mRect, slots.get(door.arn) ?? 0, slots.size);
          const w = road.share > 0 ? 4 + road.share * maxW : 2.5;
          strokeRoad(g, pts, w, road.share <= 0);
          if (still && road.rps > 0) chevrons(g, pts, Math.max(5, w * 0.45));
        }
      }
    }
    for (const place of band.gates) {
      const gate = world.gates.find((x) => x.arn === place.arn);
      drawWall(g, place.wall, gate?.state !== 'active');
      for (const d of place.doors) drawDoor(g, d.rect);
    }
    for (const [arn, r] of band.markets) {
      const m = markets.get(arn);
      if (m) this.drawMarket(g, m, r, band);
    }
  }

  private drawMarket(g: Phaser.GameObjects.Graphics, m: MarketModel, r: Rect, band: BandLayout): void {
    g.fillStyle(PAVING, 1);
    g.fillRoundedRect(r.x, r.y, r.w, r.h, 10);
    // Cobbles: a few rows of small arcs.
    g.lineStyle(1, 0xc9b48a, 0.8);
    for (let y = r.y + 8; y < r.y + r.h - 4; y += 9) {
      for (let x = r.x + 8 + ((y / 9) % 2) * 5; x < r.x + r.w - 6; x += 12) {
        g.beginPath();
        g.arc(x, y, 4, Math.PI, Math.PI * 2);
        g.strokePath();
      }
    }
    g.lineStyle(3, INK, 1);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
    // The herald's verdicts in a row along the market's foot (the same icons stand at the developments).
    const n = m.targets.length;
    if (n === 0) return;
    const rr = Math.max(5, Math.min(band.fonts.small * 0.55, r.h * 0.13, (r.w - 16) / (n * 2.4)));
    const y = r.y + r.h - rr - 4;
    const span = n * rr * 2.4;
    m.targets.forEach((t, i) => {
      drawHerald(g, t.herald, r.x + (r.w - span) / 2 + rr * 1.2 + i * rr * 2.4, y, rr);
    });
  }

  private drawSpokes(world: GateWorld, band: BandLayout, anchors: Anchors, still: boolean): void {
    const g = this.spokes;
    const h = this.heralds;
    g.clear();
    h.clear();
    this.heraldAt.clear();
    for (const m of world.markets) {
      const r = band.markets.get(m.arn);
      if (!r) continue;
      for (const t of m.targets) {
        const a = targetAnchor(t, anchors);
        if (!a) continue;
        const pts = spokePoints(r, a);
        strokeRoad(g, pts, t.rps > 0 ? 4 : 2.5, t.rps <= 0, 0.9);
        if (still && t.rps > 0) chevrons(g, pts, 4.5);
        const dev = t.taskArn ? anchors.developments.get(t.taskArn) : undefined;
        const size = dev ? Math.min(dev.w, dev.h) : 40;
        const rad = Math.max(6, Math.min(13, size * 0.17));
        // At the development's top right corner, clear of its banner and its name.
        const x = dev ? dev.x + dev.w - rad * 0.5 : a.x;
        const y = dev ? dev.y + rad * 0.5 : a.y;
        drawHerald(h, t.herald, x, y, rad);
        this.heraldAt.set(`${m.arn}|${t.key}`, { x, y, r: rad });
      }
    }
  }
}

function strokeRoad(g: Phaser.GameObjects.Graphics, pts: Pt[], w: number, dashed: boolean, alpha = 1): void {
  if (pts.length < 2) return;
  if (dashed) {
    g.lineStyle(w, INK, 0.7 * alpha);
    for (let i = 1; i < pts.length; i += 2) {
      const a = pts[i - 1] as Pt;
      const b = pts[i] as Pt;
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    return;
  }
  g.lineStyle(w + 4, INK, 0.75 * alpha);
  polyline(g, pts);
  g.lineStyle(w, ROAD, alpha);
  polyline(g, pts);
}

function polyline(g: Phaser.GameObjects.Graphics, pts: Pt[]): void {
  g.beginPath();
  g.moveTo((pts[0] as Pt).x, (pts[0] as Pt).y);
  for (let i = 1; i < pts.length; i++) g.lineTo((pts[i] as Pt).x, (pts[i] as Pt).y);
  g.strokePath();
}

/** Static arrows along a path (reduced motion: they stand in for walking travelers). */
function chevrons(g: Phaser.GameObjects.Graphics, pts: Pt[], size: number): void {
  g.fillStyle(INK, 0.9);
  for (let i = 3; i < pts.length - 1; i += 4) {
    const a = pts[i - 1] as Pt;
    const b = pts[i] as Pt;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    fillPoly(g, [
      { x: b.x + ux * size, y: b.y + uy * size },
      { x: b.x - uy * size * 0.8, y: b.y + ux * size * 0.8 },
      { x: b.x + uy * size * 0.8, y: b.y - ux * size * 0.8 },
    ]);
  }
}

/** A stone wall with battlements and two towers; doors are cut into it. */
function drawWall(g: Phaser.GameObjects.Graphics, r: Rect, building: boolean): void {
  const alpha = building ? 0.55 : 1;
  const merlon = Math.max(6, r.w * 0.09);
  g.fillStyle(STONE, alpha);
  g.fillRect(r.x, r.y + merlon, r.w, r.h - merlon);
  for (let x = r.x; x < r.x + r.w - 1; x += merlon * 2) {
    g.fillRect(x, r.y, Math.min(merlon, r.x + r.w - x), merlon + 1);
  }
  // Courses of stone.
  g.lineStyle(1, STONE_SHADE, alpha);
  for (let y = r.y + merlon + 12; y < r.y + r.h - 4; y += 12) g.lineBetween(r.x + 2, y, r.x + r.w - 2, y);
  g.lineStyle(3, INK, 1);
  g.strokeRect(r.x, r.y + merlon, r.w, r.h - merlon);
  if (building) {
    // Scaffolding: the gate is still being built (provisioning).
    g.lineStyle(2, 0x7a4a1e, 1);
    for (let x = r.x + 6; x < r.x + r.w; x += 16) g.lineBetween(x, r.y + merlon, x - 10, r.y + r.h);
  }
}

/** An open arch: dark inside, so its port reads in white; a lantern on each side. */
function drawDoor(g: Phaser.GameObjects.Graphics, r: Rect): void {
  const arch = Math.min(r.w / 2, r.h * 0.4);
  g.fillStyle(0x2b2118, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, { tl: arch, tr: arch, bl: 2, br: 2 });
  g.lineStyle(3, 0x5b3a1a, 1);
  g.strokeRoundedRect(r.x, r.y, r.w, r.h, { tl: arch, tr: arch, bl: 2, br: 2 });
  g.fillStyle(OKABE_ITO.yellow, 1);
  const lr = Math.max(2.5, r.w * 0.05);
  g.fillCircle(r.x - lr * 1.8, r.y + r.h * 0.35, lr);
  g.fillCircle(r.x + r.w + lr * 1.8, r.y + r.h * 0.35, lr);
}
