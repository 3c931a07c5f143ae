/**
 * Share links: a world in a URL fragment. A link is a saved session (the level or the sandbox, the
 * seed, the world's region and the region on screen, the calls with their simulated times), written as JSON, compressed with lz-string
 * into URL-safe characters and prefixed with its format: `#world=1.<lz-string>`. The fragment never
 * reaches a server, so a world travels without one.
 *
 * Reading a link never throws: it returns the world, or a message that says what is wrong (cut short,
 * tampered, too long, a newer format). Whether the model accepts its calls is decided when it is
 * opened (open-link.ts).
 */
import LZString from 'lz-string';
import type { SavedWorld } from './create-game-store.ts';
import { LINK_FORMAT, LINK_LIMITS, type LinkWorld, parseLinkWorld } from './share-schema.ts';

export { LINK_FORMAT, LINK_LIMITS, type LinkWorld } from './share-schema.ts';

/** The fragment's key: `#world=...`. */
export const LINK_KEY = 'world';

export type LinkRead = { ok: true; world: LinkWorld; format: number } | { ok: false; message: string };

/**
 * The world of a store's save, with the level it was made in (null: the sandbox) and the region the
 * player is looking at (ui.region), where the link opens.
 */
export function linkWorldOf(saved: SavedWorld, level: string | null, view: string): LinkWorld {
  return {
    level,
    seed: saved.seed,
    region: saved.region,
    view,
    elapsed: saved.elapsed,
    calls: saved.calls,
  };
}

/** The fragment (without `#`) that carries a world. */
export function encodeLink(world: LinkWorld): string {
  return `${LINK_KEY}=${LINK_FORMAT}.${LZString.compressToEncodedURIComponent(JSON.stringify(world))}`;
}

/** A full URL for a world: the page's address with the world in its fragment. */
export function linkUrl(pageUrl: string, world: LinkWorld): string {
  const url = new URL(pageUrl);
  url.hash = encodeLink(world);
  return url.toString();
}

/** The value of `world=` in a fragment (`#a=1&world=...` works too), or null when there is none. */
export function linkPayload(fragment: string): string | null {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of body.split('&')) {
    if (part.startsWith(`${LINK_KEY}=`)) return part.slice(LINK_KEY.length + 1);
  }
  return null;
}

const DAMAGED = 'This link is damaged or cut short: its world could not be read. Copy the whole link again.';

/** Reads the world in a fragment (`#world=1.xxxx` or the bare `world=...`/`1.xxxx`). */
export function decodeLink(fragment: string): LinkRead {
  const payload = linkPayload(fragment) ?? fragment.replace(/^#/, '');
  if (payload.length > LINK_LIMITS.linkChars) {
    return {
      ok: false,
      message: `This link is too long (${payload.length} characters; a world link holds at most ${LINK_LIMITS.linkChars}).`,
    };
  }
  const dot = payload.indexOf('.');
  const formatText = dot < 0 ? '' : payload.slice(0, dot);
  if (!/^[1-9][0-9]{0,5}$/.test(formatText)) {
    return { ok: false, message: 'This is not a Nozama world link (it has no format number).' };
  }
  const format = Number(formatText);
  if (format > LINK_FORMAT) {
    return {
      ok: false,
      message: `This link was made by a newer version of Nozama (link format ${format}); this page reads formats up to ${LINK_FORMAT}. Open it with the newer version.`,
    };
  }
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload.slice(dot + 1));
  } catch {
    json = null;
  }
  if (!json) return { ok: false, message: DAMAGED };
  if (json.length > LINK_LIMITS.jsonChars) {
    return { ok: false, message: 'This link unpacks to a world too large to open.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: DAMAGED };
  }
  const parsed = parseLinkWorld(value);
  if (!parsed.ok) return { ok: false, message: `This link's world is damaged (${parsed.problem}).` };
  return { ok: true, world: parsed.world, format };
}
