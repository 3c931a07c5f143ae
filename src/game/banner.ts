/**
 * Banners and flags, drawn live because their colour, shape and height carry state: a development's
 * banner names its plan (colour per family, shape per revision), a castle's flag tells whether its
 * lord (the ECS agent) is connected, draining or gone quiet.
 */
import type Phaser from 'phaser';
import { fillPoly, strokePoly } from './draw.ts';
import type { Banner } from './kingdom-model.ts';
import { COLORS } from './palette.ts';

type G = Phaser.GameObjects.Graphics;

const INK = 0x1c1408;
const POLE = 0x5b3a1a;
const MARK = 0xffffff;

/**
 * A banner of width w hanging from (0, 0) to the right, height 0.64 w. Drawn around the origin so a
 * tween on scaleX unfurls it from the pole.
 */
export function drawBannerCloth(g: G, banner: Banner, w: number, droop = 0): void {
  const h = w * 0.64;
  const pts = clothPoints(banner.shape, w, h, droop);
  g.fillStyle(banner.color, 1);
  fillPoly(g, pts);
  g.fillStyle(MARK, 0.95);
  switch (banner.shape) {
    case 'striped': {
      const band = h / 7;
      g.fillRect(0, band * 2 + droop * 0.3, w * 0.98, band);
      g.fillRect(0, band * 4 + droop * 0.6, w * 0.98, band);
      break;
    }
    case 'dotted': {
      const r = Math.max(1, w * 0.08);
      for (const [fx, fy] of [
        [0.28, 0.3],
        [0.7, 0.3],
        [0.49, 0.68],
      ] as const)
        g.fillCircle(w * fx, h * fy + droop * fx, r);
      break;
    }
    case 'chevron': {
      fillPoly(g, [
        { x: w * 0.18, y: h * 0.18 },
        { x: w * 0.58, y: h * 0.5 + droop * 0.5 },
        { x: w * 0.18, y: h * 0.82 },
        { x: w * 0.36, y: h * 0.5 + droop * 0.3 },
      ]);
      break;
    }
    default:
      break;
  }
  g.lineStyle(Math.max(1, w * 0.05), INK, 1);
  strokePoly(g, pts);
}

function clothPoints(
  shape: Banner['shape'],
  w: number,
  h: number,
  droop: number,
): { x: number; y: number }[] {
  switch (shape) {
    case 'swallowtail':
      return [
        { x: 0, y: 0 },
        { x: w, y: droop },
        { x: w * 0.68, y: h * 0.5 + droop },
        { x: w, y: h + droop },
        { x: 0, y: h },
      ];
    case 'pennant':
      return [
        { x: 0, y: 0 },
        { x: w * 1.1, y: h * 0.5 + droop },
        { x: 0, y: h },
      ];
    default:
      return [
        { x: 0, y: 0 },
        { x: w, y: droop },
        { x: w, y: h + droop },
        { x: 0, y: h },
      ];
  }
}

/** A furled banner: the cloth rolled against the pole (a development still being raised). */
export function drawFurled(g: G, banner: Banner, w: number, h: number): void {
  g.fillStyle(banner.color, 1);
  g.fillRoundedRect(-w * 0.06, 0, w * 0.2, h, Math.max(1, w * 0.06));
  g.lineStyle(Math.max(1, w * 0.04), INK, 1);
  g.strokeRoundedRect(-w * 0.06, 0, w * 0.2, h, Math.max(1, w * 0.06));
}

export function drawPole(g: G, x: number, top: number, bottom: number, width: number): void {
  g.lineStyle(Math.max(1.5, width), POLE, 1);
  g.lineBetween(x, top, x, bottom);
  g.fillStyle(0xf0e442, 1);
  g.fillCircle(x, top, Math.max(1.5, width * 0.9));
}

/** A vermillion warning: a flame in a circle (failing health, a dark zone, a lost lord). */
export function drawAlarm(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(COLORS.alarm, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1, r * 0.14), 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  g.fillStyle(0xffffff, 1);
  fillPoly(g, [
    { x: cx, y: cy - r * 0.62 },
    { x: cx + r * 0.38, y: cy + r * 0.1 },
    { x: cx + r * 0.22, y: cy + r * 0.55 },
    { x: cx - r * 0.22, y: cy + r * 0.55 },
    { x: cx - r * 0.38, y: cy + r * 0.1 },
  ]);
}

/** A cross in a circle: something is cut off (the agent is disconnected). */
export function drawCross(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(COLORS.alarm, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1, r * 0.14), 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  g.lineStyle(Math.max(1.5, r * 0.32), 0xffffff, 1);
  const d = r * 0.42;
  g.lineBetween(cx - d, cy - d, cx + d, cy + d);
  g.lineBetween(cx - d, cy + d, cx + d, cy - d);
}

/** Two downward chevrons on a dark disc: the territory is draining (nothing new settles there). */
export function drawDrainSign(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(0x000000, 0.85);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1.5, r * 0.22), 0xf0e442, 1);
  for (const dy of [-0.28, 0.18]) {
    g.beginPath();
    g.moveTo(cx - r * 0.45, cy + r * dy - r * 0.12);
    g.lineTo(cx, cy + r * dy + r * 0.26);
    g.lineTo(cx + r * 0.45, cy + r * dy - r * 0.12);
    g.strokePath();
  }
}

/** A lightning bolt: an Availability Zone gone dark. */
export function drawBolt(g: G, cx: number, cy: number, r: number): void {
  g.fillStyle(COLORS.alarm, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(2, r * 0.1), 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  g.fillStyle(0xffffff, 1);
  fillPoly(g, [
    { x: cx + r * 0.12, y: cy - r * 0.7 },
    { x: cx - r * 0.38, y: cy + r * 0.08 },
    { x: cx - r * 0.04, y: cy + r * 0.08 },
    { x: cx - r * 0.16, y: cy + r * 0.7 },
    { x: cx + r * 0.4, y: cy - r * 0.14 },
    { x: cx + r * 0.04, y: cy - r * 0.14 },
  ]);
}

/**
 * A flame: a building on fire (its container exited with a non-zero code). Vermillion with a yellow
 * heart and a dark outline, so it reads by its shape on any ground, not by colour alone. (cx, cy) is
 * the flame's foot, h its height.
 */
export function drawFlame(g: G, cx: number, cy: number, h: number): void {
  const w = h * 0.62;
  const outer = [
    { x: cx, y: cy - h },
    { x: cx + w * 0.22, y: cy - h * 0.62 },
    { x: cx + w * 0.42, y: cy - h * 0.78 },
    { x: cx + w * 0.5, y: cy - h * 0.36 },
    { x: cx + w * 0.36, y: cy - h * 0.06 },
    { x: cx, y: cy },
    { x: cx - w * 0.36, y: cy - h * 0.06 },
    { x: cx - w * 0.5, y: cy - h * 0.36 },
    { x: cx - w * 0.34, y: cy - h * 0.7 },
    { x: cx - w * 0.16, y: cy - h * 0.52 },
  ];
  g.fillStyle(COLORS.alarm, 1);
  fillPoly(g, outer);
  g.lineStyle(Math.max(1, h * 0.07), INK, 1);
  strokePoly(g, outer);
  g.fillStyle(0xf0e442, 1);
  fillPoly(g, [
    { x: cx, y: cy - h * 0.55 },
    { x: cx + w * 0.22, y: cy - h * 0.24 },
    { x: cx + w * 0.12, y: cy - h * 0.06 },
    { x: cx - w * 0.12, y: cy - h * 0.06 },
    { x: cx - w * 0.22, y: cy - h * 0.24 },
  ]);
}
