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
  /** The world's height: the view's, or more when the zones grew taller to keep territories readable. */
  height: number;
  zones: ZoneLayout[];
  territories: Map<string, TerritoryLayout>;
  developments: Map<string, Rect>;
  fonts: Fonts;
  /**
   * The strip below the zones that holds the city gate, the watchtowers and the spells (see
   * gate-layout.ts); null when the kingdom has none of them (the zones then fill the view as before).
   */
  band: Rect | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Plot size in units: wider with more vCPUs, deeper with more memory (log scale, so 32 GiB still fits). */
export function plotUnits(t: Pick<TerritoryModel, 'vcpus' | 'memoryGiB'>): { w: number; h: number } {
  return {
    w: 1.1 + 0.3 * Math.log2(Math.max(1, t.vcpus)),
    h: 1.0 + 0.16 * Math.log2(Math.max(1, t.memoryGiB)),
  };
}

/**
 * The smallest territory unit (px at zoom 1) before the zones grow taller instead of shrinking their
 * territories further: below it a castle and its ten developments stop being readable. A kingdom of a
 * hundred territories becomes a tall world the camera pans over and zooms into.
 */
export const MIN_UNIT = 92;

/** Total height of the rows that items of given sizes (in units) take at unit u in a width w. */
export function rowsHeight(sizes: { w: number; h: number }[], u: number, w: number): number {
  const gap = u * 0.14;
  let total = 0;
  let rows = 0;
  let rowW = 0;
  let rowH = 0;
  let inRow = 0;
  for (const s of sizes) {
    const iw = s.w * u;
    const ih = s.h * u;
    if (inRow > 0 && rowW + gap + iw > w + 0.01) {
      total += rowH;
      rows++;
      rowW = 0;
      rowH = 0;
      inRow = 0;
    }
    rowW += (inRow > 0 ? gap : 0) + iw;
    rowH = Math.max(rowH, ih);
    inRow++;
  }
  if (inRow > 0) {
    total += rowH;
    rows++;
  }
  return total + gap * Math.max(0, rows - 1);
}

/** The unit territories never go below in a land box of width w (smaller only when one would not fit). */
function floorUnit(sizes: { w: number; h: number }[], w: number): number {
  const widest = sizes.reduce((m, s) => Math.max(m, s.w), 1);
  return Math.max(6, Math.min(MIN_UNIT, w / widest));
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

/**
 * The kingdom laid out for a view of width x height. When a zone holds more territories than fit
 * at MIN_UNIT, every zone grows taller (the world becomes taller than the view) rather than shrinking
 * them further, and wider when that keeps the world's shape near the view's; `width` and `height` in
 * the result are the world's, which the camera pans over and zooms into.
 */
export function layoutKingdom(
  zones: ZoneModel[],
  width: number,
  height: number,
  bandHeight = 0,
  belowHeight = 0,
): KingdomLayout {
  if (bandHeight > 0) {
    // The zones are laid out in the view less the band, and the band (plus what goes below the
    // view) is added under them.
    const H = Math.max(160, height);
    const band = Math.min(Math.round(bandHeight), Math.round(H * 0.6));
    const below = Math.max(0, Math.round(belowHeight));
    const inner = layoutKingdom(zones, width, H - band);
    const pad = clamp(Math.min(Math.max(200, width), Math.max(160, H - band)) * 0.018, 6, 20);
    return {
      ...inner,
      height: inner.height + band + below,
      band: { x: pad, y: inner.height, w: inner.width - 2 * pad, h: band + below - pad },
    };
  }
  // A grown world is also made wider (up to 4 views) while that keeps it closer to the view's shape,
  // so the whole kingdom still fits the screen at a zoom where its castles can be told apart.
  const aspect = Math.max(160, height) / Math.max(200, width);
  let best = grownLayout(zones, width, height);
  for (const k of [1.25, 1.5, 2, 2.5, 3, 4]) {
    if (best.height / best.width <= aspect * 1.15) break;
    const wider = grownLayout(zones, width * k, height);
    if (
      Math.abs(Math.log(wider.height / wider.width / aspect)) >=
      Math.abs(Math.log(best.height / best.width / aspect))
    )
      break;
    best = wider;
  }
  return best;
}

function grownLayout(zones: ZoneModel[], width: number, height: number): KingdomLayout {
  const first = layoutAt(zones, width, height, height);
  let extra = 0;
  for (let i = 0; i < zones.length; i++) {
    const zone = zones[i] as ZoneModel;
    const zl = first.zones[i];
    if (!zl || zone.territories.length === 0) continue;
    const box = territoryBox(zl.land);
    const sizes = zone.territories.map(plotUnits);
    const need = rowsHeight(sizes, floorUnit(sizes, box.w), box.w);
    extra = Math.max(extra, need - box.h);
  }
  return extra > 0.5 ? layoutAt(zones, width, height, first.height + Math.ceil(extra) + 2) : first;
}

function territoryBox(land: Rect): Rect {
  return { x: land.x + 4, y: land.y + 6, w: land.w - 8, h: land.h - 12 };
}

/** Sizes (crown, strips, fonts) follow the view's height; the zone frames span the world's height. */
function layoutAt(zones: ZoneModel[], width: number, height: number, worldHeight: number): KingdomLayout {
  const W = Math.max(200, width);
  const H = Math.max(160, height);
  const worldH = Math.max(H, worldHeight);
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
    const frame = { x: pad + i * (zoneW + pad), y: pad, w: zoneW, h: worldH - 2 * pad };
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

  return { width: W, height: worldH, zones: zoneLayouts, territories, developments, fonts, band: null };
}

function placeTerritories(
  list: TerritoryModel[],
  land: Rect,
  territories: Map<string, TerritoryLayout>,
  developments: Map<string, Rect>,
): void {
  const box = territoryBox(land);
  const sizes = list.map(plotUnits);
  // A lone territory fills most of its zone (readable on a projector); more of them shrink to fit,
  // down to MIN_UNIT (below it the world has grown taller instead: see layoutKingdom).
  const max = Math.min(box.w / 1.75, box.h / 1.7, 280);
  const { rects, unit } = fitUnit(sizes, box, max, Math.min(max, floorUnit(sizes, box.w)));
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
