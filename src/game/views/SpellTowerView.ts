/**
 * A wizard's tower (a Lambda function) in the spells' strip: a slim tower whose floors are the
 * spell's editions (published versions), each in its banner's colour and pattern and labelled "v1",
 * "v2"; a pointed roof; and beside it one incantation ribbon per alias showing where its casts go,
 * e.g. "live 90% v1 / 10% v2" over a bar split in the same colours and patterns. Baked; redrawn when
 * the function, the layout or the names change. Its sparks (invocations) are the traveler layer's.
 */
import type Phaser from 'phaser';
import { BAKE_RESOLUTION, BakedLayer, paintText } from '../baked-layer.ts';
import { fillPoly } from '../draw.ts';
import type { GateFonts } from '../gate-layout.ts';
import type { SpellModel } from '../gate-model.ts';
import type { Pt } from '../gate-paths.ts';
import type { GateWords } from '../gate-words.ts';
import type { Banner } from '../kingdom-model.ts';
import type { Rect } from '../layout.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from '../palette.ts';

const INK = 0x1c1408;
const PARCHMENT = 0xfff3d6;
const MAX_FLOORS = 6;

export class SpellTowerView {
  private readonly scene: Phaser.Scene;
  private readonly layer: BakedLayer;
  private texts: Phaser.GameObjects.Text[] = [];
  private signature = '';
  /** Where sparks rise from: the roof's tip. */
  private tip: Pt = { x: 0, y: 0 };
  /** Each incantation's ribbon (alias name -> world rectangle), for clicks and the selection. */
  readonly ribbons = new Map<string, Rect>();

  constructor(scene: Phaser.Scene, depth: number) {
    this.scene = scene;
    this.layer = new BakedLayer(scene, BAKE_RESOLUTION);
    this.layer.image.setDepth(depth);
  }

  get sparkOrigin(): Pt {
    return this.tip;
  }

  update(s: SpellModel, r: Rect, fonts: GateFonts, words: GateWords): void {
    const signature = JSON.stringify([
      s.name,
      s.editions,
      s.incantations,
      s.rps,
      r,
      fonts,
      words.spell(s.name),
    ]);
    if (signature === this.signature) return;
    this.signature = signature;
    for (const t of this.texts) t.destroy();
    this.texts = [];
    const towerW = Math.min(r.w * 0.3, 90);
    const tower = { x: r.x + 4, y: r.y, w: towerW, h: r.h };
    const right = { x: tower.x + towerW + 10, y: r.y, w: r.w - towerW - 18, h: r.h };
    const floors = s.editions.slice(-MAX_FLOORS);
    const roofH = Math.min(tower.h * 0.3, 46);
    const floorsH = tower.h - roofH - 4;
    const floorH = Math.min(floorsH / Math.max(1, floors.length), 34);
    const top = tower.y + tower.h - floorH * Math.max(1, floors.length);
    this.tip = { x: tower.x + tower.w / 2, y: top - roofH };

    const title = this.text(
      words.spell(s.name),
      right.x,
      right.y,
      fonts.label,
      COLORS.textOnDark,
      true,
      right.w,
    );
    let y = right.y + title.displayHeight + 4;
    const ribbons: { y: number; h: number; weights: { banner: Banner; share: number }[] }[] = [];
    this.ribbons.clear();
    const bannerOf = new Map(s.editions.map((e) => [e.version, e.banner]));
    for (const inc of s.incantations) {
      const t = this.text(
        words.incantation(inc),
        right.x + 8,
        y + 3,
        fonts.small,
        COLORS.textOnLight,
        true,
        right.w - 16,
      );
      const barH = Math.max(6, fonts.small * 0.5);
      const h = t.displayHeight + barH + 10;
      this.ribbons.set(inc.name, { x: right.x, y, w: right.w, h });
      ribbons.push({
        y,
        h,
        weights: inc.weights
          .filter((w) => w.share > 0)
          .map((w) => ({ banner: bannerOf.get(w.version) ?? fallback(w.version), share: w.share })),
      });
      y += h + 5;
    }
    if (s.rps > 0)
      this.text(words.invocations(s.rps), right.x, y, fonts.small, COLORS.textOnDarkSoft, false, right.w);
    const floorLabels = floors.map((e, i) =>
      this.text(
        words.edition(e.version),
        tower.x + tower.w / 2,
        tower.y + tower.h - (i + 0.5) * floorH,
        Math.round(Math.min(fonts.small, floorH * 0.6)),
        '#ffffff',
        true,
        tower.w - 8,
        [0.5, 0.5],
      ),
    );
    const m = 10;
    const ox = Math.floor(r.x - m);
    const oy = Math.floor(r.y - m);
    this.layer.image.setPosition(ox, oy);
    this.layer.redraw(
      r.w + 2 * m,
      r.h + 2 * m,
      (g) => {
        g.translateCanvas(-ox, -oy);
        this.drawTower(
          g,
          tower,
          floors.map((f) => f.banner),
          floorH,
          roofH,
          top,
        );
        for (const rb of ribbons) drawRibbon(g, { x: right.x, y: rb.y, w: right.w, h: rb.h }, rb.weights);
      },
      (ctx) => {
        ctx.translate(-ox, -oy);
        // The floor labels sit on a dark disc so they read on any banner colour.
        for (const l of floorLabels) {
          ctx.fillStyle = 'rgba(20, 14, 6, 0.75)';
          ctx.beginPath();
          ctx.roundRect(
            l.x - l.displayWidth / 2 - 4,
            l.y - l.displayHeight / 2,
            l.displayWidth + 8,
            l.displayHeight,
            4,
          );
          ctx.fill();
        }
        for (const t of this.texts) paintText(ctx, t);
      },
    );
  }

