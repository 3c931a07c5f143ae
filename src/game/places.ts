/**
 * Where the player can be (store.ui.place) and how the planet presents its regions: which scene shows
 * a place, the story name of each region, and the `?place=` query parameter that opens the game
 * somewhere other than the store's starting place.
 */
import { REGIONS, zoneNames } from '../model/index.ts';
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
  /** Only the default region can be visited for now; the others are far away. */
  open: boolean;
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

export function regionLooks(defaultRegion: string): RegionLook[] {
  return REGIONS.map((r) => ({
    regionName: r.regionName,
    title: TITLES[r.regionName] ?? r.regionName,
    zones: zoneNames(r.regionName).length,
    open: r.regionName === defaultRegion,
    at: SPOTS[r.regionName]?.at ?? { x: 0, y: 0 },
    size: SPOTS[r.regionName]?.size ?? 0.08,
  }));
}

/**
 * A place's name: `planet`, `region`, `kingdom`, or a zone name (`za-southwest-1b`) for the kingdom
 * focused on that zone (what `?place=` gives). Anything else: null (the store's own place stands).
 */
export function parsePlace(value: string | null, region: string): ViewPlace | null {
  if (value === 'planet') return { scene: 'planet' };
  if (value === 'region') return { scene: 'region' };
  if (value === 'kingdom') return { scene: 'kingdom', zone: null };
  if (value && zoneNames(region).includes(value)) return { scene: 'kingdom', zone: value };
  return null;
}
