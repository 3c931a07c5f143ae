/**
 * Where the gate band's parts go: the strip below the zones holds, left to right, the city gates
 * (walls with their doors stacked, travelers arriving from the left), the markets (target groups)
 * in a row at the top that the doors' roads climb to (their spokes go on up to the developments),
 * the watchtowers (alarms) and the wizards' towers (Lambda functions) with their incantation
 * ribbons. Pure geometry, like layout.ts.
 */
import { type GateWorld, isEmptyGateWorld } from './gate-model.ts';
import type { Rect } from './layout.ts';

export interface GateFonts {
  /** Section captions and gate names. */
  title: number;
  /** Door ports, market names, tower names. */
  label: number;
  /** Second lines: rates, states. */
  small: number;
  /** Road weight percentages. */
  weight: number;
}

export interface GatePlace {
  arn: string;
  /** The wall and gatehouse. */
  wall: Rect;
  doors: { arn: string; rect: Rect }[];
}

export interface BandLayout {
  band: Rect;
  fonts: GateFonts;
  /** Where the gates, roads and markets go (null without any). */
  gateArea: Rect | null;
  gates: GatePlace[];
  markets: Map<string, Rect>;
  towerArea: Rect | null;
  towers: Map<string, Rect>;
  spellArea: Rect | null;
  spells: Map<string, Rect>;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The band's heights for a view of height viewH: `inView` is taken from the zones (the gate row, or
 * the spells' strip when there is no gate), `below` is added under the view (the spells' strip under
 * a gate row). Both 0 when there is nothing to show.
 */
export function bandHeights(world: GateWorld, viewH: number): { inView: number; below: number } {
  if (isEmptyGateWorld(world)) return { inView: 0, below: 0 };
  const gateRow = hasGateRow(world) ? gateRowHeight(world, viewH) : 0;
  const spellRow = world.spells.length > 0 ? spellRowHeight(world) : 0;
  return gateRow > 0 ? { inView: gateRow, below: spellRow } : { inView: spellRow, below: 0 };
}

function hasGateRow(world: GateWorld): boolean {
  return world.gates.length > 0 || world.markets.length > 0 || world.towers.length > 0;
}

function gateRowHeight(world: GateWorld, viewH: number): number {
  const doors = world.gates.reduce((n, g) => n + Math.max(1, g.doors.length), 0);
  const rows = Math.max(doors, world.markets.length > 0 ? 2 : 1, 1);
  const want = 78 + rows * 62;
  return Math.round(clamp(want, Math.max(150, viewH * 0.3), Math.max(170, viewH * 0.42)));
}

function spellRowHeight(world: GateWorld): number {
  const ribbons = world.spells.reduce((n, s) => Math.max(n, s.incantations.length), 0);
  return Math.round(clamp(84 + ribbons * 40, 120, 200));
}

export function layoutBand(world: GateWorld, band: Rect): BandLayout {
  const gateRowH = hasGateRow(world)
    ? world.spells.length > 0
      ? Math.max(60, band.h - spellRowHeight(world))
      : band.h
    : 0;
  const h = gateRowH > 0 ? gateRowH : band.h;
  const fonts: GateFonts = {
    title: Math.round(clamp(h * 0.085, 13, 22)),
    label: Math.round(clamp(h * 0.08, 12, 20)),
    small: Math.round(clamp(h * 0.062, 11, 16)),
    weight: Math.round(clamp(h * 0.1, 14, 26)),
  };
  const gap = clamp(band.w * 0.012, 6, 16);
  const hasGate = world.gates.length > 0 || world.markets.length > 0;
  // The gate row: the gate (its roads and weights matter most), the watchtowers at its right.
  const towerUnit = clamp(h * 0.4, 64, 120);
  const towerW =
    world.towers.length > 0 ? Math.min(world.towers.length * towerUnit, hasGate ? band.w * 0.3 : band.w) : 0;
  const gateW = hasGate ? band.w - towerW - (towerW > 0 ? gap : 0) : 0;
  const gateArea = hasGate ? { x: band.x, y: band.y, w: gateW, h } : null;
  const towerArea = towerW > 0 ? { x: band.x + (hasGate ? gateW + gap : 0), y: band.y, w: towerW, h } : null;
  // The spells' strip: under the gate row, or the whole band without one.
  const spellTop = gateRowH > 0 ? band.y + gateRowH + gap * 0.6 : band.y;
  const spellArea =
    world.spells.length > 0 ? { x: band.x, y: spellTop, w: band.w, h: band.y + band.h - spellTop } : null;

  const gates: GatePlace[] = [];
  const markets = new Map<string, Rect>();
  if (gateArea) {
    const inner = { x: gateArea.x, y: gateArea.y + 4, w: gateArea.w, h: h - 8 };
    const wallW = clamp(inner.w * 0.2, 84, 150);
    const wallX = inner.x + clamp(inner.w * 0.06, 28, 70);
    const weights = world.gates.map((g) => Math.max(1, g.doors.length));
    const total = weights.reduce((a, b) => a + b, 0);
    // Each gate: its name on a line, then its wall with the doors stacked in it.
    const nameH = fonts.title * 1.35;
    let y = inner.y;
    world.gates.forEach((g, i) => {
      const sliceH = (inner.h * (weights[i] as number)) / Math.max(1, total);
      const wall = { x: wallX, y: y + nameH, w: wallW, h: sliceH - nameH - 4 };
      const n = Math.max(1, g.doors.length);
      const doorPitch = wall.h / n;
      const doorH = Math.min(doorPitch * 0.82, 96);
      const doorW = wallW * 0.72;
      const doors = g.doors.map((d, j) => ({
        arn: d.arn,
        rect: {
          x: wall.x + (wall.w - doorW) / 2,
          y: wall.y + j * doorPitch + (doorPitch - doorH) / 2,
          w: doorW,
          h: doorH,
        },
      }));
      gates.push({ arn: g.arn, wall, doors });
      y += sliceH;
    });
    // The markets stand in a row at the top of the area, nearest the zones their spokes climb to.
    const m = Math.max(1, world.markets.length);
    const rowX = Math.max(
      wallX + wallW + 12,
      Math.min(wallX + wallW + clamp(inner.w * 0.14, 40, 160), inner.x + inner.w - 90 * m),
    );
    const rowW = inner.x + inner.w - rowX;
    const slot = rowW / m;
    const marketW = Math.max(30, Math.min(slot * 0.92, 250));
    const marketH = clamp(inner.h * 0.36, 46, 76);
    world.markets.forEach((mk, i) => {
      markets.set(mk.arn, { x: rowX + i * slot + (slot - marketW) / 2, y: inner.y, w: marketW, h: marketH });
    });
  }
  const towers = new Map<string, Rect>();
  if (towerArea) {
    const w = towerArea.w / world.towers.length;
    const top = towerArea.y + fonts.title * 1.5;
    world.towers.forEach((t, i) => {
      towers.set(t.name, { x: towerArea.x + i * w, y: top, w, h: towerArea.h - (top - towerArea.y) });
    });
  }
  const spells = new Map<string, Rect>();
  if (spellArea) {
    const w = Math.min(spellArea.w / world.spells.length, 460);
    const top = spellArea.y + fonts.title * 1.5;
    world.spells.forEach((s, i) => {
      spells.set(s.name, {
        x: spellArea.x + i * w,
        y: top,
        w: w - gap,
        h: spellArea.h - (top - spellArea.y),
      });
    });
  }
  return { band, fonts, gateArea, gates, markets, towerArea, towers, spellArea, spells };
}