  private text(
    value: string,
    x: number,
    y: number,
    size: number,
    color: string,
    bold: boolean,
    maxW: number,
    origin: [number, number] = [0, 0],
  ): Phaser.GameObjects.Text {
    const t = this.scene.make.text(
      {
        x,
        y,
        text: value,
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
    t.setOrigin(...origin);
    if (t.width > maxW) t.setScale(maxW / t.width);
    this.texts.push(t);
    return t;
  }

  private drawTower(
    g: Phaser.GameObjects.Graphics,
    r: Rect,
    floors: Banner[],
    floorH: number,
    roofH: number,
    top: number,
  ): void {
    const bottom = r.y + r.h;
    if (floors.length === 0) {
      // No edition published yet: only $LATEST, a bare plinth.
      g.fillStyle(0x6b7585, 1);
      g.fillRect(r.x, bottom - floorH, r.w, floorH);
      g.lineStyle(2, INK, 1);
      g.strokeRect(r.x, bottom - floorH, r.w, floorH);
    }
    floors.forEach((b, i) => {
      const y = bottom - (i + 1) * floorH;
      g.fillStyle(b.color, 1);
      g.fillRect(r.x, y, r.w, floorH);
      pattern(g, b, { x: r.x, y, w: r.w, h: floorH });
      g.lineStyle(2, INK, 1);
      g.strokeRect(r.x, y, r.w, floorH);
    });
    // The pointed roof, with a star.
    const roof = [
      { x: r.x - 6, y: top },
      { x: r.x + r.w / 2, y: top - roofH },
      { x: r.x + r.w + 6, y: top },
    ];
    g.fillStyle(OKABE_ITO.skyBlue, 1);
    fillPoly(g, roof);
    g.lineStyle(2.5, INK, 1);
    g.strokePoints(roof as Phaser.Math.Vector2[], true);
    g.fillStyle(OKABE_ITO.yellow, 1);
    g.fillCircle(r.x + r.w / 2, top - roofH * 0.42, Math.max(2.5, r.w * 0.06));
  }

  destroy(): void {
    this.layer.destroy();
    for (const t of this.texts) t.destroy();
    this.texts = [];
  }
}

function fallback(version: string): Banner {
  return { plan: version, color: 0x8c8c8c, shape: 'solid' };
}

function pattern(g: Phaser.GameObjects.Graphics, b: Banner, r: Rect): void {
  g.fillStyle(0xffffff, 0.9);
  if (b.shape === 'striped') {
    const band = r.h / 7;
    g.fillRect(r.x, r.y + band * 1.5, r.w, band);
    g.fillRect(r.x, r.y + band * 4.5, r.w, band);
  } else if (b.shape === 'dotted') {
    for (let x = r.x + 8; x < r.x + r.w - 4; x += 14)
      g.fillCircle(x, r.y + r.h / 2, Math.max(1.5, r.h * 0.09));
  } else if (b.shape !== 'solid') {
    for (let x = r.x + 6; x < r.x + r.w - 6; x += 14) {
      fillPoly(g, [
        { x, y: r.y + r.h * 0.25 },
        { x: x + 6, y: r.y + r.h * 0.5 },
        { x, y: r.y + r.h * 0.75 },
      ]);
    }
  }
}

/** A parchment ribbon with notched ends, and under its words a bar split by the weights. */
function drawRibbon(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  weights: { banner: Banner; share: number }[],
): void {
  const notch = Math.min(10, r.h * 0.3);
  const pts = [
    { x: r.x, y: r.y },
    { x: r.x + r.w, y: r.y },
    { x: r.x + r.w - notch, y: r.y + r.h / 2 },
    { x: r.x + r.w, y: r.y + r.h },
    { x: r.x, y: r.y + r.h },
    { x: r.x + notch, y: r.y + r.h / 2 },
  ];
  g.fillStyle(PARCHMENT, 1);
  fillPoly(g, pts);
  g.lineStyle(2, INK, 1);
  g.strokePoints(pts as Phaser.Math.Vector2[], true);
  const barH = Math.max(6, r.h * 0.22);
  const bar = { x: r.x + notch + 2, y: r.y + r.h - barH - 4, w: r.w - 2 * notch - 4, h: barH };
  let x = bar.x;
  for (const w of weights) {
    const seg = { x, y: bar.y, w: bar.w * w.share, h: bar.h };
    g.fillStyle(w.banner.color, 1);
    g.fillRect(seg.x, seg.y, seg.w, seg.h);
    pattern(g, w.banner, seg);
    x += seg.w;
  }
  g.lineStyle(1.5, INK, 1);
  g.strokeRect(bar.x, bar.y, bar.w, bar.h);
}
