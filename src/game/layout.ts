/**
 * Where everything goes on a canvas of a given size: zones side by side (the first grouping), each a
 * portal frame whose crown carries its name, its land holding territories in centred rows, a strip
 * of managed lands (Fargate), and a counts line. Pure geometry, so it scales with the canvas and can
 * be reasoned about without Phaser.
 */
import type { DevelopmentModel, TerritoryModel, ZoneModel } from './kingdom-model.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ZoneLayout {
  name: string;
  /** The outer portal frame. */
  frame: Rect;
  /** Frame stroke width. */
  stroke: number;
  crown: Rect;
  land: Rect;
  managed: Rect;
  /** Where managed developments go (the strip less its label). */
  managedYard: Rect;
  counts: Rect;
}

export interface TerritoryLayout {
  plot: Rect;
  header: Rect;
  castle: Rect;
  yard: Rect;
  /** Territory size unit (px): the plot of a 1 vCPU / 1 GiB type is about one unit square. */
  unit: number;
}

export interface Fonts {
  zoneCode: number;
  zoneName: number;
  counts: number;
  managed: number;
  /** Per territory size unit. */
  territoryName: (unit: number) => number;
  territoryType: (unit: number) => number;
}

export interface KingdomLayout {
  width: number;
  height: number;
  zones: ZoneLayout[];
  territories: Map<string, TerritoryLayout>;
  developments: Map<string, Rect>;
  fonts: Fonts;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Plot size in units: wider with more vCPUs, deeper with more memory (log scale, so 32 GiB still fits). */
export function plotUnits(t: Pick<TerritoryModel, 'vcpus' | 'memoryGiB'>): { w: number; h: number } {
  return {
    w: 1.1 + 0.3 * Math.log2(Math.max(1, t.vcpus)),
    h: 1.0 + 0.16 * Math.log2(Math.max(1, t.memoryGiB)),
  };
}

/** Rows of items of given sizes (in units) laid out at unit size u, centred in a box; null if they overflow. */
function flow(sizes: { w: number; h: number }[], u: number, box: Rect): Rect[] | null {
  const gap = u * 0.14;
  const rows: { items: number[]; w: number; h: number }[] = [];
  let row = { items: [] as number[], w: 0, h: 0 };
  sizes.forEach((s, i) => {
    const w = s.w * u;
    const h = s.h * u;
    if (w > box.w + 0.01) return;
    if (row.items.length > 0 && row.w + gap + w > box.w + 0.01) {
      rows.push(row);
      row = { items: [], w: 0, h: 0 };
    }
    row.w += (row.items.length > 0 ? gap : 0) + w;
    row.h = Math.max(row.h, h);
    row.items.push(i);
  });
  if (row.items.length > 0) rows.push(row);
  const total = rows.reduce((sum, r) => sum + r.h, 0) + gap * Math.max(0, rows.length - 1);
  if (total > box.h + 0.01 || rows.reduce((n, r) => n + r.items.length, 0) < sizes.length) return null;
  const out: Rect[] = new Array(sizes.length);
  let y = box.y;
  for (const r of rows) {
    let x = box.x + (box.w - r.w) / 2;
    for (const i of r.items) {
      const s = sizes[i] as { w: number; h: number };
      out[i] = { x, y, w: s.w * u, h: s.h * u };
      x += s.w * u + gap;
    }
    y += r.h + gap;
  }
  return out;
}

/** The largest unit (up to `max`) at which the items fit the box, by bisection; falls back to `min`. */
function fitUnit(
  sizes: { w: number; h: number }[],
  box: Rect,
  max: number,
  min = 6,
): { rects: Rect[]; unit: number } {
  if (sizes.length === 0) return { rects: [], unit: max };
  const atMax = flow(sizes, max, box);
  if (atMax) return { rects: atMax, unit: max };
  let lo = min;
  let hi = max;
  for (let i = 0; i < 18; i++) {
    const mid = (lo + hi) / 2;
    if (flow(sizes, mid, box)) lo = mid;
    else hi = mid;
  }
  const rects =
    flow(sizes, lo, box) ?? sizes.map((s, i) => ({ x: box.x + i * 2, y: box.y, w: s.w * min, h: s.h * min }));
  return { rects, unit: lo };
}

/** Slots for n developments in a box: a grid whose cells are as large as possible, about 4:3. */
export function slots(n: number, box: Rect): Rect[] {
  if (n <= 0 || box.w <= 0 || box.h <= 0) return [];
  const aspect = 1.25;
  let best = { cols: 1, rows: n, size: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const size = Math.min(box.w / cols / aspect, box.h / rows);
    if (size > best.size) best = { cols, rows, size };
  }
  const cw = box.w / best.cols;
  const ch = box.h / best.rows;
  // Cells no larger than the biggest a development needs, centred.
  const w = Math.min(cw, best.size * aspect * 1.15);
  const h = Math.min(ch, best.size * 1.15);
  const usedW = w * best.cols;
  const usedH = h * best.rows;
  const ox = box.x + (box.w - usedW) / 2;
  const oy = box.y + (box.h - usedH) / 2;
  const out: Rect[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % best.cols;
    const r = Math.floor(i / best.cols);
    out.push({ x: ox + c * w, y: oy + r * h, w, h });
  }
  return out;
}

export function territoryInterior(plot: Rect, unit: number): TerritoryLayout {
  const pad = clamp(unit * 0.06, 2, 10);
  const headerH = clamp(plot.h * 0.36, 18, unit * 0.5);
  const header = { x: plot.x + pad, y: plot.y + pad, w: plot.w - 2 * pad, h: headerH };
  const castleSize = headerH;
  const castle = { x: header.x, y: header.y, w: castleSize, h: castleSize };
  const yard = {
    x: plot.x + pad,
    y: header.y + header.h + pad,
    w: plot.w - 2 * pad,
    h: plot.y + plot.h - (header.y + header.h) - 2 * pad,
  };
  return { plot, header, castle, yard, unit };
}

export function layoutKingdom(zones: ZoneModel[], width: number, height: number): KingdomLayout {
  const W = Math.max(200, width);
  const H = Math.max(160, height);
  const pad = clamp(Math.min(W, H) * 0.018, 6, 20);
  const n = Math.max(1, zones.length);
  const zoneW = (W - 2 * pad - (n - 1) * pad) / n;
  const stroke = clamp(zoneW * 0.022, 4, 10);
  const crownH = clamp(H * 0.13, 54, 118);
  const countsH = clamp(H * 0.055, 24, 42);
  const managedH = clamp(H * 0.15, 52, 128);
  const inner = stroke + pad * 0.8;

  const fonts: Fonts = {
    zoneCode: Math.round(crownH * 0.5),
    zoneName: Math.round(clamp(crownH * 0.19, 13, 22)),
    counts: Math.round(clamp(countsH * 0.56, 13, 24)),
    managed: Math.round(clamp(managedH * 0.16, 12, 18)),
    territoryName: (u) => Math.round(clamp(u * 0.17, 11, 28)),
    territoryType: (u) => Math.round(clamp(u * 0.12, 10, 18)),
  };

  const territories = new Map<string, TerritoryLayout>();
  const developments = new Map<string, Rect>();

  const zoneLayouts = zones.map((zone, i): ZoneLayout => {
    const frame = { x: pad + i * (zoneW + pad), y: pad, w: zoneW, h: H - 2 * pad };
    const x = frame.x + inner;
    const w = frame.w - 2 * inner;
    const crown = { x, y: frame.y + stroke, w, h: crownH };
    const bottom = frame.y + frame.h - stroke;
    const counts = { x, y: bottom - countsH, w, h: countsH };
    const managed = { x, y: counts.y - managedH - pad * 0.3, w, h: managedH };
    const land = {
      x,
      y: crown.y + crown.h + pad * 0.5,
      w,
      h: managed.y - pad * 0.6 - (crown.y + crown.h + pad * 0.5),
    };
    const labelH = fonts.managed * 1.5;
    const managedYard = {
      x: managed.x + pad * 0.5,
      y: managed.y + labelH,
      w: managed.w - pad,
      h: managed.h - labelH - pad * 0.3,
    };

    placeTerritories(zone.territories, land, territories, developments);
    placeDevelopments(zone.managed, managedYard, developments);
    return { name: zone.name, frame, stroke, crown, land, managed, managedYard, counts };
  });

  return { width: W, height: H, zones: zoneLayouts, territories, developments, fonts };
}

function placeTerritories(
  list: TerritoryModel[],
  land: Rect,
  territories: Map<string, TerritoryLayout>,
  developments: Map<string, Rect>,
): void {
  const box = { x: land.x + 4, y: land.y + 6, w: land.w - 8, h: land.h - 12 };
  const sizes = list.map(plotUnits);
  // A lone territory fills most of its zone (readable on a projector); more of them shrink to fit.
  const max = Math.min(box.w / 1.75, box.h / 1.7, 280);
  const { rects, unit } = fitUnit(sizes, box, max);
  list.forEach((t, i) => {
    const plot = rects[i];
    if (!plot) return;
    const interior = territoryInterior(plot, unit);
    territories.set(t.id, interior);
    placeDevelopments(t.developments, interior.yard, developments);
  });
}

function placeDevelopments(list: DevelopmentModel[], box: Rect, developments: Map<string, Rect>): void {
  const cells = slots(list.length, box);
  list.forEach((d, i) => {
    const cell = cells[i];
    if (cell) developments.set(d.id, cell);
  });
}
