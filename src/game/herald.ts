/**
 * The herald's verdicts (target health) and the watchtower beacons as icons: each differs by its
 * shape, not only its colour (PRODUCT.md "Palette"): a tick for healthy, an hourglass for initial, a
 * cross for unhealthy, an arrow leaving for draining; a flame for a lit beacon, a tick for a dark
 * one, a question mark for one that has no data yet.
 */
import type Phaser from 'phaser';
import { drawCross } from './banner.ts';
import { fillPoly, strokePoly } from './draw.ts';
import type { HeraldIcon } from './gate-model.ts';
import { OKABE_ITO } from './palette.ts';

type G = Phaser.GameObjects.Graphics;

const INK = 0x1c1408;

export function drawTick(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(OKABE_ITO.bluishGreen, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1, r * 0.14), 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  g.lineStyle(Math.max(1.5, r * 0.3), 0xffffff, 1);
  strokePoly(
    g,
    [
      { x: cx - r * 0.45, y: cy + r * 0.02 },
      { x: cx - r * 0.12, y: cy + r * 0.36 },
      { x: cx + r * 0.48, y: cy - r * 0.34 },
    ],
    false,
  );
}

export function drawHourglass(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(0xf0e442, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1, r * 0.14), INK, 1);
  g.strokeCircle(cx, cy, r);
  const w = r * 0.46;
  const h = r * 0.58;
  g.fillStyle(INK, 1);
  fillPoly(g, [
    { x: cx - w, y: cy - h },
    { x: cx + w, y: cy - h },
    { x: cx, y: cy },
  ]);
  fillPoly(g, [
    { x: cx, y: cy },
    { x: cx - w, y: cy + h },
    { x: cx + w, y: cy + h },
  ]);
  g.lineStyle(Math.max(1, r * 0.12), INK, 1);
  g.lineBetween(cx - w * 1.15, cy - h, cx + w * 1.15, cy - h);
  g.lineBetween(cx - w * 1.15, cy + h, cx + w * 1.15, cy + h);
}

/** An arrow leaving through a doorway: the target is draining (no new travelers). */
export function drawArrowOut(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(0x000000, 0.88);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1, r * 0.14), 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  // The doorway on the left, the arrow going out to the right.
  g.lineStyle(Math.max(1.2, r * 0.16), 0xf0e442, 1);
  g.strokeRect(cx - r * 0.62, cy - r * 0.45, r * 0.42, r * 0.9);
  g.lineStyle(Math.max(1.5, r * 0.22), 0xf0e442, 1);
  g.lineBetween(cx - r * 0.3, cy, cx + r * 0.42, cy);
  g.fillStyle(0xf0e442, 1);
  fillPoly(g, [
    { x: cx + r * 0.66, y: cy },
    { x: cx + r * 0.3, y: cy - r * 0.3 },
    { x: cx + r * 0.3, y: cy + r * 0.3 },
  ]);
}

export function drawHerald(g: G, icon: HeraldIcon, cx: number, cy: number, r: number): void {
  switch (icon) {
    case 'tick':
      drawTick(g, cx, cy, r);
      return;
    case 'hourglass':
      drawHourglass(g, cx, cy, r);
      return;
    case 'cross':
      drawCross(g, cx, cy, r);
      return;
    case 'arrowOut':
      drawArrowOut(g, cx, cy, r);
      return;
    default:
      g.fillStyle(0x8c8c8c, 1);
      g.fillCircle(cx, cy, r * 0.7);
  }
}

/** A question mark on a grey disc: no data yet. */
export function drawQuestion(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(0x8c8c8c, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1, r * 0.14), 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  g.lineStyle(Math.max(1.5, r * 0.24), 0xffffff, 1);
  g.beginPath();
  g.arc(cx, cy - r * 0.2, r * 0.3, Math.PI * 1.05, Math.PI * 2.35, false);
  g.strokePath();
  g.lineBetween(cx + r * 0.02, cy + r * 0.05, cx, cy + r * 0.3);
  g.fillStyle(0xffffff, 1);
  g.fillCircle(cx, cy + r * 0.55, Math.max(1, r * 0.13));
}

/** A flame, the beacon of a watchtower in ALARM. (cx, cy) is its foot. */
export function drawBeaconFlame(g: G, cx: number, cy: number, h: number): void {
  const w = h * 0.7;
  const outer = [
    { x: cx, y: cy - h },
    { x: cx + w * 0.26, y: cy - h * 0.6 },
    { x: cx + w * 0.46, y: cy - h * 0.74 },
    { x: cx + w * 0.5, y: cy - h * 0.3 },
    { x: cx + w * 0.3, y: cy },
    { x: cx - w * 0.3, y: cy },
    { x: cx - w * 0.5, y: cy - h * 0.3 },
    { x: cx - w * 0.4, y: cy - h * 0.68 },
    { x: cx - w * 0.18, y: cy - h * 0.5 },
  ];
  g.fillStyle(OKABE_ITO.vermillion, 1);
  fillPoly(g, outer);
  g.lineStyle(Math.max(1, h * 0.06), INK, 1);
  strokePoly(g, outer);
  g.fillStyle(0xf0e442, 1);
  fillPoly(g, [
    { x: cx, y: cy - h * 0.55 },
    { x: cx + w * 0.22, y: cy - h * 0.2 },
    { x: cx + w * 0.14, y: cy },
    { x: cx - w * 0.14, y: cy },
    { x: cx - w * 0.22, y: cy - h * 0.2 },
  ]);
}
