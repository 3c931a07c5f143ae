/**
 * The shape of a world inside a share link, checked at the edge with valibot (never a hand-written
 * walker): every field bounded, so a tampered or oversized link is refused before the model sees it.
 * The model itself still judges each call (a link whose calls it refuses is refused too: open-link.ts).
 *
 * Format 1: `{ level, seed, region, elapsed, calls: [{ t, call: { action, input?, region? } }] }`,
 * `level` a campaign level id or null for the sandbox, times in whole simulated seconds since the start
 * of the world. Format 2 adds `view`: the region the player was looking at (ui.region), where the link
 * opens; a format 1 link (no `view`) opens in the world's own region.
 */
import * as v from 'valibot';
import { regionInfo } from '../model/index.ts';

/** The link format this version writes. Every older format must keep opening (test/fixtures/links). */
export const LINK_FORMAT = 2;

export const LINK_LIMITS = {
  /** Characters of the compressed fragment: far above any real world, far below a browser's URL cap. */
  linkChars: 60_000,
  /** Characters of the decompressed JSON (a tampered stream can decompress to much more). */
  jsonChars: 1_000_000,
  calls: 2_000,
  /** One simulated week: replaying more would keep a page busy for too long. */
  seconds: 7 * 24 * 3600,
  seed: 0xffffffff,
  nameChars: 64,
} as const;

const seconds = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LINK_LIMITS.seconds));

const RegionSchema = v.pipe(
  v.string(),
  v.check((r) => regionInfo(r) !== undefined, 'is not a region of Nozama'),
);

const CallSchema = v.strictObject({
  action: v.pipe(
    v.string(),
    v.maxLength(LINK_LIMITS.nameChars),
    v.regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'is not an AWS action name (service:Operation)'),
  ),
  input: v.optional(v.record(v.string(), v.unknown())),
  region: v.optional(RegionSchema),
});

export const LinkWorldSchema = v.pipe(
  v.strictObject({
    level: v.nullable(v.pipe(v.string(), v.maxLength(LINK_LIMITS.nameChars))),
    seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LINK_LIMITS.seed)),
    region: RegionSchema,
    view: v.optional(RegionSchema),
    elapsed: seconds,
    calls: v.pipe(
      v.array(v.strictObject({ t: seconds, call: CallSchema })),
      v.maxLength(LINK_LIMITS.calls, `holds more than ${LINK_LIMITS.calls} calls`),
    ),
  }),
  v.check(
    (w) => w.calls.every((c, i) => c.t <= w.elapsed && (i === 0 || (w.calls[i - 1]?.t ?? 0) <= c.t)),
    'has calls out of time order',
  ),
);

export type LinkWorld = v.InferOutput<typeof LinkWorldSchema>;

/** The first problem valibot found, in words naming where it is (`calls.3.t: ...`). */
export function parseLinkWorld(
  value: unknown,
): { ok: true; world: LinkWorld } | { ok: false; problem: string } {
  const r = v.safeParse(LinkWorldSchema, value, { abortEarly: true });
  if (r.success) return { ok: true, world: r.output };
  const issue = r.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, problem: path ? `${path}: ${issue.message}` : issue.message };
}
