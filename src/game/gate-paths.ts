/**
 * The ways travelers walk, as polylines in world coordinates: from outside the wall through a door,
 * along the door's road to a market (target group), then up its spoke to the development (task) or
 * territory (instance) a request lands on. The gate view draws the roads and spokes from the same
 * points the traveler layer moves along. Pure geometry.
 */

import type { BandLayout } from './gate-layout.ts';
import type { GateWorld } from './gate-model.ts';
import type { Banner } from './kingdom-model.ts';
import type { Rect } from './layout.ts';

export interface Pt {
  x: number;
  y: number;
}

export function cubic(p0: Pt, c1: Pt, c2: Pt, p1: Pt, n = 18): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    out.push({
      x: a * p0.x + b * c1.x + c * c2.x + d * p1.x,
      y: a * p0.y + b * c1.y + c * c2.y + d * p1.y,
    });
  }
  return out;
}

/**
 * The road from a door (leaving the wall's right face) up to a market's foot. Door `slot` of `slots`
 * arrives at its own point of the foot, so roads from different doors never merge.
 */
export function roadPoints(wall: Rect, door: Rect, market: Rect, slot = 0, slots = 1): Pt[] {
  const p0 = { x: wall.x + wall.w, y: door.y + door.h * 0.62 };
  const p1 = { x: market.x + (market.w * (slot + 1)) / (slots + 1), y: market.y + market.h };
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  return cubic(p0, { x: p0.x + dx * 0.6, y: p0.y }, { x: p1.x, y: p1.y - dy * 0.55 }, p1);
}

/** The spoke from a market's top up to a development's (or territory's) foot. */
export function spokePoints(market: Rect, anchor: Pt): Pt[] {
  const p0 = { x: market.x + market.w / 2, y: market.y };
  const rise = Math.max(20, (p0.y - anchor.y) * 0.45);
  return cubic(p0, { x: p0.x, y: p0.y - rise }, { x: anchor.x, y: anchor.y + rise }, anchor, 14);
}

/** A point `t` (0..1) of the way along a polyline, and the polyline's length. */
export function pathLength(points: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Pt;
    const b = points[i] as Pt;
    len += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return len;
}

export interface TravelRoute {
  /** `${doorArn}|${targetGroupArn}|${targetKey}` (or without the target when the market has none). */
  key: string;
  points: Pt[];
  /** Travelers per simulated second along this route. */
  rps: number;
  banner: Banner | null;
  /** The revision's key in state.traffic.totals. */
  revisionKey: string | null;
}

export interface Anchors {
  developments: ReadonlyMap<string, Rect>;
  territories: ReadonlyMap<string, { plot: Rect }>;
}

/** Where a target's spoke ends: its development's foot, else its territory's, else none. */
export function targetAnchor(
  target: { taskArn: string | null; instanceId: string | null },
  anchors: Anchors,
): Pt | null {
  const dev = target.taskArn ? anchors.developments.get(target.taskArn) : undefined;
  if (dev) return { x: dev.x + dev.w / 2, y: dev.y + dev.h * 0.92 };
  const plot = target.instanceId ? anchors.territories.get(target.instanceId)?.plot : undefined;
  if (plot) return { x: plot.x + plot.w / 2, y: plot.y + plot.h * 0.95 };
  return null;
}

/** Each door's place among all doors (the order of the gates and their doors). */
export function doorSlots(world: GateWorld): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of world.gates) for (const d of g.doors) out.set(d.arn, out.size);
  return out;
}

/** Every route with travelers on it: door x road x target, with its rate. */
export function travelRoutes(world: GateWorld, band: BandLayout, anchors: Anchors): TravelRoute[] {
  const routes: TravelRoute[] = [];
  const markets = new Map(world.markets.map((m) => [m.arn, m]));
  const slots = doorSlots(world);
  for (const place of band.gates) {
    const gate = world.gates.find((g) => g.arn === place.arn);
    if (!gate) continue;
    for (const door of gate.doors) {
      const rect = place.doors.find((d) => d.arn === door.arn)?.rect;
      const slot = slots.get(door.arn) ?? 0;
      if (!rect || door.rps <= 0) continue;
      const cy = rect.y + rect.h * 0.62;
      const approach = [
        { x: place.wall.x - Math.max(40, place.wall.w * 0.5), y: cy },
        { x: rect.x + rect.w / 2, y: cy },
      ];
      for (const road of door.roads) {
        const mRect = band.markets.get(road.targetGroupArn);
        const mk = markets.get(road.targetGroupArn);
        if (!mRect || !mk || road.rps <= 0) continue;
        const base = [...approach, ...roadPoints(place.wall, rect, mRect, slot, slots.size)];
        const share = mk.rps > 0 ? road.rps / mk.rps : 0;
        const receiving = mk.targets.filter((t) => t.rps > 0);
        if (receiving.length === 0) {
          routes.push({
            key: `${door.arn}|${mk.arn}`,
            points: [...base, { x: mRect.x + mRect.w / 2, y: mRect.y + mRect.h / 2 }],
            rps: road.rps,
            banner: null,
            revisionKey: null,
          });
          continue;
        }
        for (const t of receiving) {
          const anchor = targetAnchor(t, anchors);
          const tail = anchor
            ? spokePoints(mRect, anchor)
            : [{ x: mRect.x + mRect.w / 2, y: mRect.y + mRect.h / 2 }];
          routes.push({
            key: `${door.arn}|${mk.arn}|${t.key}`,
            points: [...base, ...tail],
            rps: t.rps * share,
            banner: t.banner,
            revisionKey: t.revisionKey,
          });
        }
      }
    }
  }
  return routes;
}
