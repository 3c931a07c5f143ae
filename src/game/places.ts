/**
 * Where the player can be (store.ui.place) and how the planet presents its regions: which scene shows
 * a place, the story name of each region, and the `?place=` query parameter that opens the game
 * somewhere other than the store's starting place.
 */
import { REGIONS, type SimState, zoneNames } from '../model/index.ts';
import type { ViewPlace } from '../store/create-game-store.ts';
import { SceneKey } from './keys.ts';

export function sceneOf(place: ViewPlace): SceneKey.Planet | SceneKey.Region | SceneKey.Kingdom {
  switch (place.scene) {
    case 'planet':
      return SceneKey.Planet;
    case 'region':
      return SceneKey.Region;
    default:
      return SceneKey.Kingdom;
  }
}

/** The place one level up (what Escape goes back to). */
export function parentOf(place: ViewPlace): ViewPlace | null {
  if (place.scene === 'kingdom') return { scene: 'region' };
  if (place.scene === 'region') return { scene: 'planet' };
  return null;
}

export interface RegionLook {
  regionName: string;
  /** The region's name in the story ("SW Nozama"). */
  title: string;
  zones: number;
  /** Every region can be visited (each its own world: its zones, AMIs, kingdoms). */
  open: boolean;
  /** The region the player is in (ui.region): drawn near and big, the others far away. */
  current: boolean;
  /** Kingdoms (ACTIVE clusters) standing in it. */
  kingdoms: number;
  /** Where its place sits on the planet's disc, in planet radii from the centre (x right, y down). */
  at: { x: number; y: number };
  /** Its marker's radius, in planet radii: nearer regions are bigger. */
  size: number;
}

const TITLES: Record<string, string> = {
  'za-southwest-1': 'SW Nozama',
  'za-northeast-1': 'NE Nozama',
  'za-central-1': 'Central Nozama',
};

const SPOTS: Record<string, { at: { x: number; y: number }; size: number }> = {
  // South-west and near: low on the left of the disc, facing the viewer.
  'za-southwest-1': { at: { x: -0.3, y: 0.28 }, size: 0.2 },
  // North-east, near the rim: far away, foreshortened.
  'za-northeast-1': { at: { x: 0.58, y: -0.56 }, size: 0.085 },
  // The middle of the continent, towards the horizon.
  'za-central-1': { at: { x: 0.12, y: -0.18 }, size: 0.11 },
};

export function regionTitle(regionName: string): string {
  return TITLES[regionName] ?? regionName;
}

export function regionLooks(sim: SimState, current: string): RegionLook[] {
  const kingdoms = (region: string) =>
    Object.values(sim.clusters).filter((c) => c.region === region && c.status === 'ACTIVE').length;
  return REGIONS.map((r) => ({
    regionName: r.regionName,
    title: regionTitle(r.regionName),
    zones: zoneNames(r.regionName).length,
    open: true,
    current: r.regionName === current,
    kingdoms: kingdoms(r.regionName),
    at: SPOTS[r.regionName]?.at ?? { x: 0, y: 0 },
    size: SPOTS[r.regionName]?.size ?? 0.08,
  }));
}

/**
 * A `?place=` value: `planet`, `region`, `kingdom`, or a zone name (`za-southwest-1b`) for the kingdom
 * focused on that zone; null for anything else (src/app/query-options.ts names it to the player).
 */
export function placeFromParam(value: string, region: string): ViewPlace | null {
  if (value === 'planet') return { scene: 'planet' };
  if (value === 'region') return { scene: 'region' };
  if (value === 'kingdom') return { scene: 'kingdom', zone: null };
  if (zoneNames(region).includes(value)) return { scene: 'kingdom', zone: value };
  return null;
}
